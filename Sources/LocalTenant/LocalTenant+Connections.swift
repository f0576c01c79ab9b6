import Foundation
import JSONValues
import ManagementAPI

/// `/api/v2/connections…` (https://auth0.com/docs/api/management/v2/connections).
extension LocalTenant {
    static let connectionNotFound = error(404, "Not Found", "The connection does not exist", "inexistent_connection")

    /// Serves a connection operation of the catalogue; `parameters` are the template's decoded values.
    func connections(_ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest) -> APIResponse {
        switch operation {
        case .listConnections:
            if let refusal = Self.offsetCapRefusal(operation, query: request.query) { return refusal }
            var items = state.connections
            if let name = request.query["name"] { items = items.filter { $0["name"]?.stringValue == name } }
            if let strategy = request.query["strategy"] {
                items = items.filter { $0["strategy"]?.stringValue == strategy }
            }
            return Self.checkpoint(items, key: "connections", query: request.query, JSONValue.object)
        case .createConnection:
            return createConnection(request.body?.objectValue ?? [:])
        default:
            break
        }
        guard let id = parameters.first, let i = index.connectionByID[id] else { return Self.connectionNotFound }
        switch operation {
        case .getConnection:
            return Self.ok(connectionAnswer(state.connections[i]))
        case .updateConnection:
            return updateConnection(at: i, id: id, request.body?.objectValue ?? [:])
        case .deleteConnection:
            return deleteConnection(at: i, id: id)
        case .listConnectionClients:
            let ids = state.connectionClients[id] ?? []
            return Self.checkpoint(
                ids, key: "clients", query: request.query.merging(["take": request.query["take"] ?? "50"]) { a, _ in a }
            ) { ["client_id": .string($0)] }
        case .updateConnectionClients:
            return updateConnectionClients(id: id, request.body?.arrayValue ?? [])
        default:
            return Self.methodNotAllowed
        }
    }

    /// `PATCH /api/v2/connections/{id}` of the connection at position `i`: `enabled_clients` replaces the
    /// connection's clients, `options` gets the members the server manages (``serverManagedOptions(_:strategy:previous:)``),
    /// the rest is merged; without `display_name` a connection that has one gets its name as display name.
    private func updateConnection(at i: Int, id: String, _ body: [String: JSONValue]) -> APIResponse {
        var body = body
        if let clients = body["enabled_clients"]?.arrayValue {
            state.connectionClients[id] = clients.compactMap(\.stringValue)
        }
        if let options = body["options"]?.objectValue {
            body["options"] = .object(
                Self.serverManagedOptions(
                    options, strategy: state.connections[i]["strategy"]?.stringValue ?? "",
                    previous: state.connections[i]["options"]?.objectValue))
        }
        Self.merge(&state.connections[i], body.filter { $0.key != "enabled_clients" })
        // "If display_name is not included in the request, the field will be overwritten with the name value"
        // (UpdateConnectionRequestContent). A connection without a display name keeps none (recorded:
        // TestConnectionManager_Update, a database connection patched with options only).
        if !body.keys.contains("display_name"), state.connections[i].keys.contains("display_name") {
            state.connections[i]["display_name"] = state.connections[i]["name"]
        }
        return Self.ok(connectionAnswer(state.connections[i]))
    }

    /// `DELETE /api/v2/connections/{id}` of the connection at position `i` (202 with `deleted_at`): its clients,
    /// its users and its links from every organization go with it. With the fault switch
    /// ``Faults/pendingDeleteConflicts``, creates of the same name answer 409 that many times.
    private func deleteConnection(at i: Int, id: String) -> APIResponse {
        if faults.pendingDeleteConflicts > 0, let name = state.connections[i]["name"]?.stringValue {
            pendingDeletes[name] = faults.pendingDeleteConflicts
        }
        let name = state.connections[i]["name"]?.stringValue ?? ""
        state.connections.remove(at: i)
        state.connectionClients[id] = nil
        state.removeUsers(ofConnection: name)
        for o in state.organizations.indices {
            let entries = state.organizations[o]["enabled_connections"]?.arrayValue ?? []
            state.organizations[o]["enabled_connections"] = .array(
                entries.filter { $0["connection_id"]?.stringValue != id })
        }
        index = Index(state)
        return Self.ok(["deleted_at": .string(ISO8601DateFormatter().string(from: Date()))], status: 202)
    }

    /// `PATCH /api/v2/connections/{id}/clients` (204): each `{client_id, status}` enables or disables a client.
    /// The schema (`UpdateEnabledClientConnectionsRequestContent`) has checked the shape: 1 or more
    /// `{client_id, status}`. Its `client_id` description states the limit of 50 per request, which the schema
    /// does not express: more is a 400; an unknown client a 404 `inexistent_client`.
    private func updateConnectionClients(id: String, _ items: [JSONValue]) -> APIResponse {
        guard items.count <= 50 else {
            return Self.badRequest("Payload validation error: 'Array is too long (\(items.count)), maximum 50'.")
        }
        var ids = state.connectionClients[id] ?? []
        for item in items {
            let client = item["client_id"]?.stringValue ?? ""
            guard index.clientByID[client] != nil else {
                return Self.error(404, "Not Found", "Client not found: \(client)", "inexistent_client")
            }
            if item["status"] == true, !ids.contains(client) { ids.append(client) }
            if item["status"] == false { ids.removeAll { $0 == client } }
        }
        state.connectionClients[id] = ids
        return Self.ok(nil, status: 204)
    }

    private func createConnection(_ body: [String: JSONValue]) -> APIResponse {
        // The schema (`CreateConnectionRequestContent`) has required both, as strings.
        let name = body["name"]?.stringValue ?? "", strategy = body["strategy"]?.stringValue ?? ""
        if let pending = pendingDeletes[name], pending > 0 {
            pendingDeletes[name] = pending - 1
            return Self.error(409, "Conflict", "A connection with the same name is being deleted", "connection_conflict")
        }
        if index.connectionByName[name] != nil {
            return Self.error(409, "Conflict", "A connection with the same name already exists", "connection_conflict")
        }
        let id = Self.newID("con_")
        let realms = body["realms"]?.arrayValue ?? []
        let options = body["options"]?.objectValue ?? (strategy == "auth0" ? ServerDefaults.databaseOptions : [:])
        var connection: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "strategy": .string(strategy),
            "is_domain_connection": body["is_domain_connection"] ?? false,
            "realms": realms.isEmpty ? [.string(name)] : .array(realms),
            "options": .object(Self.serverManagedOptions(options, strategy: strategy, previous: nil)),
        ]
        // Auth0 names the login button of an enterprise connection after the connection; a database connection
        // created without a display name has none (recorded: TestAccConnectionAzureAD, TestConnectionManager_Update).
        if let displayName = body["display_name"] {
            connection["display_name"] = displayName
        } else if strategy != "auth0" {
            connection["display_name"] = .string(name)
        }
        let echoed = ["show_as_button", "metadata", "authentication", "connected_accounts", "cross_app_access_requesting_app"]
        for key in echoed {
            if let value = body[key] { connection[key] = value }
        }
        if strategy == "waad" {
            let ticket = Self.newID("", length: 8)
            connection["provisioning_ticket_url"] = .string(ServerDefaults.provisioningTicketURL(ticket: ticket))
        }
        state.connections.append(connection)
        state.connectionClients[id] = body["enabled_clients"]?.arrayValue?.compactMap(\.stringValue) ?? []
        index.connectionByID[id] = state.connections.count - 1
        index.connectionByName[name] = state.connections.count - 1
        return Self.ok(connectionAnswer(connection), status: 201)
    }

    /// A connection as `GET`, `POST` and `PATCH /api/v2/connections[/{id}]` answer it: the stored object with the
    /// deprecated `enabled_clients` list Auth0 still returns (read from `connection_clients`, never stored).
    func connectionAnswer(_ connection: [String: JSONValue]) -> JSONValue {
        var answer = connection
        let id = connection["id"]?.stringValue ?? ""
        answer["enabled_clients"] = .array((state.connectionClients[id] ?? []).map(JSONValue.string))
        return .object(answer)
    }

    /// `options` as Auth0 stores them after a create (`previous` is `nil`) or a PATCH that replaces them whole:
    /// - database connections keep `authentication_methods`, `passkey_options` and `brute_force_protection` from
    ///   the previous options when the new ones leave them out (``ServerDefaults/persistentDatabaseOptions``);
    /// - `waad` connections get the server-managed `app_domain` and `thumbprints` (kept from the previous
    ///   options when left out, generated when there were none) and `waad_common_endpoint`, which mirrors
    ///   `useCommonEndpoint` (false when absent).
    static func serverManagedOptions(
        _ options: [String: JSONValue], strategy: String, previous: [String: JSONValue]?
    ) -> [String: JSONValue] {
        var result = options
        switch strategy {
        case "auth0":
            for key in ServerDefaults.persistentDatabaseOptions where result[key] == nil {
                result[key] = previous?[key]
            }
        case "waad":
            result["app_domain"] = result["app_domain"] ?? previous?["app_domain"] ?? .string(ServerDefaults.appDomain)
            result["thumbprints"] = result["thumbprints"] ?? previous?["thumbprints"]
                ?? .array((0..<5).map { _ in .string(newHex(40)) })
            result["waad_common_endpoint"] = .bool(result["useCommonEndpoint"]?.boolValue ?? false)
        default:
            break
        }
        return result
    }

    /// `count` random lowercase hexadecimal digits (certificate thumbprints).
    static func newHex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }
}
