import ManagementAPI

/// Reads the whole live tenant for an export: the four top-level lists, every organization's enabled
/// connections and every connection's enabled clients (``SnapshotReader`` reads relationships only for what a
/// directory declares; an export declares everything).
///
/// Requests: `GET /api/v2/organizations`, `/connections`, `/clients`, `/roles` (paged), plus one paged
/// `GET /api/v2/organizations/{id}/enabled_connections` per organization and one paged
/// `GET /api/v2/connections/{id}/clients` per connection.
public enum ExportReader {
    /// Reads the snapshot.
    /// - Returns: The snapshot with every relationship read; `requestCount` counts the requests this read made.
    /// - Throws: ``ExportError/optionsNotReadable(connection:)`` when a connection came without `options`;
    ///   ``ManagementAPIError`` or ``TransportError`` from any request (a partial read is never returned).
    public static func read(_ client: ManagementClient) async throws -> LiveSnapshot {
        let before = client.requestCount
        var snapshot = LiveSnapshot()
        snapshot.organizations = try await client.listOrganizations()
        for index in snapshot.organizations.indices {
            snapshot.organizations[index].enabledConnections = try await client.enabledConnections(
                organizationID: snapshot.organizations[index].id)
        }
        snapshot.connections = try await client.listConnections()
        if let blind = snapshot.connections.first(where: { $0.options == nil }) {
            throw ExportError.optionsNotReadable(connection: blind.name)
        }
        for index in snapshot.connections.indices {
            snapshot.connections[index].enabledClients = try await client.connectionClients(
                connectionID: snapshot.connections[index].id)
        }
        snapshot.clients = try await client.listClients()
        snapshot.roles = try await client.listRoles()
        snapshot.requestCount = client.requestCount - before
        return snapshot
    }
}
