import Foundation
import PlanModel
import Policy
import Testing
import TestSupport

/// `tenant.yaml` `policy:`: severity overrides, `off`, parameters, unknown ids, and exceptions.
/// `Sample.tenant(policy:)` puts `policy:` at line 15.
@Suite("Policy settings")
struct PolicySettingsTests {
    static let memberIDMessage =
        "organization 'acme' invitations do not require an app_metadata key: an accepted invitation is not tied to "
        + "a record in the company's own user directory, so a forwarded link leaves nothing to check; add "
        + "require_app_metadata: [member_id] (or the key your application uses) to invitations"

    static func rules(_ line: String) -> String { "policy:\n  rules:\n    \(line)\n" }

    @Test("severity: error raises a warning rule")
    func severityError() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.rules("invitation-member-id: { severity: error }")),
            customers: ["acme": Sample.acme([22: ""])])
        #expect(report.findings.map(\.description) == [
            "customers/acme.yaml:17:1: error[invitation-member-id]: \(Self.memberIDMessage)",
        ])
        #expect(report.hasErrors && report.hasErrorFindings && !report.hasSettingsErrors)
    }

    @Test("severity: warning lowers an error rule")
    func severityWarning() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.rules("sso-only-password-connection: { severity: warning }")),
            customers: ["acme": Sample.acme([6: "    assign_membership_on_login: true\n  - connection: google-oauth2"])])
        #expect(report.findings.map(\.severity) == [.warning])
        #expect(report.findings.map(\.ruleID) == ["sso-only-password-connection"])
        #expect(!report.hasErrors)
    }

    @Test("severity: off does not run the rule")
    func severityOff() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.rules("waad-userid-attribute: { severity: off }")),
            customers: ["acme": Sample.acme([15: ""])])
        #expect(report.findings.map(\.description) == [])
        #expect(!report.checkedRules.contains("waad-userid-attribute"))
        #expect(report.checkedRules.count == RuleCatalog.all.count - 1)
    }

    @Test("an unknown rule id in policy.rules is an error at its location, with a suggestion")
    func unknownRule() throws {
        let near = try Sample.check(
            tenant: Sample.tenant(policy: Self.rules("sso-only-pasword-connection: { severity: off }")),
            customers: ["acme": Sample.acme()])
        #expect(near.settingsDiagnostics.map(\.description) == [
            "tenant.yaml:17:5: error: unknown rule 'sso-only-pasword-connection' in policy.rules "
                + "(did you mean 'sso-only-password-connection'?)",
        ])
        #expect(near.hasErrors && near.hasSettingsErrors && !near.hasErrorFindings)
        let far = try Sample.check(
            tenant: Sample.tenant(policy: Self.rules("made-up: { severity: off }")), customers: ["acme": Sample.acme()])
        #expect(far.settingsDiagnostics.map(\.description) == [
            "tenant.yaml:17:5: error: unknown rule 'made-up' in policy.rules (rule ids are listed in docs/rules.md)",
        ])
    }

    @Test("rule parameters are checked: unknown key, not a duration, out of range")
    func badParameters() throws {
        let cases: [(String, String)] = [
            ("invitation-ttl: { maximum: 7d }",
             "tenant.yaml:17:32: error: unknown key 'maximum' in policy.rules.invitation-ttl (expected: severity, max)"),
            ("invitation-ttl: { max: soon }",
             "tenant.yaml:17:28: error: policy.rules.invitation-ttl.max 'soon' is not a duration (expected a number "
                + "with s, m, h or d, e.g. 7d)"),
            ("invitation-ttl: { max: 45d }",
             "tenant.yaml:17:28: error: policy.rules.invitation-ttl.max '45d' is out of range (expected 1s to 30d)"),
            ("sso-only-password-connection: { max: 7d }",
             "tenant.yaml:17:42: error: unknown key 'max' in policy.rules.sso-only-password-connection "
                + "(expected: severity)"),
        ]
        for (line, expected) in cases {
            let report = try Sample.check(
                tenant: Sample.tenant(policy: Self.rules(line)), customers: ["acme": Sample.acme([20: "  ttl: 8d"])])
            #expect(report.settingsDiagnostics.map(\.description) == [expected])
            // An invalid maximum is not used: 8d is below Auth0's 30 days, so no finding.
            #expect(report.findings.map(\.description) == [])
        }
    }

    // MARK: Exceptions

    static func exception(
        rule: String = "sso-only-password-connection", organization: String? = "acme", expires: String? = "2026-12-31"
    ) -> String {
        var text = "policy:\n  exceptions:\n    - rule: \(rule)\n"
        if let organization { text += "      organization: \(organization)\n" }
        text += "      reason: \"password users migrate until 2026-12-31\"\n"
        if let expires { text += "      expires: \(expires)\n" }
        return text
    }

    static let hiddenDatabase = Sample.acme([
        6: "    assign_membership_on_login: true\n  - connection: Username-Password-Authentication\n"
            + "    show_as_button: false"
    ])

    static let hiddenDatabaseMessage =
        "organization 'acme' is login: sso-only but enables the database connection "
        + "'Username-Password-Authentication': anyone with an account on it can log in to the organization without "
        + "the customer's identity provider (show_as_button: false only hides the button); remove this entry from "
        + "connections, or declare login: sso-and-password"

    @Test("a valid exception suppresses the organization's findings of the rule, with its reason")
    func validException() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception()), customers: ["acme": Self.hiddenDatabase])
        #expect(report.findings.map(\.description) == [])
        #expect(report.settingsDiagnostics.isEmpty)
        #expect(report.suppressed == [
            PolicyReport.Suppressed(
                diagnostic: Diagnostic(
                    .error, ruleID: "sso-only-password-connection", Self.hiddenDatabaseMessage,
                    at: SourceLocation(file: "customers/acme.yaml", line: 7, column: 17)),
                organization: "acme", reason: "password users migrate until 2026-12-31",
                exception: SourceLocation(file: "tenant.yaml", line: 17, column: 7), expires: "2026-12-31"),
        ])
        #expect(!report.hasErrors)
    }

    @Test("an exception applies through its expires day (UTC, inclusive)")
    func exceptionExpiresToday() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(expires: "2026-06-15")), customers: ["acme": Self.hiddenDatabase])
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.count == 1)
        #expect(report.settingsDiagnostics.isEmpty)
    }

    @Test("an expired exception no longer applies and says so")
    func expiredException() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(expires: "2026-06-14")), customers: ["acme": Self.hiddenDatabase])
        #expect(report.findings.map(\.description) == [
            "customers/acme.yaml:7:17: error[sso-only-password-connection]: \(Self.hiddenDatabaseMessage)",
        ])
        #expect(report.suppressed.isEmpty)
        #expect(report.settingsDiagnostics.map(\.description) == [
            "tenant.yaml:20:16: warning: policy.exceptions[0] (rule 'sso-only-password-connection' for organization "
                + "'acme') expired on 2026-06-14 and no longer applies: its findings are reported again; fix them, or "
                + "renew the exception with a new expires date and reason",
        ])
        #expect(report.hasErrorFindings && !report.hasSettingsErrors)
    }

    @Test("an exception without expires applies")
    func exceptionWithoutExpiry() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(expires: nil)), customers: ["acme": Self.hiddenDatabase])
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.expires) == [nil])
    }

    @Test("an exception for another organization does not apply")
    func exceptionOtherOrganization() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(organization: "globex")),
            customers: ["acme": Self.hiddenDatabase, "globex": RuleTests.globex(aliases: "[globex.example]")])
        #expect(report.findings.map(\.ruleID) == ["sso-only-password-connection"])
        #expect(report.suppressed.isEmpty)
    }

    @Test("an exception without a reason is a load error")
    func exceptionWithoutReason() throws {
        let policy = "policy:\n  exceptions:\n    - rule: sso-only-password-connection\n      organization: acme\n"
        let scratch = try CaseWorkspace(
            "policy", tenant: Sample.tenant(policy: policy), customers: ["acme": Self.hiddenDatabase])
        let result = scratch.load()
        #expect(result.tenant == nil)
        #expect(result.diagnostics.map(\.description) == [
            "tenant.yaml:17:7: error: missing required key 'reason' in policy.exceptions[0]",
        ])
    }

    @Test("an exception naming an unknown rule or organization is an error at that name")
    func exceptionUnknownNames() throws {
        let rule = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(rule: "sso-only-password")), customers: ["acme": Sample.acme()])
        #expect(rule.settingsDiagnostics.map(\.description) == [
            "tenant.yaml:17:13: error: policy.exceptions[0].rule names rule 'sso-only-password', which does not "
                + "exist (rule ids are listed in docs/rules.md)",
        ])
        let organization = try Sample.check(
            tenant: Sample.tenant(policy: Self.exception(organization: "acme-corp")), customers: ["acme": Sample.acme()])
        #expect(organization.settingsDiagnostics.map(\.description) == [
            "tenant.yaml:18:21: error: policy.exceptions[0].organization names organization 'acme-corp', which no "
                + "customer file declares",
        ])
        #expect(organization.hasSettingsErrors)
    }

    @Test("an exception without organization covers tenant-wide findings only")
    func tenantWideException() throws {
        let connections = "  - name: partner-saml\n    strategy: samlp\n    options:\n      client_secret: LITERAL-1\n"
        let customer = Sample.acme([14: "      client_secret: LITERAL-2"])
        let report = try Sample.check(
            tenant: Sample.tenant(
                connections: connections,
                policy: Self.exception(rule: "plaintext-secret", organization: nil, expires: nil)),
            customers: ["acme": customer])
        #expect(report.suppressed.map { $0.diagnostic.location?.description } == ["tenant.yaml:11:7"])
        #expect(report.suppressed.map(\.organization) == [nil])
        #expect(report.findings.map { $0.location?.description } == ["customers/acme.yaml:14:7"])
        #expect(report.entries.map(\.organization) == ["acme"])
    }
}
