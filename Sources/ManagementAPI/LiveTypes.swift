import JSONValues

/// An organization as read from `GET /api/v2/organizations`, with its enabled connections
/// (`GET /api/v2/organizations/{id}/enabled_connections`) when they were read.
public struct LiveOrganization: Sendable, Equatable {
    /// `id` (`org_…`).
    public var id: String
    /// `name`.
    public var name: String
    /// `display_name`.
    public var displayName: String?
    /// `metadata` (string values), `[:]` when absent.
    public var metadata: [String: String]
    /// `metadata` with every member as returned (a number stays a number), `[:]` when absent: what the planner
    /// compares and keeps.
    public var metadataValues: [String: JSONValue]
    /// `branding`, as returned.
    public var branding: JSONValue?
    /// Enabled connections, or `nil` when they were not read (organization not managed here).
    public var enabledConnections: [LiveEnabledConnection]?

    /// Decodes an organization object; `nil` without `id` or `name`.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        self.id = id
        self.name = name
        displayName = json["display_name"]?.stringValue
        metadataValues = json["metadata"]?.objectValue ?? [:]
        metadata = metadataValues.compactMapValues(\.stringValue)
        branding = json["branding"]
        enabledConnections = nil
    }
}

/// One entry of an organization's enabled connections.
public struct LiveEnabledConnection: Sendable, Equatable {
    /// `connection_id` (`con_…`).
    public var connectionID: String
    /// `connection.name`.
    public var name: String
    /// `connection.strategy`.
    public var strategy: String
    /// `assign_membership_on_login`.
    public var assignMembershipOnLogin: Bool?
    /// `show_as_button`.
    public var showAsButton: Bool?
    /// `is_signup_enabled` (database connections only).
    public var isSignupEnabled: Bool?

    /// Decodes an enabled-connection object; `nil` without `connection_id`.
    public init?(json: JSONValue) {
        guard let id = json["connection_id"]?.stringValue else { return nil }
        connectionID = id
        name = json["connection"]?["name"]?.stringValue ?? id
        strategy = json["connection"]?["strategy"]?.stringValue ?? ""
        assignMembershipOnLogin = json["assign_membership_on_login"]?.boolValue
        showAsButton = json["show_as_button"]?.boolValue
        isSignupEnabled = json["is_signup_enabled"]?.boolValue
    }
}

/// A connection as read from `GET /api/v2/connections`, with its enabled clients
/// (`GET /api/v2/connections/{id}/clients`) when they were read.
public struct LiveConnection: Sendable, Equatable {
    /// `id` (`con_…`).
    public var id: String
    /// `name`.
    public var name: String
    /// `strategy`.
    public var strategy: String
    /// `display_name`.
    public var displayName: String?
    /// `options`, or `nil` when the read did not include them (token without `read:connections_options`).
    public var options: [String: JSONValue]?
    /// `metadata` (string values), `[:]` when absent.
    public var metadata: [String: String]
    /// `metadata` with every member as returned (a number stays a number), `[:]` when absent: what the planner
    /// compares and keeps.
    public var metadataValues: [String: JSONValue]
    /// Client ids the connection is enabled for, or `nil` when not read.
    public var enabledClients: [String]?

    /// Decodes a connection object; `nil` without `id`, `name` or `strategy`.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue,
            let strategy = json["strategy"]?.stringValue
        else { return nil }
        self.id = id
        self.name = name
        self.strategy = strategy
        displayName = json["display_name"]?.stringValue
        options = json["options"]?.objectValue
        metadataValues = json["metadata"]?.objectValue ?? [:]
        metadata = metadataValues.compactMapValues(\.stringValue)
        enabledClients = nil
    }
}

/// An application as read from `GET /api/v2/clients`; only the organization-related fields.
public struct LiveClient: Sendable, Equatable {
    /// `client_id`.
    public var clientID: String
    /// `name`.
    public var name: String
    /// `app_type`.
    public var appType: String?
    /// `organization_usage`.
    public var organizationUsage: String?
    /// `organization_require_behavior`.
    public var organizationRequireBehavior: String?
    /// `initiate_login_uri`.
    public var initiateLoginURI: String?
    /// `client_metadata` (string values), `[:]` when absent.
    public var clientMetadata: [String: String]
    /// `client_metadata` with every member as returned, `[:]` when absent: what the planner compares and keeps.
    public var clientMetadataValues: [String: JSONValue]

    /// Decodes a client object; `nil` without `client_id` or `name`.
    public init?(json: JSONValue) {
        guard let id = json["client_id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        clientID = id
        self.name = name
        appType = json["app_type"]?.stringValue
        organizationUsage = json["organization_usage"]?.stringValue
        organizationRequireBehavior = json["organization_require_behavior"]?.stringValue
        initiateLoginURI = json["initiate_login_uri"]?.stringValue
        clientMetadataValues = json["client_metadata"]?.objectValue ?? [:]
        clientMetadata = clientMetadataValues.compactMapValues(\.stringValue)
    }
}

/// A role as read from `GET /api/v2/roles`.
public struct LiveRole: Sendable, Equatable {
    /// `id` (`rol_…`).
    public var id: String
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?

    /// Decodes a role object; `nil` without `id` or `name`.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        self.id = id
        self.name = name
        description = json["description"]?.stringValue
    }
}

/// What was read of the live tenant for one plan.
public struct LiveSnapshot: Sendable, Equatable {
    /// Every organization.
    public var organizations: [LiveOrganization]
    /// Every connection.
    public var connections: [LiveConnection]
    /// Every client.
    public var clients: [LiveClient]
    /// Every role.
    public var roles: [LiveRole]
    /// How many requests the read took.
    public var requestCount: Int

    /// Creates a snapshot.
    public init(
        organizations: [LiveOrganization] = [], connections: [LiveConnection] = [], clients: [LiveClient] = [],
        roles: [LiveRole] = [], requestCount: Int = 0
    ) {
        self.organizations = organizations
        self.connections = connections
        self.clients = clients
        self.roles = roles
        self.requestCount = requestCount
    }
}

/// The ownership marker tenantplan writes into `metadata` / `client_metadata` (README, "What the plan promises").
public enum OwnershipMarker {
    /// The metadata key.
    public static let key = "managed_by"
    /// Its value.
    public static let value = "tenantplan"

    /// True when `metadata` carries the marker.
    public static func isMarked(_ metadata: [String: String]) -> Bool { metadata[key] == value }
}
