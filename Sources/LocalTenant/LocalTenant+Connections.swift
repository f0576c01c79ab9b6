import Foundation
import JSONValues
import ManagementAPI

/// `/api/v2/connections…` (https://auth0.com/docs/api/management/v2/connections).
extension LocalTenant {
    static let connectionNotFound = error(404, "Not Found", "The connection does not exist", "inexistent_connection")

    func connections(_ request: APIRequest, _ parts: [String]) -> APIResponse {
        switch (request.method, parts.count) {
        case (.get, 0):
            var items = state.connections
            if let name = request.query["name"] { items = items.filter { $0["name"]?.stringValue == name } }
            if let strategy = request.query["strategy"] {
                items = items.filter { $0["strategy"]?.stringValue == strategy }
            }
            return Self.checkpoint(items, key: "connections", query: request.query, JSONValue.object)
        case (.post, 0):
            return createConnection(request.body?.objectValue ?? [:])
        default:
            break
        }
        guard let id = parts.first, let i = index.connectionByID[id] else { return Self.connectionNotFound }
        switch (request.method, parts.count) {
        case (.get, 1):
            return Self.ok(.object(state.connections[i]))
        case (.patch, 1):
            let body = request.body?.objectValue ?? [:]
            let allowed: Set<String> = [
                "display_name", "options", "metadata", "enabled_clients", "is_domain_connection", "realms",
                "show_as_button",
            ]
            if let key = body.keys.sorted().first(where: { !allowed.contains($0) }) {
                return Self.badRequest("Payload validation error: 'Additional properties not allowed: \(key)'.")
            }
            if let clients = body["enabled_clients"]?.arrayValue {
                state.connectionClients[id] = clients.compactMap(\.stringValue)
            }
            Self.merge(&state.connections[i], body.filter { $0.key != "enabled_clients" })
            return Self.ok(.object(state.connections[i]))
        case (.delete, 1):
            if faults.pendingDeleteConflicts > 0, let name = state.connections[i]["name"]?.stringValue {
                pendingDeletes[name] = faults.pendingDeleteConflicts
            }
            state.connections.remove(at: i)
            state.connectionClients[id] = nil
            for o in state.organizations.indices {
                let entries = state.organizations[o]["enabled_connections"]?.arrayValue ?? []
                state.organizations[o]["enabled_connections"] = .array(
                    entries.filter { $0["connection_id"]?.stringValue != id })
            }
            index = Index(state)
            return Self.ok(["deleted_at": .string(ISO8601DateFormatter().string(from: Date()))], status: 202)
        case (.get, 2) where parts[1] == "clients":
            let ids = state.connectionClients[id] ?? []
            return Self.checkpoint(
                ids, key: "clients", query: request.query.merging(["take": request.query["take"] ?? "50"]) { a, _ in a }
            ) { ["client_id": .string($0)] }
        case (.patch, 2) where parts[1] == "clients":
            guard let items = request.body?.arrayValue, !items.isEmpty else {
                return Self.badRequest("Payload validation error: 'Array is too short (0), minimum 1'.")
            }
            guard items.count <= 50 else {
                return Self.badRequest("Payload validation error: 'Array is too long (\(items.count)), maximum 50'.")
            }
            var ids = state.connectionClients[id] ?? []
            for item in items {
                guard let client = item["client_id"]?.stringValue, let status = item["status"]?.boolValue else {
                    return Self.badRequest("Payload validation error: 'Missing required property: client_id, status'.")
                }
                guard index.clientByID[client] != nil else {
                    return Self.error(404, "Not Found", "Client not found: \(client)", "inexistent_client")
                }
                if status, !ids.contains(client) { ids.append(client) }
                if !status { ids.removeAll { $0 == client } }
            }
            state.connectionClients[id] = ids
            return Self.ok(nil, status: 204)
        default:
            return Self.methodNotAllowed
        }
    }

    private func createConnection(_ body: [String: JSONValue]) -> APIResponse {
        guard let name = body["name"]?.stringValue, let strategy = body["strategy"]?.stringValue else {
            return Self.badRequest("Payload validation error: 'Missing required property: name, strategy'.")
        }
        if let pending = pendingDeletes[name], pending > 0 {
            pendingDeletes[name] = pending - 1
            return Self.error(409, "Conflict", "A connection with the same name is being deleted", "connection_conflict")
        }
        if index.connectionByName[name] != nil {
            return Self.error(409, "Conflict", "A connection with the same name already exists", "connection_conflict")
        }
        let id = Self.newID("con_")
        var connection: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "strategy": .string(strategy),
            "display_name": body["display_name"] ?? .string(name), "is_domain_connection": false,
            "realms": .array([.string(name)]), "options": body["options"] ?? .object([:]),
        ]
        if let metadata = body["metadata"] { connection["metadata"] = metadata }
        state.connections.append(connection)
        state.connectionClients[id] = body["enabled_clients"]?.arrayValue?.compactMap(\.stringValue) ?? []
        index.connectionByID[id] = state.connections.count - 1
        index.connectionByName[name] = state.connections.count - 1
        return Self.ok(.object(connection), status: 201)
    }
}
