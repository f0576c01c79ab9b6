/// What kind of login a connection strategy gives, after Auth0's connection types
/// (https://auth0.com/docs/authenticate/identity-providers).
public enum ConnectionKind: String, Sendable, Equatable {
    /// `auth0`: users and passwords stored in Auth0.
    case database
    /// `email`, `sms`: one-time codes.
    case passwordless
    /// A company's identity provider (`waad`, `samlp`, `oidc`, `okta`, …).
    case enterprise
    /// Any other strategy (`google-oauth2`, `github`, …): anyone with such an account.
    case social

    /// The kind of a strategy name.
    public init(strategy: String) {
        switch strategy {
        case "auth0": self = .database
        case "email", "sms": self = .passwordless
        case _ where Self.enterpriseStrategies.contains(strategy): self = .enterprise
        default: self = .social
        }
    }

    /// Auth0's enterprise strategies.
    public static let enterpriseStrategies: Set<String> = [
        "ad", "adfs", "auth0-oidc", "google-apps", "ip", "oidc", "okta", "pingfederate", "samlp", "sharepoint", "waad",
    ]

    /// The strategies a customer's `enterprise_connections` may use (README, "The tenant directory").
    public static let customerEnterpriseStrategies = ["waad", "samlp", "oidc", "okta", "google-apps", "adfs"]
}
