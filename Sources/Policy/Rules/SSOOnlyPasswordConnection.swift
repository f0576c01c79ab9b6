import PlanModel

/// `sso-only-password-connection`: a `login: sso-only` organization enables a database, passwordless or social
/// connection.
///
/// With Organizations, the organization's enabled connections decide who can log in to it; `show_as_button:
/// false` only hides the button, the connection can still be chosen through the `/authorize` request or
/// identifier-first discovery
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections).
/// Located at the entry's `connection:` value.
public struct SSOOnlyPasswordConnection: Rule {
    /// Creates the rule.
    public init() {}

    /// `sso-only-password-connection`.
    public let id = "sso-only-password-connection"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title =
        "A `login: sso-only` organization enables a database, passwordless or social connection"
    /// The risk.
    public let whyItMatters = """
        An organization's enabled connections decide how people can log in to it. A database, passwordless or \
        social connection enabled on an SSO-only organization is a way in that bypasses the customer's identity \
        provider: offboarding in the customer's directory no longer locks a person out, and anyone who can \
        create or own an account on that connection can reach the organization's login. Hiding the button \
        (`show_as_button: false`) does not block it: the connection can still be named in the authorize request \
        or picked by identifier-first discovery.
        """
    /// The fix.
    public let howToFix = """
        Remove the entry from the customer's `connections:`. If password users are still migrating, declare \
        `login: sso-and-password` for the time being, or add an exception with a reason and an `expires` date.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
        "https://community.auth0.com/t/understanding-access-behavior-with-connections-and-organizations/167644",
    ]

    /// One finding per non-enterprise entry of an SSO-only organization.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] where customer.login.value == .ssoOnly {
            for entry in customer.enabledEntries {
                guard let connection = tenant.connection(named: entry.connection.value),
                    connection.kind != .enterprise
                else { continue }
                let hidden = entry.showAsButton?.value == false ? " (show_as_button: false only hides the button)" : ""
                findings.append(
                    finding(
                        "organization '\(customer.name)' is login: sso-only but enables the \(connection.described): "
                            + "anyone with an account on it can log in to the organization without the customer's "
                            + "identity provider\(hidden); remove this entry from connections, or declare "
                            + "login: sso-and-password",
                        at: entry.connection.location, organization: customer.name))
            }
        }
        return findings
    }
}
