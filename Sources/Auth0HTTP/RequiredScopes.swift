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
    /// `members`: the scoped plan of one organization, its members, their users and its invitations
    /// (docs/sso-enforcement.md).
    case members
    /// `invite --migrate`: what `members` reads, and what `invite` reads and creates.
    case inviteMigrate = "invite --migrate"

    /// The operations the command sends before any plan-dependent write (``ManagementOperation``).
    public var operations: [ManagementOperation] {
        switch self {
        case .plan, .export, .apply:
            // apply's write scopes depend on the plan: see ``writes(for:)``, checked before the first write.
            return [.listOrganizations, .listEnabledConnections, .listConnections, .listClients, .listClientConnections,
                    .listRoles]
        case .invite:
            return [.getOrganizationByName, .listEnabledConnections, .listClients, .listRoles, .listInvitations,
                    .createInvitation]
        case .invitations:
            return [.getOrganizationByName, .listInvitations, .deleteInvitation]
        case .members:
            return RequiredScopes.plan.operations + [
                .getOrganizationByName, .listOrganizationMembers, .getUser, .listInvitations,
            ]
        case .inviteMigrate:
            return RequiredScopes.members.operations + RequiredScopes.invite.operations
        }
    }

    /// The scopes, in the order a missing-scopes message lists them: those of ``operations``, from the catalogue,
    /// each once (`read:connections_options` with the connection list: it returns `options` only with it).
    public var scopes: [String] {
        var seen: Set<String> = []
        return operations.flatMap { $0.scopes(body: []) }.filter { seen.insert($0).inserted }
    }

    /// The scopes of `scopes` that `granted` lacks, in order.
    public func missing(from granted: some Sequence<String>) -> [String] {
        let have = Set(granted)
        return scopes.filter { !have.contains($0) }
    }

    /// The write scopes `requests` need, in a fixed order (the order of ``writeOrder``): per request the scopes of
    /// its catalogue operation (``ManagementOperation/scopes(body:)``), which adds `update:connections_options`
    /// for a connection PATCH that carries `options` and `create:organization_connections` for an organization
    /// created with `enabled_connections`.
    public static func writes(for requests: [APIRequest]) -> [String] {
        var needed: Set<String> = []
        for request in requests where request.isWrite {
            guard let operation = request.operation else { continue }
            needed.formUnion(operation.scopes(body: request.body?.objectValue.map { Array($0.keys) } ?? []))
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
}
