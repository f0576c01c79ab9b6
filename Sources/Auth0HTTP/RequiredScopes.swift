/// The Management API scopes each command needs, checked before its first Management API request.
///
/// Each endpoint's scope is the one the Management API v2 reference lists for it
/// (https://auth0.com/docs/api/management/v2); `read:connections_options` and `update:connections_options` are
/// needed to read and write a connection's `options`.
public enum RequiredScopes: String, Sendable, CaseIterable {
    /// `plan`: reads organizations, their enabled connections, connections with options, clients, roles.
    case plan
    /// `apply`: the plan reads plus the writes of every resource kind.
    case apply
    /// `export`: the same reads as `plan`.
    case export
    /// `invite`: reads the organization, its connections, clients and roles; creates invitations.
    case invite
    /// `invitations`: lists and deletes (revokes) invitations.
    case invitations

    /// The scopes, in the order a missing-scopes message lists them.
    public var scopes: [String] {
        switch self {
        case .plan, .export:
            return Self.reads
        case .apply:
            return Self.reads + [
                "create:organizations", "update:organizations", "delete:organizations",
                "create:organization_connections", "update:organization_connections",
                "delete:organization_connections",
                "create:connections", "update:connections", "delete:connections", "update:connections_options",
                "create:clients", "update:clients", "delete:clients",
                "create:roles", "update:roles", "delete:roles",
            ]
        case .invite:
            return [
                "read:organizations", "read:organization_connections", "read:clients", "read:roles",
                "read:organization_invitations", "create:organization_invitations",
            ]
        case .invitations:
            return ["read:organizations", "read:organization_invitations", "delete:organization_invitations"]
        }
    }

    /// The scopes of `scopes` that `granted` lacks, in order.
    public func missing(from granted: some Sequence<String>) -> [String] {
        let have = Set(granted)
        return scopes.filter { !have.contains($0) }
    }

    private static let reads = [
        "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
        "read:clients", "read:roles",
    ]
}
