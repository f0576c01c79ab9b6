/// A connection as declared in `tenant.yaml` `connections:` (shared) or a customer's `enterprise_connections:`.
///
/// Fields follow `POST /api/v2/connections`. `options` holds only the declared keys: on update they are laid
/// over the live options (Auth0 replaces `options` whole on `PATCH /api/v2/connections/{id}`).
public struct Connection: Sendable, Equatable {
    /// `name` (identity), where its value is written.
    public let name: Located<String>
    /// `strategy` (`auth0`, `waad`, `samlp`, …).
    public let strategy: Located<String>
    /// `display_name`; `nil` when not managed.
    public let displayName: Located<String>?
    /// Declared `options` keys; empty when the section is absent.
    public let options: [String: Located<DesiredValue>]
    /// `enabled_clients` by client name; `nil` when not managed. Changed through `/connections/{id}/clients`.
    public let enabledClients: Located<[Located<String>]>?
    /// `metadata` (Auth0's `maxProperties` less one key for the ownership marker); `nil` when not managed.
    public let metadata: Located<[String: String]>?
    /// The customer file that owns this connection (its `organization.name`), `nil` for a shared connection.
    public let owner: String?
    /// Where each nested `options` value is written, by its dot path below `options` (`signing_key.key`): the
    /// location of its key. Top-level keys are in ``options``; sequence items share their sequence's path. Empty
    /// for a connection not read from YAML.
    public let optionLocations: [String: SourceLocation]

    /// Creates a connection.
    public init(
        name: Located<String>, strategy: Located<String>, displayName: Located<String>?,
        options: [String: Located<DesiredValue>], enabledClients: Located<[Located<String>]>?,
        metadata: Located<[String: String]>?, owner: String?, optionLocations: [String: SourceLocation] = [:]
    ) {
        self.name = name
        self.strategy = strategy
        self.displayName = displayName
        self.options = options
        self.enabledClients = enabledClients
        self.metadata = metadata
        self.owner = owner
        self.optionLocations = optionLocations
    }

    /// The login kind of the strategy.
    public var kind: ConnectionKind { ConnectionKind(strategy: strategy.value) }
}

/// An application (`tenant.yaml` `clients:`); only its organization-related fields are managed
/// (`PATCH /api/v2/clients/{id}`). Undeclared fields are kept.
public struct Client: Sendable, Equatable {
    /// `name` (identity).
    public let name: Located<String>
    /// `app_type`: a value of Auth0's `ClientAppTypeEnum` (`regular_web`, `spa`, `native`, `non_interactive`, …).
    public let appType: Located<String>?
    /// `organization_usage`: `deny`, `allow`, `require`.
    public let organizationUsage: Located<String>?
    /// `organization_require_behavior`: `no_prompt`, `pre_login_prompt`, `post_login_prompt`.
    public let organizationRequireBehavior: Located<String>?
    /// `initiate_login_uri`: the `https://` route Auth0 builds invitation links from.
    public let initiateLoginURI: Located<String>?

    /// Creates a client.
    public init(
        name: Located<String>, appType: Located<String>?, organizationUsage: Located<String>?,
        organizationRequireBehavior: Located<String>?, initiateLoginURI: Located<String>?
    ) {
        self.name = name
        self.appType = appType
        self.organizationUsage = organizationUsage
        self.organizationRequireBehavior = organizationRequireBehavior
        self.initiateLoginURI = initiateLoginURI
    }
}

/// A role (`tenant.yaml` `roles:`), after `POST /api/v2/roles`.
public struct Role: Sendable, Equatable {
    /// The longest role `name` tenantplan accepts. Auth0's OpenAPI document states no length for role names; this is
    /// tenantplan's own limit (kept from its first version), not Auth0's.
    public static let nameLimit = 50
    /// The longest role `description` tenantplan accepts; as ``nameLimit``, tenantplan's own limit (the OpenAPI
    /// document states none for roles; 140 is what it states for a client's `description`).
    public static let descriptionLimit = 140

    /// `name` (identity).
    public let name: Located<String>
    /// `description`; `nil` when not managed.
    public let description: Located<String>?

    /// Creates a role.
    public init(name: Located<String>, description: Located<String>?) {
        self.name = name
        self.description = description
    }
}
