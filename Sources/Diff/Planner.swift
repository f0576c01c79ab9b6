import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel

/// Why a plan could not be computed.
public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A declared connection's live `options` were not in the read (the token lacks `read:connections_options`):
    /// the plan never proposes a change it cannot see.
    case optionsNotReadable(connection: String)
    /// Adopting a live object adds the ownership marker to a metadata map already at Auth0's limit
    /// (``Auth0Limits``: `maxProperties` of the metadata schemas): Auth0 would answer 400 in the middle of the
    /// apply, so the plan stops first.
    case metadataLimit(kind: ResourceKind, name: String, field: String, keys: Int, limit: Int)

    public var description: String {
        switch self {
        case .optionsNotReadable(let name):
            return "connection \"\(name)\" was read without its options (the token needs the "
                + "read:connections_options scope); tenantplan does not plan changes it cannot see"
        case .metadataLimit(let kind, let name, let field, let keys, let limit):
            return "\(kind.rawValue) \"\(name)\" cannot be adopted: its \(field) holds \(keys) keys and the ownership "
                + "marker managed_by: tenantplan would make \(keys + 1), over Auth0's limit of \(limit); remove a key "
                + "from the live \(field) (or declare the complete \(field) in the YAML) and plan again"
        }
    }
}

/// Compares the desired state with a live snapshot and produces an ordered ``Plan`` (README, "What the plan promises").
///
/// Resources are matched by name. Keys the YAML does not mention are kept. A resource that is neither declared
/// nor marked `managed_by: tenantplan` is never touched; a marked one that is no longer declared is planned for
/// destroy; a declared but unmarked one is adopted.
public struct Planner: Sendable {
    /// The desired state.
    public let tenant: Tenant
    /// The live state.
    public let live: LiveSnapshot
    let liveOrganizations: [String: LiveOrganization]
    let liveConnections: [String: LiveConnection]
    let liveClients: [String: LiveClient]
    let liveRoles: [String: LiveRole]

    /// Creates a planner.
    public init(tenant: Tenant, live: LiveSnapshot) {
        self.tenant = tenant
        self.live = live
        liveOrganizations = Dictionary(live.organizations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        liveConnections = Dictionary(live.connections.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        liveClients = Dictionary(live.clients.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        liveRoles = Dictionary(live.roles.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// What must be read of the live tenant to plan `tenant`: the four top-level lists always (the plan counts what
    /// it leaves alone), relationships only for declared organizations and connections. Connection clients are
    /// read from the client side: the declared clients and any client an `enabled_clients` list names.
    public static func readScope(for tenant: Tenant) -> SnapshotReader.Scope {
        let customers = tenant.customers ?? []
        let linked = tenant.allConnections.filter { $0.enabledClients != nil }
        let named = linked.flatMap { $0.enabledClients?.value ?? [] }.map(\.value)
        return SnapshotReader.Scope(
            enabledConnectionsOf: Set(customers.filter { $0.connections != nil }.map(\.organization.name.value)),
            clientsOf: Set(linked.map(\.name.value)),
            connectionsOfClients: Set((tenant.clients ?? []).map(\.name.value) + named))
    }

    /// What a scoped plan of some customers reads (``SnapshotReader/read(_:targets:)``) and keeps
    /// (``Plan/scoped(organizations:connections:)``): their organizations, the enterprise connections they own
    /// (with their enabled clients when declared), and the shared connections they enable (read for their ids only).
    /// - Parameter organizations: Names of declared organizations.
    /// - Returns: The read targets and the connections whose changes the scoped plan keeps.
    public static func targets(for tenant: Tenant, organizations: Set<String>)
        -> (read: SnapshotReader.Targets, ownedConnections: Set<String>)
    {
        let customers = (tenant.customers ?? []).filter { organizations.contains($0.organization.name.value) }
        let owned = customers.flatMap(\.enterpriseConnections)
        let enabled = customers.flatMap { $0.connections?.value ?? [] }.map(\.connection.value)
        let read = SnapshotReader.Targets(
            organizations: organizations, connections: Set(owned.map(\.name.value) + enabled),
            clientsOf: Set(owned.filter { $0.enabledClients != nil }.map(\.name.value)))
        return (read, Set(owned.map(\.name.value)))
    }

    /// True when connections are managed as a kind (see ``connectionDestroyable(_:)``).
    static func connectionsManaged(_ tenant: Tenant) -> Bool {
        tenant.sharedConnections != nil || tenant.customers != nil
    }

    /// Computes the plan.
    /// - Throws: ``PlanError`` when the live read lacks something the plan needs.
    public func plan() throws -> Plan {
        var changes: [ResourceChange] = []
        var unmanaged = Plan.Unmanaged()

        if let roles = tenant.roles {
            changes += planRoles(roles)
        }
        let declaredRoles = Set((tenant.roles ?? []).map(\.name.value))
        unmanaged.roles = live.roles.filter { !declaredRoles.contains($0.name) }.count

        let clientChanges = try planClients()
        changes += clientChanges.changes
        unmanaged.clients = clientChanges.unmanaged

        let connectionChanges = try planConnections()
        changes += connectionChanges.changes
        unmanaged.connections = connectionChanges.unmanaged

        let organizationChanges = try planOrganizations(replaced: connectionChanges.replaced)
        changes += organizationChanges.changes
        unmanaged.organizations = organizationChanges.unmanaged
        unmanaged.enabledConnections = organizationChanges.keptLinks

        let order: [ResourceKind: Int] = [.role: 0, .client: 1, .connection: 2, .organization: 3]
        let deleteOrder: [ResourceKind: Int] = [.organization: 0, .connection: 1, .client: 2, .role: 3]
        let kept = changes.filter { $0.action != .delete }.sorted {
            (order[$0.kind]!, $0.name) < (order[$1.kind]!, $1.name)
        }
        let destroyed = changes.filter { $0.action == .delete }.sorted {
            (deleteOrder[$0.kind]!, $0.name) < (deleteOrder[$1.kind]!, $1.name)
        }
        return Plan(
            read: Plan.ReadSummary(
                organizations: live.organizations.count, connections: live.connections.count,
                clients: live.clients.count, roles: live.roles.count, requests: live.requestCount),
            changes: kept + destroyed, unmanaged: unmanaged, warnings: organizationChanges.warnings)
    }

    // MARK: Shared helpers

    /// A metadata map with the ownership marker added.
    static func marked(_ metadata: [String: String]) -> JSONValue {
        var map = metadata
        map[OwnershipMarker.key] = OwnershipMarker.value
        return .object(map.mapValues(JSONValue.string))
    }

    /// The live metadata map with the ownership marker added, every other member kept as returned.
    static func marked(live metadata: [String: JSONValue]) -> JSONValue {
        var map = metadata
        map[OwnershipMarker.key] = .string(OwnershipMarker.value)
        return .object(map)
    }

    /// The refusal of an adoption whose ownership marker would take a live metadata map past Auth0's limit
    /// (``Auth0Limits``: `maxProperties` of the metadata schemas): `nil` when the marked map fits.
    static func metadataLimitError(
        _ kind: ResourceKind, name: String, field: String, live: [String: JSONValue], limit: Int
    ) -> PlanError? {
        var keys = Set(live.keys)
        keys.insert(OwnershipMarker.key)
        guard keys.count > limit else { return nil }
        return .metadataLimit(kind: kind, name: name, field: field, keys: live.count, limit: limit)
    }

    /// Field lines for a metadata map change, the marker left out (it is the tool's own key, not drift).
    /// A live member of another JSON type than the YAML's string (`1042` against `"c-1042"`, or `"1042"`) is a
    /// change of that key, shown with both values as JSON.
    static func metadataFields(
        _ prefix: String, live: [String: JSONValue], desired: [String: String]
    ) -> [FieldChange] {
        var fields: [FieldChange] = []
        for key in Set(live.keys).union(desired.keys).sorted() where key != OwnershipMarker.key {
            let path = "\(prefix).\(key)"
            switch (live[key], desired[key].map(JSONValue.string)) {
            case (nil, let new?): fields.append(FieldChange(.add, path, after: .json(new)))
            case (let old?, nil): fields.append(FieldChange(.remove, path, before: .json(old)))
            case (let old?, let new?) where old != new:
                fields.append(FieldChange(.change, path, before: .json(old), after: .json(new)))
            default: break
            }
        }
        return fields
    }

    /// A change of a plain field: `~ display_name: "ACME" -> "Acme Corp"`; `nil` when equal.
    static func fieldChange(_ path: String, live: JSONValue?, desired: JSONValue) -> FieldChange? {
        guard live != desired else { return nil }
        guard let live else { return FieldChange(.add, path, after: .json(desired)) }
        return FieldChange(.change, path, before: .json(live), after: .json(desired))
    }

    /// The destroy of a live object marked `managed_by: tenantplan` that is no longer declared.
    static func destroy(
        _ kind: ResourceKind, name: String, label: String? = nil, id: String, operation: ManagementOperation, phase: Phase,
        consequence: String
    ) -> ResourceChange {
        ResourceChange(
            kind: kind, name: name, label: label, action: .delete, location: nil, liveID: id,
            notes: ["marked managed_by: tenantplan but no longer declared\(consequence)"], refusals: [.destroy],
            requests: [
                PlannedRequest(
                    phase: phase, operation: operation, path: operation.path(id),
                    subject: .resource(kind, name))
            ])
    }

    /// The note of an adoption: `adopt: exists but is not marked; …`, or, for an object another tool marked
    /// (`managed_by: terraform`), that apply takes it over from that tool.
    static func adoptNote(_ metadata: [String: String]) -> String {
        if let owner = metadata[OwnershipMarker.key], !owner.isEmpty {
            return "adopt: exists and is marked managed_by: \(owner); apply takes it over and marks it "
                + "managed_by: tenantplan"
        }
        return "adopt: exists but is not marked; apply marks it managed_by: tenantplan"
    }
}
