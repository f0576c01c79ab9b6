import Foundation
import PlanModel
import Policy
import Testing

/// `other-customer-enterprise-connection`: an organization enabling an enterprise connection another customer's file
/// owns, whatever `assign_membership_on_login` says; a shared connection from `tenant.yaml` and the neighbours (two
/// customers on a third's connection, an exception). The customer's own connection is its ``NearestSafeInput``.
@Suite("Rule other-customer-enterprise-connection")
struct OtherCustomerEnterpriseConnectionTests {
    static let rule = "other-customer-enterprise-connection"

    /// A customer `name` owning the waad connection `<name>-entra`, enabled on its own organization.
    static func owner(_ name: String) -> String {
        """
        organization:
          name: \(name)
        login: sso-only
        connections:
          - connection: \(name)-entra
        enterprise_connections:
          - name: \(name)-entra
            strategy: waad
            options:
              tenant_domain: \(name).example
              userid_attribute: oid

        """
    }

    /// `Sample.acme` also enabling `connection`: the entry's `connection:` value is at line 7, column 17; `flag`
    /// is the entry's `assign_membership_on_login` line (line 8), or no line at all.
    static func acme(enabling connection: String, assign flag: Bool?) -> String {
        var lines = "    assign_membership_on_login: true\n  - connection: \(connection)"
        if let flag { lines += "\n    assign_membership_on_login: \(flag)" }
        return Sample.acme([6: lines])
    }

    static func message(_ organization: String, _ connection: String, owner: String) -> String {
        "organization '\(organization)' enables enterprise connection '\(connection)', which is the connection of "
            + "customer '\(owner)': that customer's identity provider decides who logs in to the organization, "
            + "whatever assign_membership_on_login says; remove this entry from connections and enable the "
            + "customer's own enterprise connection"
    }

    @Test("fires at the enabled connection entry, whatever assign_membership_on_login says", arguments: [false, nil])
    func firesWithoutAutoMembership(flag: Bool?) throws {
        let report = try Sample.check(customers: [
            "acme": Self.acme(enabling: "globex-entra", assign: flag), "globex": Self.owner("globex"),
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:7:17: error[\(Self.rule)]: \(Self.message("acme", "globex-entra", owner: "globex"))"
            ])
        #expect(report.entries.map(\.organization) == ["acme"])
        #expect(report.hasErrorFindings)
    }

    @Test("fires beside auto-membership-shared-connection with assign_membership_on_login: true")
    func firesWithAutoMembership() throws {
        let report = try Sample.check(customers: [
            "acme": Self.acme(enabling: "globex-entra", assign: true), "globex": Self.owner("globex"),
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:7:17: error[\(Self.rule)]: \(Self.message("acme", "globex-entra", owner: "globex"))",
                "customers/acme.yaml:8:33: error[auto-membership-shared-connection]: organization 'acme' makes every "
                    + "user of connection 'globex-entra' a member on login, but it is the connection of customer "
                    + "'globex': people who are not the customer's can join the organization; set "
                    + "assign_membership_on_login: false and invite members, or enable it only on the customer's own "
                    + "enterprise connection",
            ])
    }

    @Test("fires once per organization when two customers enable a third's connection")
    func twoCustomersOnAThirdsConnection() throws {
        let initech = """
            organization:
              name: initech
            login: sso-and-password
            connections:
              - connection: Username-Password-Authentication
              - connection: globex-entra
                assign_membership_on_login: false

            """
        let report = try Sample.check(customers: [
            "acme": Self.acme(enabling: "globex-entra", assign: false), "globex": Self.owner("globex"),
            "initech": initech,
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:7:17: error[\(Self.rule)]: \(Self.message("acme", "globex-entra", owner: "globex"))",
                "customers/initech.yaml:6:17: error[\(Self.rule)]: "
                    + Self.message("initech", "globex-entra", owner: "globex"),
            ])
        #expect(report.entries.map(\.organization) == ["acme", "initech"])
    }

    @Test("a shared enterprise connection from tenant.yaml is owned by no customer and passes")
    func sharedConnectionPasses() throws {
        let shared = """
              - name: partner-saml
                strategy: samlp
                options:
                  signInEndpoint: https://idp.partner.example/sso

            """
        let report = try Sample.check(
            tenant: Sample.tenant(connections: shared),
            customers: ["acme": Self.acme(enabling: "partner-saml", assign: false)])
        #expect(report.findings.map(\.description) == [])
        #expect(report.checkedRules.contains(Self.rule))
    }

    @Test("an exception with a reason moves the finding to suppressed")
    func exceptionSuppresses() throws {
        let policy = """
            policy:
              exceptions:
                - rule: other-customer-enterprise-connection
                  organization: acme
                  reason: acme is a globex subsidiary and signs in through globex's Entra tenant

            """
        let report = try Sample.check(
            tenant: Sample.tenant(policy: policy),
            customers: ["acme": Self.acme(enabling: "globex-entra", assign: false), "globex": Self.owner("globex")])
        #expect(report.findings.map(\.description) == [])
        #expect(
            report.suppressed == [
                PolicyReport.Suppressed(
                    diagnostic: Diagnostic(
                        .error, ruleID: Self.rule, Self.message("acme", "globex-entra", owner: "globex"),
                        at: SourceLocation(file: "customers/acme.yaml", line: 7, column: 17)),
                    organization: "acme",
                    reason: "acme is a globex subsidiary and signs in through globex's Entra tenant",
                    exception: SourceLocation(file: "tenant.yaml", line: 17, column: 7), expires: nil)
            ])
        #expect(report.settingsDiagnostics.isEmpty)
        #expect(!report.hasErrors)
    }
}
