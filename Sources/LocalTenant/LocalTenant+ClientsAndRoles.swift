import JSONValues
import ManagementAPI

/// `/api/v2/clients…` and `/api/v2/roles…` (https://auth0.com/docs/api/management/v2/clients,
/// https://auth0.com/docs/api/management/v2/roles).
extension LocalTenant {
    func clients(_ request: APIRequest, _ parts: [String]) -> APIResponse {
        let notFound = Self.error(404, "Not Found", "The client does not exist", "inexistent_client")
        switch (request.method, parts.count) {
        case (.get, 0):
            return Self.checkpoint(state.clients, key: "clients", query: request.query, JSONValue.object)
        case (.post, 0):
            var body = request.body?.objectValue ?? [:]
            guard body["name"]?.stringValue != nil else {
                return Self.badRequest("Payload validation error: 'Missing required property: name'.")
            }
            let id = Self.newID("", length: 32)
            body["client_id"] = .string(id)
            state.clients.append(body)
            index.clientByID[id] = state.clients.count - 1
            return Self.ok(.object(body), status: 201)
        default:
            break
        }
        guard let id = parts.first, let i = index.clientByID[id] else { return notFound }
        switch (request.method, parts.count) {
        case (.get, 1):
            return Self.ok(.object(state.clients[i]))
        case (.patch, 1):
            Self.merge(&state.clients[i], request.body?.objectValue ?? [:])
            return Self.ok(.object(state.clients[i]))
        case (.delete, 1):
            state.clients.remove(at: i)
            for key in state.connectionClients.keys { state.connectionClients[key]?.removeAll { $0 == id } }
            index = Index(state)
            return Self.ok(nil, status: 204)
        default:
            return Self.methodNotAllowed
        }
    }

    func roles(_ request: APIRequest, _ parts: [String]) -> APIResponse {
        let notFound = Self.error(404, "Not Found", "The role does not exist.", "inexistent_role")
        switch (request.method, parts.count) {
        case (.get, 0):
            var items = state.roles
            if let filter = request.query["name_filter"] {
                items = items.filter { $0["name"]?.stringValue?.lowercased().contains(filter.lowercased()) == true }
            }
            return Self.offset(items.map(JSONValue.object), key: "roles", query: request.query)
        case (.post, 0):
            var body = request.body?.objectValue ?? [:]
            guard let name = body["name"]?.stringValue else {
                return Self.badRequest("Payload validation error: 'Missing required property: name'.")
            }
            if state.roles.contains(where: { $0["name"]?.stringValue == name }) {
                return Self.error(409, "Conflict", "Role already exists.", "role_conflict")
            }
            body["id"] = .string(Self.newID("rol_"))
            state.roles.append(body)
            index.roleByID[body["id"]!.stringValue!] = state.roles.count - 1
            return Self.ok(.object(body))
        default:
            break
        }
        guard let id = parts.first, let i = index.roleByID[id] else { return notFound }
        switch (request.method, parts.count) {
        case (.get, 1):
            return Self.ok(.object(state.roles[i]))
        case (.patch, 1):
            Self.merge(&state.roles[i], request.body?.objectValue ?? [:])
            return Self.ok(.object(state.roles[i]))
        case (.delete, 1):
            state.roles.remove(at: i)
            index = Index(state)
            return Self.ok(nil)
        default:
            return Self.methodNotAllowed
        }
    }
}
