import ManagementAPI
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
            // The write scopes depend on the plan: see ``writes(for:)``, checked before the first write.
            return Self.reads
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

    /// The write scopes `requests` need, in a fixed order (the order of ``writeOrder``): per request the
    /// `create:`/`update:`/`delete:` scope of its endpoint in the Management API v2 reference, and
    /// `update:connections_options` for a connection PATCH that carries `options`.
    public static func writes(for requests: [APIRequest]) -> [String] {
        var needed: Set<String> = []
        for request in requests {
            let parts = request.path.split(separator: "/").dropFirst(2).map(String.init)  // after /api/v2
            guard let kind = parts.first else { continue }
            let verb = request.method == .post ? "create" : request.method == .patch ? "update" : "delete"
            switch (kind, parts.count) {
            case ("roles", _), ("clients", _):
                needed.insert("\(verb):\(kind)")
            case ("connections", 3):  // PATCH /connections/{id}/clients
                needed.insert("update:connections")
            case ("connections", _):
                needed.insert("\(verb):connections")
                if request.method == .patch, request.body?["options"] != nil { needed.insert("update:connections_options") }
            case ("organizations", 1), ("organizations", 2):
                needed.insert("\(verb):organizations")
                if request.method == .post, request.body?["enabled_connections"] != nil {
                    needed.insert("create:organization_connections")
                }
            case ("organizations", _):
                needed.insert("\(verb):organization_connections")
            default:
                needed.insert("\(verb):\(kind)")
            }
        }
        let ordered = writeOrder.filter { needed.contains($0) }
        return ordered + needed.subtracting(writeOrder).sorted()
    }

    /// Every write scope `apply` may need, in the order messages list them.
    public static let writeOrder = [
        "create:organizations", "update:organizations", "delete:organizations",
        "create:organization_connections", "update:organization_connections", "delete:organization_connections",
        "create:connections", "update:connections", "delete:connections", "update:connections_options",
        "create:clients", "update:clients", "delete:clients",
        "create:roles", "update:roles", "delete:roles",
    ]

    private static let reads = [
        "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
        "read:clients", "read:roles",
    ]
}
