import JSONValues
import ManagementAPI

/// `GET /api/v2/clients/{id}/connections`: "Get enabled connections for a client"
/// (https://auth0.com/docs/api/management/v2/clients/get-client-connections; OpenAPI operation
/// `get_client_connections`, response `ListClientConnectionsResponseContent`).
///
/// Answers `{"connections": [ConnectionForList…], "next": "…"}` with checkpoint pagination: `take` items (1 to
/// 100, default 50) from the cursor `from`; `next` is present only while more connections remain. The
/// connections are those whose `connection_clients` entry lists the client, in the tenant's connection order.
/// Each item holds only the members of the `ConnectionForList` schema (`id`, `name`, `display_name`, `strategy`,
/// `options`, `realms`, `is_domain_connection`, `show_as_button`, `metadata`, `authentication`,
/// `connected_accounts`, `cross_app_access_requesting_app`): no `enabled_clients`, no `provisioning_ticket_url`.
/// Query parameters: `strategy` (one strategy), `fields` with `include_fields` (default true). Errors: 404
/// `inexistent_client` for an unknown client; 400 `invalid_query_string` for a `take` outside 1–100 (checked by
/// the router's query validation against the operation's declared parameters).
extension LocalTenant {
    /// The members a `ConnectionForList` may hold (`additionalProperties: false` in the OpenAPI document).
    static let connectionForListKeys: Set<String> = [
        "id", "name", "display_name", "strategy", "options", "realms", "is_domain_connection", "show_as_button",
        "metadata", "authentication", "connected_accounts", "cross_app_access_requesting_app",
    ]

    /// Serves `GET /api/v2/clients/{clientID}/connections` for an existing client.
    func clientConnections(clientID: String, query: [String: String]) -> APIResponse {
        let strategy = query["strategy"]
        let fields = query["fields"].map { Set($0.split(separator: ",").map(String.init)) }
        let include = query["include_fields"] != "false"
        var paging = query
        paging["take"] = query["take"] ?? "50"
        return Self.checkpoint(state.connections, key: "connections", query: paging) { connection in
            let id = connection["id"]?.stringValue ?? ""
            return state.connectionClients[id]?.contains(clientID) == true
                && (strategy == nil || connection["strategy"]?.stringValue == strategy)
        } transform: { connection in
            var item = connection.filter { Self.connectionForListKeys.contains($0.key) }
            if let fields, !fields.isEmpty { item = item.filter { fields.contains($0.key) == include } }
            return .object(item)
        }
    }
}
