import JSONValues

/// One member of an organization as `GET /api/v2/organizations/{id}/members` lists it (`OrganizationMember`:
/// `user_id`, `email`, `name`; roles are not read).
public struct LiveMember: Sendable, Equatable {
    /// `user_id` (`auth0|…`, `samlp|acme-saml|…`): the provider of its primary identity, then `|`.
    public var userID: String
    /// `email`, when the user has one. Shown to people; never used to match anyone.
    public var email: String?

    /// A member.
    public init(userID: String, email: String?) {
        self.userID = userID
        self.email = email
    }

    /// Decodes a member object; `nil` without `user_id`.
    public init?(json: JSONValue) {
        guard let id = json["user_id"]?.stringValue else { return nil }
        self.init(userID: id, email: json["email"]?.stringValue)
    }

    /// The identity provider of the member's primary identity: the text of ``userID`` before its first `|`
    /// (`auth0` for a database connection, else the strategy: `samlp`, `waad`, `google-oauth2`, `email`), `nil`
    /// when the id has no `|`. Auth0 builds user ids as `{provider}|{id}` (https://auth0.com/docs/manage-users/user-accounts/identify-users).
    public var provider: String? {
        guard let bar = userID.firstIndex(of: "|") else { return nil }
        return String(userID[..<bar])
    }
}

/// One identity of a user (`UserIdentitySchema`): the connection it signs in with. Identity provider tokens
/// (`access_token`, `refresh_token`, `access_token_secret`) are never read into it.
public struct LiveIdentity: Sendable, Equatable {
    /// `connection`: the connection's name (not its id).
    public var connection: String
    /// `provider`: `auth0` for a database connection, else the strategy.
    public var provider: String

    /// An identity.
    public init(connection: String, provider: String) {
        self.connection = connection
        self.provider = provider
    }
}

/// A user as `GET /api/v2/users/{id}` returns it, reduced to what member impact needs: its identities (one per
/// linked account) and `app_metadata`.
public struct LiveUser: Sendable, Equatable {
    /// `user_id`.
    public var userID: String
    /// `email`, when present. Shown to people; never used to match anyone.
    public var email: String?
    /// `identities`, in the order returned (the primary identity first).
    public var identities: [LiveIdentity]
    /// `app_metadata`, `[:]` when absent: where an invitation's member id ends up once it is accepted.
    public var appMetadata: [String: JSONValue]

    /// A user.
    public init(userID: String, email: String?, identities: [LiveIdentity], appMetadata: [String: JSONValue]) {
        self.userID = userID
        self.email = email
        self.identities = identities
        self.appMetadata = appMetadata
    }

    /// Decodes a user object; `nil` without `user_id` or with an identity lacking `connection` or `provider`.
    public init?(json: JSONValue) {
        guard let id = json["user_id"]?.stringValue else { return nil }
        var identities: [LiveIdentity] = []
        for item in json["identities"]?.arrayValue ?? [] {
            guard let connection = item["connection"]?.stringValue, let provider = item["provider"]?.stringValue
            else { return nil }
            identities.append(LiveIdentity(connection: connection, provider: provider))
        }
        self.init(
            userID: id, email: json["email"]?.stringValue, identities: identities,
            appMetadata: json["app_metadata"]?.objectValue ?? [:])
    }
}
