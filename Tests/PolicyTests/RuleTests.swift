import Foundation
import PlanModel
import Policy
import Testing

/// Every rule of docs/rules.md: an input where it fires (id, severity, file:line:column and the whole message)
/// and its nearest safe inputs (``NearestSafeInput``), where it runs and finds nothing. Inputs are `Sample.acme`
/// with a few lines changed. Every rule id a test names is checked to exist in ``RuleCatalog``.
@Suite("Rules")
struct RuleTests {
    @Test("the nearest safe input passes its rule", arguments: NearestSafeInput.all)
    func nearestSafeInput(_ input: NearestSafeInput) throws {
        let rule = try #require(RuleCatalog.rule(id: input.rule), "no rule '\(input.rule)' in the catalogue")
        let report = try Sample.check(tenant: input.tenant, customers: input.customers, environment: input.environment)
        #expect(report.settingsDiagnostics.map(\.description) == [])
        #expect(report.checkedRules.contains(rule.id))
        #expect(Sample.findings(report, rule: rule.id) == [])
        #expect(report.findings.compactMap(\.ruleID) == input.otherRules)
    }

    @Test("every rule of the catalogue has a nearest safe input, and every safe input names a rule of it")
    func everyRuleHasASafeInput() {
        #expect(Set(NearestSafeInput.all.map(\.rule)) == Set(RuleCatalog.all.map(\.id)))
    }

    @Test("a rule id that is not in the catalogue fails the test that names it")
    func unknownRuleIDFails() throws {
        let report = try Sample.check(customers: ["acme": Sample.acme()])
        withKnownIssue("Sample.findings records an issue for a rule id the catalogue does not have") {
            #expect(Sample.findings(report, rule: "sso-only-pasword-connection") == [])
        }
        #expect(RuleCatalog.rule(id: "sso-only-pasword-connection") == nil)
    }

    @Test("the sample tenant is clean")
    func sampleIsClean() throws {
        let report = try Sample.check(customers: ["acme": Sample.acme()])
        #expect(report.findings.map(\.description) == [])
        #expect(report.settingsDiagnostics.isEmpty)
        #expect(report.checkedRules == RuleCatalog.all.map(\.id))
        #expect(!report.hasErrors)
    }

    // MARK: sso-only-password-connection

    @Test("sso-only-password-connection fires on a hidden database connection")
    func ssoOnlyPasswordConnectionFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([
                6: """
                    assign_membership_on_login: true
                  - connection: Username-Password-Authentication
                    show_as_button: false
                """
            ])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:7:17: error[sso-only-password-connection]: organization 'acme' is login: "
                    + "sso-only but enables the database connection 'Username-Password-Authentication': anyone with "
                    + "an account on it can log in to the organization without the customer's identity provider "
                    + "(show_as_button: false only hides the button); remove this entry from connections, or "
                    + "declare login: sso-and-password"
            ])
        #expect(report.hasErrors)
    }

    @Test("sso-only-password-connection fires on a social connection")
    func ssoOnlyPasswordConnectionSocial() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([6: "    assign_membership_on_login: true\n  - connection: google-oauth2"])
        ])
        #expect(
            Sample.findings(report, rule: "sso-only-password-connection") == [
                "customers/acme.yaml:7:17: error[sso-only-password-connection]: organization 'acme' is login: "
                    + "sso-only but enables the social connection 'google-oauth2': anyone with an account on it can "
                    + "log in to the organization without the customer's identity provider; remove this entry from "
                    + "connections, or declare login: sso-and-password"
            ])
    }

    // MARK: sso-only-no-enterprise-connection

    @Test("sso-only-no-enterprise-connection fires with no connections enabled")
    func ssoOnlyNoEnterpriseFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([4: "connections: []", 5: "", 6: "", 19: ""])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:3:8: error[sso-only-no-enterprise-connection]: organization 'acme' is login: "
                    + "sso-only but enables no enterprise connection: the customer's identity provider does not "
                    + "decide who logs in; enable the customer's enterprise connection in connections, or declare "
                    + "the login mode the organization really has"
            ])
    }

    @Test("sso-only-no-enterprise-connection fires when connections are not managed")
    func ssoOnlyNoEnterpriseAbsent() throws {
        let report = try Sample.check(customers: ["acme": Sample.acme([4: "", 5: "", 6: ""])])
        #expect(
            Sample.findings(report, rule: "sso-only-no-enterprise-connection") == [
                "customers/acme.yaml:3:8: error[sso-only-no-enterprise-connection]: organization 'acme' is login: "
                    + "sso-only but does not manage its enabled connections (connections is absent): the customer's "
                    + "identity provider does not decide who logs in; enable the customer's enterprise connection in "
                    + "connections, or declare the login mode the organization really has"
            ])
    }

    // MARK: invite-only-signup-open

    static let openSignup = """
            assign_membership_on_login: true
          - connection: Username-Password-Authentication
            assign_membership_on_login: true
            is_signup_enabled: true
        """

    @Test("invite-only-signup-open fires on sign-up with an invitation policy")
    func inviteOnlySignupOpenFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([3: "login: sso-and-password", 6: Self.openSignup])
        ])
        #expect(
            Sample.findings(report, rule: "invite-only-signup-open") == [
                "customers/acme.yaml:9:24: error[invite-only-signup-open]: organization 'acme' is invitation-only "
                    + "(it has an invitations policy) but enables sign-up on connection "
                    + "'Username-Password-Authentication': anyone who reaches the organization's login page can "
                    + "create an account and become a member without an invitation; set is_signup_enabled: false, "
                    + "or remove the invitations policy if open sign-up is intended"
            ])
    }

    // MARK: auto-membership-shared-connection

    @Test("auto-membership-shared-connection fires on a shared database connection")
    func autoMembershipSharedFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([
                3: "login: sso-and-password",
                6: """
                    assign_membership_on_login: true
                  - connection: Username-Password-Authentication
                    assign_membership_on_login: true
                """,
            ])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:8:33: error[auto-membership-shared-connection]: organization 'acme' makes every "
                    + "user of connection 'Username-Password-Authentication' a member on login, but it is a shared "
                    + "database connection from tenant.yaml: people who are not the customer's can join the "
                    + "organization; set assign_membership_on_login: false and invite members, or enable it only on "
                    + "the customer's own enterprise connection"
            ])
    }

    @Test("auto-membership-shared-connection fires on another customer's connection")
    func autoMembershipOtherCustomer() throws {
        let globex = """
            organization:
              name: globex
            login: sso-only
            connections:
              - connection: globex-entra
            enterprise_connections:
              - name: globex-entra
                strategy: waad
                options:
                  tenant_domain: globex.example
                  userid_attribute: oid

            """
        let report = try Sample.check(customers: [
            "acme": Sample.acme([6: "    assign_membership_on_login: true\n  - connection: globex-entra\n"
                + "    assign_membership_on_login: true"]),
            "globex": globex,
        ])
        // other-customer-enterprise-connection fires on the same entry (OtherCustomerEnterpriseConnectionTests).
        #expect(
            Sample.findings(report, rule: "auto-membership-shared-connection") == [
                "customers/acme.yaml:8:33: error[auto-membership-shared-connection]: organization 'acme' makes every "
                    + "user of connection 'globex-entra' a member on login, but it is the connection of customer "
                    + "'globex': people who are not the customer's can join the organization; set "
                    + "assign_membership_on_login: false and invite members, or enable it only on the customer's own "
                    + "enterprise connection"
            ])
    }

    // MARK: waad-email-verified-trusted

    @Test("waad-email-verified-trusted fires on always_set_emails_as_verified")
    func waadEmailVerifiedFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([16: "      should_trust_email_verified_connection: always_set_emails_as_verified"])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:16:7: error[waad-email-verified-trusted]: connection 'acme-entra' (waad) marks "
                    + "every Entra ID e-mail address as verified: Entra e-mail claims are editable and unverified, "
                    + "so whoever controls an Entra tenant can claim a victim's address and take over the matching "
                    + "account (\"nOAuth\"); set should_trust_email_verified_connection: never_set_emails_as_verified"
            ])
    }

    // MARK: waad-common-endpoint-auto-membership

    @Test("waad-common-endpoint-auto-membership fires on auto-membership through the common endpoint")
    func waadCommonEndpointFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([15: "      userid_attribute: sub\n      useCommonEndpoint: true"])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:6:33: error[waad-common-endpoint-auto-membership]: organization 'acme' makes "
                    + "every user of connection 'acme-entra' a member on login, and that waad connection uses the "
                    + "common endpoint (useCommonEndpoint: true): anyone with an account in any Microsoft Entra "
                    + "tenant can join the organization; set assign_membership_on_login: false and invite members, "
                    + "or make the connection single-tenant"
            ])
    }

    // MARK: waad-userid-attribute

    @Test("waad-userid-attribute warns when a single-tenant connection does not set it")
    func waadUserIDAbsent() throws {
        let report = try Sample.check(customers: ["acme": Sample.acme([15: ""])])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:8:11: warning[waad-userid-attribute]: single-tenant waad connection "
                    + "'acme-entra' does not set userid_attribute: users are then keyed on sub, which changes with "
                    + "the application registration and duplicates users when it does (SCIM also needs oid); set "
                    + "userid_attribute: oid when the connection is created"
            ])
        #expect(!report.hasErrors)
    }

    @Test("waad-userid-attribute warns on sub for a single-tenant connection")
    func waadUserIDSub() throws {
        let report = try Sample.check(customers: ["acme": Sample.acme([15: "      userid_attribute: sub"])])
        #expect(
            Sample.findings(report, rule: "waad-userid-attribute") == [
                "customers/acme.yaml:15:7: warning[waad-userid-attribute]: single-tenant waad connection "
                    + "'acme-entra' sets userid_attribute: sub: users are then keyed on sub, which changes with the "
                    + "application registration and duplicates users when it does (SCIM also needs oid); set "
                    + "userid_attribute: oid when the connection is created"
            ])
    }

    @Test("waad-userid-attribute is an error for the common endpoint with oid")
    func waadUserIDCommonOID() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([6: "    assign_membership_on_login: false", 16: "      useCommonEndpoint: true"])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:15:7: error[waad-userid-attribute]: connection 'acme-entra' uses the common "
                    + "endpoint (useCommonEndpoint: true) with userid_attribute: oid: oid is unique only within one "
                    + "Entra tenant, so users of different companies can land on the same Auth0 user; set "
                    + "userid_attribute: sub"
            ])
    }

    // MARK: domain-claimed-twice

    static func globex(aliases: String) -> String {
        """
        organization:
          name: globex
        login: sso-only
        connections:
          - connection: globex-entra
        enterprise_connections:
          - name: globex-entra
            strategy: waad
            options:
              tenant_domain: globex.example
              domain_aliases: \(aliases)
              userid_attribute: oid

        """
    }

    @Test("domain-claimed-twice fires across customers, case-insensitive, trailing dot ignored")
    func domainClaimedTwiceFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme(), "globex": Self.globex(aliases: "[globex.example, ACME.Example.]"),
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/globex.yaml:11:7: error[domain-claimed-twice]: e-mail domain 'acme.example' is claimed by "
                    + "connection 'globex-entra' (domain_aliases) and already by connection 'acme-entra': home realm "
                    + "discovery cannot tell which identity provider its users belong to, so logins can reach the "
                    + "wrong one; keep the domain on one connection only\n"
                    + "customers/acme.yaml:11:7: note: first claimed by connection 'acme-entra' here"
            ])
    }

    // MARK: invitation-client-login-route / invitation-client-organizations

    static func portal(usage: String, loginURI: Bool) -> String {
        "  - name: portal\n    organization_usage: \(usage)\n"
            + (loginURI ? "    initiate_login_uri: https://portal.example.com/login\n" : "")
    }

    @Test("invitation-client-login-route fires when the client has no initiate_login_uri")
    func invitationClientLoginRouteFires() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(clients: Self.portal(usage: "allow", loginURI: false)),
            customers: ["acme": Sample.acme([18: "  client: portal"])])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:18:11: error[invitation-client-login-route]: organization 'acme' invites through "
                    + "client 'portal', which has no initiate_login_uri: Auth0 cannot build the invitation link and "
                    + "rejects every invitation; set initiate_login_uri on client 'portal' in tenant.yaml, or invite "
                    + "through a client that has one"
            ])
    }

    @Test("invitation-client-organizations fires on organization_usage: deny")
    func invitationClientOrganizationsFires() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(clients: Self.portal(usage: "deny", loginURI: true)),
            customers: ["acme": Sample.acme([18: "  client: portal"])])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:18:11: error[invitation-client-organizations]: organization 'acme' invites "
                    + "through client 'portal', which has organization_usage: deny: invitees cannot log in to the "
                    + "organization through it, so every invitation fails; invite through a client with "
                    + "organization_usage: allow or require"
            ])
    }

    // MARK: invitation-connection-not-enabled

    @Test("invitation-connection-not-enabled fires when the connection is not enabled")
    func invitationConnectionFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([19: "  connection: Username-Password-Authentication"])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:19:15: error[invitation-connection-not-enabled]: organization 'acme' sends "
                    + "invitees to connection 'Username-Password-Authentication', which is not enabled on the "
                    + "organization: invitations cannot be accepted; enable it in connections, or name an enabled "
                    + "connection in invitations.connection"
            ])
    }

    // MARK: invitation-ttl

    static let maxSevenDays = "policy:\n  rules:\n    invitation-ttl: { max: 7d }\n"

    @Test("invitation-ttl is an error above 30 days, once, even above the configured maximum")
    func invitationTTLError() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.maxSevenDays),
            customers: ["acme": Sample.acme([20: "  ttl_sec: 2592001"])])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:20:12: error[invitation-ttl]: organization 'acme' invitations live 2592001 s, "
                    + "above Auth0's maximum of 30d (2592000 s): Auth0 rejects every invitation; set "
                    + "the lifetime to at most 30d"
            ])
    }

    @Test("invitation-ttl warns above the configured maximum")
    func invitationTTLWarning() throws {
        let report = try Sample.check(
            tenant: Sample.tenant(policy: Self.maxSevenDays), customers: ["acme": Sample.acme([20: "  ttl: 8d"])])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:20:8: warning[invitation-ttl]: organization 'acme' invitations live 8d "
                    + "(691200 s), above this tenant's maximum of 7d (policy.rules.invitation-ttl.max): a forwarded "
                    + "or leaked invitation can be used to join for longer; set the lifetime to at most 7d, or raise "
                    + "the maximum"
            ])
    }

    // MARK: invitation-member-id

    @Test("invitation-member-id warns when no app_metadata key is required")
    func invitationMemberIDFires() throws {
        let absent = try Sample.check(customers: ["acme": Sample.acme([22: ""])])
        let message = "organization 'acme' invitations do not require an app_metadata key: an accepted invitation "
            + "is not tied to a record in the company's own user directory, so a forwarded link leaves nothing to "
            + "check; add require_app_metadata: [member_id] (or the key your application uses) to invitations"
        #expect(absent.findings.map(\.description) == ["customers/acme.yaml:17:1: warning[invitation-member-id]: \(message)"])
        let empty = try Sample.check(customers: ["acme": Sample.acme([22: "  require_app_metadata: []"])])
        #expect(empty.findings.map(\.description) == ["customers/acme.yaml:22:25: warning[invitation-member-id]: \(message)"])
    }

    // MARK: plaintext-secret

    @Test("plaintext-secret fires on a literal client_secret and never prints it")
    func plaintextSecretFires() throws {
        let report = try Sample.check(customers: [
            "acme": Sample.acme([14: "      client_secret: s3cr3t-LITERAL-value-42"])
        ])
        #expect(
            report.findings.map(\.description) == [
                "customers/acme.yaml:14:7: error[plaintext-secret]: connection 'acme-entra' has a literal value in "
                    + "options.client_secret: the credential is readable by everyone with access to the repository "
                    + "and its history; write ${env:NAME} instead and rotate the credential"
            ])
        #expect(!report.findings.contains { $0.description.contains("s3cr3t") })
    }

    @Test("plaintext-secret fires on nested and database configuration secrets, tenant-wide")
    func plaintextSecretNested() throws {
        let connections = """
              - name: partner-saml
                strategy: samlp
                options:
                  signing_key: { key: LITERAL-KEY-1, cert: not-a-secret }
              - name: legacy-db
                strategy: auth0
                options:
                  configuration: { API_TOKEN: LITERAL-TOKEN-2, BASE_URL: "${env:LEGACY_URL}" }

            """
        let report = try Sample.check(
            tenant: Sample.tenant(connections: connections), customers: ["acme": Sample.acme()])
        #expect(
            report.findings.map(\.description) == [
                "tenant.yaml:11:22: error[plaintext-secret]: connection 'partner-saml' has a literal value in "
                    + "options.signing_key.key: the credential is readable by everyone with access to the "
                    + "repository and its history; write ${env:NAME} instead and rotate the credential",
                "tenant.yaml:15:24: error[plaintext-secret]: connection 'legacy-db' has a literal value in "
                    + "options.configuration.API_TOKEN: the credential is readable by everyone with access to the "
                    + "repository and its history; write ${env:NAME} instead and rotate the credential",
            ])
        #expect(report.entries.map(\.organization) == [nil, nil])
        #expect(!report.findings.contains { $0.description.contains("LITERAL-") })
    }

    /// A private key is found by its value in every declared text Auth0 stores, not only in connection options:
    /// a role description (no length limit in Auth0's schema), an organization's metadata value; a certificate or
    /// a public key in the same places is no finding.
    @Test("plaintext-secret fires on a private key outside connection options, never on a certificate")
    func plaintextSecretOutsideOptions() throws {
        let key = #""-----BEGIN PRIVATE KEY-----\nMIIE-LITERAL-ROLE\n-----END PRIVATE KEY-----""#
        let rsa = #""-----BEGIN RSA PRIVATE KEY-----\nMIIE-LITERAL-ORG\n-----END RSA PRIVATE KEY-----""#
        let tenant = Sample.tenant().replacingOccurrences(
            of: "  - name: member\n", with: "  - name: member\n    description: \(key)\n")
        let acme = Sample.acme([2: "  name: acme\n  metadata:\n    note: \(rsa)"])
        let report = try Sample.check(tenant: tenant, customers: ["acme": acme])
        #expect(
            Sample.findings(report, rule: "plaintext-secret") == [
                "customers/acme.yaml:4:5: error[plaintext-secret]: organization 'acme' has a private key in "
                    + "metadata.note: the credential is readable by everyone with access to the repository and its "
                    + "history; remove it (secrets belong only in connection options, as ${env:NAME}) and rotate the "
                    + "credential",
                "tenant.yaml:15:18: error[plaintext-secret]: role 'member' has a private key in description: the "
                    + "credential is readable by everyone with access to the repository and its history; remove it "
                    + "(secrets belong only in connection options, as ${env:NAME}) and rotate the credential",
            ])
        #expect(!report.findings.contains { $0.description.contains("LITERAL") })

        let certificate = #""-----BEGIN CERTIFICATE-----\nMIIC-PUBLIC\n-----END CERTIFICATE-----""#
        let publicKey = #""-----BEGIN PUBLIC KEY-----\nMIIB-PUBLIC\n-----END PUBLIC KEY-----""#
        let safe = try Sample.check(
            tenant: Sample.tenant().replacingOccurrences(
                of: "  - name: member\n", with: "  - name: member\n    description: \(certificate)\n"),
            customers: ["acme": Sample.acme([2: "  name: acme\n  metadata:\n    note: \(publicKey)"])])
        #expect(Sample.findings(safe, rule: "plaintext-secret") == [])
    }

    @Test("every rule of docs/rules.md is in the catalog, once, with its documented severity")
    func catalog() {
        let expected: [(String, Diagnostic.Severity)] = [
            ("sso-only-password-connection", .error), ("sso-only-no-enterprise-connection", .error),
            ("invite-only-signup-open", .error), ("auto-membership-shared-connection", .error),
            ("other-customer-enterprise-connection", .error),
            ("waad-email-verified-trusted", .error), ("waad-common-endpoint-auto-membership", .error),
            ("waad-userid-attribute", .warning), ("domain-claimed-twice", .error),
            ("invitation-client-login-route", .error), ("invitation-client-organizations", .error),
            ("invitation-connection-not-enabled", .error), ("invitation-ttl", .error),
            ("invitation-member-id", .warning), ("plaintext-secret", .error),
        ]
        #expect(RuleCatalog.all.map(\.id) == expected.map(\.0))
        #expect(RuleCatalog.all.map(\.defaultSeverity) == expected.map(\.1))
        for rule in RuleCatalog.all {
            #expect(!rule.title.isEmpty && !rule.whyItMatters.isEmpty && !rule.howToFix.isEmpty)
            #expect(!rule.references.isEmpty && rule.references.allSatisfy { $0.hasPrefix("https://") })
        }
    }
}
