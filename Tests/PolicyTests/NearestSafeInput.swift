import Testing

/// The nearest safe input of one rule: its firing input in ``RuleTests`` with the one change that makes it safe.
/// ``RuleTests/nearestSafeInput(_:)`` requires ``rule`` to name a rule of the catalogue, the rule to have run, none
/// of its findings, and exactly ``otherRules`` among the others; a rule id that does not exist fails the test.
struct NearestSafeInput: Sendable, CustomTestStringConvertible {
    /// The rule id, as the catalogue spells it.
    let rule: String
    /// What makes the input safe.
    let change: String
    /// `tenant.yaml`.
    var tenant = Sample.tenant()
    /// Customer files by name.
    let customers: [String: String]
    /// The environment the directory is loaded with.
    var environment: [String: String] = [:]
    /// The ids of the other rules that find something in this input, in report order.
    var otherRules: [String] = []

    var testDescription: String { "\(rule): \(change)" }

    /// Every rule's nearest safe inputs, in catalogue order.
    static let all: [NearestSafeInput] = [
        NearestSafeInput(
            rule: "sso-only-password-connection", change: "login: sso-and-password with the database connection",
            customers: [
                "acme": Sample.acme([
                    3: "login: sso-and-password",
                    6: "    assign_membership_on_login: true\n  - connection: Username-Password-Authentication",
                ])
            ]),
        NearestSafeInput(
            rule: "sso-only-no-enterprise-connection", change: "a samlp connection enabled",
            customers: ["acme": Sample.acme([9: "    strategy: samlp", 15: "", 16: ""])]),
        NearestSafeInput(
            rule: "invite-only-signup-open", change: "is_signup_enabled: false",
            customers: [
                "acme": Sample.acme([
                    3: "login: sso-and-password",
                    6: RuleTests.openSignup.replacingOccurrences(
                        of: "is_signup_enabled: true", with: "is_signup_enabled: false"),
                ])
            ],
            otherRules: ["auto-membership-shared-connection"]),
        NearestSafeInput(
            rule: "invite-only-signup-open", change: "sign-up open without an invitation policy",
            customers: [
                "acme": Sample.acme([
                    3: "login: sso-and-password", 6: RuleTests.openSignup, 17: "", 18: "", 19: "", 20: "", 21: "",
                    22: "",
                ])
            ],
            otherRules: ["auto-membership-shared-connection"]),
        NearestSafeInput(
            rule: "auto-membership-shared-connection", change: "auto-membership on the customer's own connection",
            customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "other-customer-enterprise-connection", change: "each customer enables its own connection",
            customers: ["acme": Sample.acme(), "globex": OtherCustomerEnterpriseConnectionTests.owner("globex")]),
        NearestSafeInput(
            rule: "waad-email-verified-trusted", change: "never_set_emails_as_verified",
            customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "waad-common-endpoint-auto-membership", change: "the common endpoint without auto-membership",
            customers: [
                "acme": Sample.acme([
                    6: "    assign_membership_on_login: false",
                    15: "      userid_attribute: sub\n      useCommonEndpoint: true",
                ])
            ]),
        NearestSafeInput(
            rule: "waad-userid-attribute", change: "oid on a single-tenant connection",
            customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "waad-userid-attribute", change: "sub on the common endpoint",
            customers: [
                "acme": Sample.acme([
                    6: "    assign_membership_on_login: false",
                    15: "      userid_attribute: sub\n      useCommonEndpoint: true",
                ])
            ]),
        NearestSafeInput(
            rule: "domain-claimed-twice", change: "distinct domains, one connection naming its own twice",
            customers: ["acme": Sample.acme(), "globex": RuleTests.globex(aliases: "[globex.example, globex.test]")]),
        NearestSafeInput(
            rule: "invitation-client-login-route", change: "the client has initiate_login_uri",
            tenant: Sample.tenant(clients: RuleTests.portal(usage: "allow", loginURI: true)),
            customers: ["acme": Sample.acme([18: "  client: portal"])]),
        NearestSafeInput(
            rule: "invitation-client-organizations", change: "organization_usage: allow",
            tenant: Sample.tenant(clients: RuleTests.portal(usage: "allow", loginURI: true)),
            customers: ["acme": Sample.acme([18: "  client: portal"])]),
        NearestSafeInput(
            rule: "invitation-connection-not-enabled", change: "the invitation connection is enabled",
            customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "invitation-connection-not-enabled", change: "enabled connections not managed",
            customers: ["acme": Sample.acme([4: "", 5: "", 6: ""])],
            otherRules: ["sso-only-no-enterprise-connection"]),
        NearestSafeInput(
            rule: "invitation-ttl", change: "the lifetime at the configured maximum",
            tenant: Sample.tenant(policy: RuleTests.maxSevenDays), customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "invitation-ttl", change: "ttl_sec at Auth0's maximum",
            customers: ["acme": Sample.acme([20: "  ttl_sec: 2592000"])]),
        NearestSafeInput(
            rule: "invitation-member-id", change: "member_id required", customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "plaintext-secret", change: "${env:NAME}, unset", customers: ["acme": Sample.acme()]),
        NearestSafeInput(
            rule: "plaintext-secret", change: "${env:NAME}, set", customers: ["acme": Sample.acme()],
            environment: ["ACME_SECRET": "from-env-XYZ"]),
    ]
}
