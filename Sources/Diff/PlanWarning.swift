import PlanModel

/// Something a reviewer must know that the plan does not change: an organization whose `login` is `sso-only`
/// keeps a live link to a database, passwordless or social connection tenantplan does not manage (the link is
/// kept: tenantplan never removes what it does not manage, docs/decisions.md "What is managed"), so its members
/// can still sign in without the company's identity provider. A warning is not a change: `plan
/// --detailed-exitcode` exits 0 when a plan has warnings and no changes.
public struct PlanWarning: Sendable, Equatable {
    /// The organization's name.
    public let organization: String
    /// The connection's name.
    public let connection: String
    /// The connection's strategy (`auth0`, `google-oauth2`, `email`).
    public let strategy: String

    /// Creates a warning about `organization`'s link to `connection`.
    public init(organization: String, connection: String, strategy: String) {
        self.organization = organization
        self.connection = connection
        self.strategy = strategy
    }

    /// What kind of login the connection is: `database connection`, `passwordless connection`,
    /// `social connection` (``ConnectionKind``).
    public var connectionKind: String {
        switch ConnectionKind(strategy: strategy) {
        case .database: return "database connection"
        case .passwordless: return "passwordless connection"
        case .enterprise: return "enterprise connection"
        case .social: return "social connection"
        }
    }

    /// `organization "acme" is sso-only, but its members can also sign in with "side-db" (database connection,
    /// not managed here: kept)`.
    public var message: String {
        "organization \"\(organization)\" is sso-only, but its members can also sign in with \"\(connection)\" "
            + "(\(connectionKind), not managed here: kept)"
    }
}
