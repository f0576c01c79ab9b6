import PlanModel

/// `sso-only-no-enterprise-connection`: a `login: sso-only` organization has no enterprise connection enabled.
///
/// Enterprise strategies are those of ``ConnectionKind/enterpriseStrategies``
/// (https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers). Located at the
/// `login:` value.
public struct SSOOnlyNoEnterpriseConnection: Rule {
    /// Creates the rule.
    public init() {}

    /// `sso-only-no-enterprise-connection`.
    public let id = "sso-only-no-enterprise-connection"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "A `login: sso-only` organization has no enterprise connection enabled"
    /// The risk.
    public let whyItMatters = """
        The declared intent and the configuration disagree: the customer's people have no single sign-on path \
        into the organization, and whatever else is enabled (or enabled later by hand) is how they log in. The \
        customer's identity provider no longer decides who gets in. When `connections:` is absent the enabled \
        connections are not managed at all, so the intent cannot be checked either.
        """
    /// The fix.
    public let howToFix = """
        Declare the customer's enterprise connection (`waad`, `samlp`, `oidc`, `okta`, `google-apps`, `adfs`) \
        under `enterprise_connections:` and enable it in `connections:`; or change `login:` to the mode the \
        organization really has.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers",
    ]

    /// One finding per SSO-only organization without an enabled enterprise connection.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] where customer.login.value == .ssoOnly {
            let hasEnterprise = customer.enabledEntries.contains {
                tenant.connection(named: $0.connection.value)?.kind == .enterprise
            }
            guard !hasEnterprise else { continue }
            let state = customer.connections == nil
                ? "does not manage its enabled connections (connections is absent)"
                : "enables no enterprise connection"
            findings.append(
                finding(
                    "organization '\(customer.name)' is login: sso-only but \(state): the customer's identity provider "
                        + "does not decide who logs in; enable the customer's enterprise connection in connections, "
                        + "or declare the login mode the organization really has",
                    at: customer.login.location, organization: customer.name))
        }
        return findings
    }
}
