import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel

extension Planner {
    /// `PATCH /api/v2/connections/{id}/clients` accepts at most 50 entries per request (OpenAPI
    /// `UpdateEnabledClientConnectionsRequestContent`).
    static let connectionClientsBatch = 50

    /// Connections: shared ones from `tenant.yaml` and each customer's enterprise connections.
    /// - Returns: The changes, the count left alone, and the names of connections replaced (deleted and created
    ///   again), whose organization links must be re-created.
    func planConnections() throws -> (changes: [ResourceChange], unmanaged: Int, replaced: Set<String>) {
        guard Self.connectionsManaged(tenant) else { return ([], live.connections.count, []) }
        var changes: [ResourceChange] = []
        var replaced: Set<String> = []
        let declared = tenant.allConnections
        let declaredNames = Set(declared.map(\.name.value))
        for connection in declared {
            let name = connection.name.value
            if let current = liveConnections[name] {
                if current.strategy != connection.strategy.value {
                    replaced.insert(name)
                    changes.append(replacement(connection, current: current))
                } else if let change = try update(connection, current: current) {
                    changes.append(change)
                }
            } else {
                changes.append(creation(connection))
            }
        }
        var unmanaged = 0
        for current in live.connections where !declaredNames.contains(current.name) {
            guard managesConnection(named: current.name), connectionDestroyable(current) else {
                unmanaged += 1
                continue
            }
            changes.append(
                Self.destroy(
                    .connection, name: current.name, label: current.strategy, id: current.id,
                    operation: .deleteConnection, phase: .connectionDeletes,
                    consequence: "; deleting it removes its users"))
        }
        return (changes, unmanaged, replaced)
    }

    /// Whether a marked, undeclared connection belongs to a managed section: enterprise connections belong to the
    /// customer files (`customers/` exists), the others to `tenant.yaml` `connections:`. A missing `customers/`
    /// therefore never destroys the customers' SSO connections, nor a missing `connections:` the database.
    func connectionDestroyable(_ current: LiveConnection) -> Bool {
        ConnectionKind(strategy: current.strategy) == .enterprise
            ? tenant.customers != nil : tenant.sharedConnections != nil
    }

    private func creation(_ connection: Connection) -> ResourceChange {
        let name = connection.name.value
        let strategy = connection.strategy.value
        let created = CreatedResource(.connection, name)
        let options = OptionsMerge.forCreate(connection.options, strategy: strategy)
        var body: [String: JSONValue] = ["name": .string(name), "strategy": .string(strategy)]
        var fields: [FieldChange] = []
        if let displayName = connection.displayName?.value {
            body["display_name"] = .string(displayName)
            fields.append(FieldChange(.add, "display_name", after: .json(.string(displayName))))
        }
        if !connection.options.isEmpty { body["options"] = .object(options.options) }
        fields += options.fields
        let metadata = connection.metadata?.value ?? [:]
        body["metadata"] = Self.marked(metadata)
        fields += Self.metadataFields("metadata", live: [:], desired: metadata)
        var requests = [
            PlannedRequest(
                phase: .connections, operation: .createConnection, path: ManagementOperation.createConnection.path(), body: .object(body), creates: created,
                missingSecrets: options.missing, subject: .resource(.connection, name))
        ]
        let clients = (connection.enabledClients?.value ?? []).compactMap { clientReference($0.value) }
        fields += (connection.enabledClients?.value ?? []).map { FieldChange(.add, "enabled client \"\($0.value)\"") }
        requests += Self.clientRequests(
            connection: created.placeholder, name: name, changes: clients.map { ($0, true) })
        return ResourceChange(
            kind: .connection, name: name, label: strategy, action: .create, location: connection.name.location,
            liveID: nil, fields: fields, requests: requests)
    }

    private func replacement(_ connection: Connection, current: LiveConnection) -> ResourceChange {
        let created = creation(connection)
        let delete = PlannedRequest(
            phase: .connectionReplacements, operation: .deleteConnection,
            path: ManagementOperation.deleteConnection.path(current.id),
            subject: .resource(.connection, current.name))
        let reason = "strategy \(current.strategy) -> \(connection.strategy.value) deletes the connection and creates "
            + "it again: its users are deleted and sign up again as new users"
        return ResourceChange(
            kind: .connection, name: created.name, label: created.label, action: .replace,
            location: connection.name.location, liveID: current.id,
            fields: [FieldChange(.change, "strategy", before: .json(.string(current.strategy)),
                                 after: .json(.string(connection.strategy.value)))] + created.fields,
            notes: ["replace: \(reason)"], refusals: [.identityChange(reason)],
            requests: [delete] + created.requests)
    }

    /// The update of one live connection: its attributes in one `PATCH /api/v2/connections/{id}`
    /// (``attributeUpdate(_:current:)``), then its enabled clients (``enabledClientsUpdate(_:current:)``).
    /// - Returns: The change, `nil` when nothing changes.
    /// - Throws: ``PlanError`` when the live options cannot be read or adopting would pass a metadata limit.
    private func update(_ connection: Connection, current: LiveConnection) throws -> ResourceChange? {
        let name = connection.name.value
        let attributes = try attributeUpdate(connection, current: current)
        var body = attributes.body
        var fields = attributes.fields
        var requests: [PlannedRequest] = []
        if !body.isEmpty {
            // A PATCH without display_name overwrites it with the name (UpdateConnectionRequestContent): the live
            // value goes along when the YAML does not change it. A connection without one has none to keep.
            if !body.keys.contains("display_name"), let live = current.displayName { body["display_name"] = .string(live) }
            requests.append(
                PlannedRequest(
                    phase: .connections, operation: .updateConnection,
                    path: ManagementOperation.updateConnection.path(current.id), body: .object(body),
                    subject: .resource(.connection, name)))
        }
        if let wanted = connection.enabledClients?.value {
            let clients = enabledClientsUpdate(wanted.map(\.value), connectionName: name, current: current)
            fields += clients.fields
            requests += clients.requests
        }

        guard !requests.isEmpty else { return nil }
        return ResourceChange(
            kind: .connection, name: name, label: connection.strategy.value, action: .update,
            location: connection.name.location, liveID: current.id, fields: fields, kept: attributes.kept,
            notes: attributes.notes, refusals: attributes.refusals, requests: requests)
    }

    /// `display_name`, `options` (merged over the live options, ``OptionsMerge``) and `metadata`
    /// (``metadataUpdate(_:name:field:declared:live:liveValues:limit:)``) of a connection's update.
    /// - Returns: The body members that change, their fields, the option paths kept from the live tenant, the
    ///   notes (adoption, then one per identity change) and the refusals of changes that would give existing users
    ///   new identities (``identityBreaks(strategy:live:merged:)``).
    /// - Throws: ``PlanError/optionsNotReadable(connection:)`` when options are declared but the live ones were
    ///   not read; ``PlanError`` when adopting the connection would pass ``Auth0Limits/connectionMetadataKeys``.
    private func attributeUpdate(_ connection: Connection, current: LiveConnection) throws
        -> (body: [String: JSONValue], fields: [FieldChange], kept: [String], notes: [String], refusals: [Refusal])
    {
        let name = connection.name.value
        var body: [String: JSONValue] = [:]
        var fields: [FieldChange] = []
        var kept: [String] = []
        var refusals: [Refusal] = []
        if let displayName = connection.displayName?.value,
            let field = Self.fieldChange("display_name", live: current.displayName.map(JSONValue.string),
                                         desired: .string(displayName))
        {
            fields.append(field)
            body["display_name"] = .string(displayName)
        }

        if !connection.options.isEmpty {
            guard let liveOptions = current.options else { throw PlanError.optionsNotReadable(connection: name) }
            let strategy = connection.strategy.value
            let merge = OptionsMerge(declared: connection.options, live: liveOptions, strategy: strategy)
            fields += merge.fields
            kept = merge.kept
            if merge.changed {
                body["options"] = .object(merge.merged)
                refusals += Self.identityBreaks(strategy: strategy, live: liveOptions, merged: merge.merged)
            }
        }

        let metadata = try Self.metadataUpdate(
            .connection, name: name, field: "metadata", declared: connection.metadata?.value,
            live: current.metadata, liveValues: current.metadataValues, limit: Auth0Limits.connectionMetadataKeys)
        if let value = metadata.value {
            body["metadata"] = value
            fields += metadata.fields
        }
        var notes = metadata.adoptNote.map { [$0] } ?? []
        for refusal in refusals {
            if case .identityChange(let reason) = refusal { notes.append("identity: \(reason)") }
        }
        return (body, fields, kept, notes, refusals)
    }

    /// The enabled clients of a connection's update (`PATCH /api/v2/connections/{id}/clients`): declared clients
    /// not enabled are added (in name order), live clients tenantplan declares but the list does not name are
    /// removed (in id order); clients tenantplan does not declare are left alone.
    /// - Parameters:
    ///   - wanted: The declared client names.
    ///   - connectionName: The connection's declared name, the requests' subject.
    /// - Returns: A field per change and the requests (``clientRequests(connection:name:changes:)``).
    private func enabledClientsUpdate(_ wanted: [String], connectionName: String, current: LiveConnection)
        -> (fields: [FieldChange], requests: [PlannedRequest])
    {
        let managed = Dictionary(
            (tenant.clients ?? []).compactMap { client in
                liveClients[client.name.value].map { ($0.clientID, $0.name) }
            }, uniquingKeysWith: { a, _ in a })
        let liveIDs = Set(current.enabledClients ?? [])
        let wantedNames = Set(wanted)
        var changes: [(String, Bool)] = []
        var fields: [FieldChange] = []
        for name in wanted.sorted() {
            guard let ref = clientReference(name) else { continue }
            if !liveIDs.contains(ref) {
                changes.append((ref, true))
                fields.append(FieldChange(.add, "enabled client \"\(name)\""))
            }
        }
        for id in liveIDs.sorted() {
            guard let clientName = managed[id], !wantedNames.contains(clientName) else { continue }
            changes.append((id, false))
            fields.append(FieldChange(.remove, "enabled client \"\(clientName)\""))
        }
        return (fields, Self.clientRequests(connection: current.id, name: connectionName, changes: changes))
    }

    /// Changes that would give existing users new identities (README, "What the plan promises"): `options.userid_attribute`, and
    /// `options.client_id` of a `waad` connection keyed on `sub` (the `sub` claim is per application).
    static func identityBreaks(strategy: String, live: [String: JSONValue], merged: [String: JSONValue]) -> [Refusal] {
        var refusals: [Refusal] = []
        if live["userid_attribute"] != nil, live["userid_attribute"] != merged["userid_attribute"] {
            refusals.append(.identityChange(
                "options.userid_attribute changes how users are keyed: existing users would be duplicated"))
        }
        if strategy == "waad", live["userid_attribute"]?.stringValue == "sub", live["client_id"] != nil,
            live["client_id"] != merged["client_id"]
        {
            refusals.append(.identityChange(
                "options.client_id of a waad connection keyed on sub changes every user's sub: users would be duplicated"))
        }
        return refusals
    }

    /// `PATCH /api/v2/connections/{id}/clients` requests in batches of at most 50 `{client_id, status}` entries.
    static func clientRequests(connection: String, name: String, changes: [(String, Bool)]) -> [PlannedRequest] {
        stride(from: 0, to: changes.count, by: connectionClientsBatch).map { start in
            let batch = changes[start..<min(start + connectionClientsBatch, changes.count)]
            return PlannedRequest(
                phase: .connectionClients, operation: .updateConnectionClients,
                path: ManagementOperation.updateConnectionClients.path(connection),
                body: .array(batch.map { ["client_id": .string($0.0), "status": .bool($0.1)] }),
                subject: .resource(.connection, name))
        }
    }
}
