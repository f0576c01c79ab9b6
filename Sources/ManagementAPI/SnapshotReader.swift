/// Reads the live tenant into a ``LiveSnapshot``: what a plan compares against.
public enum SnapshotReader {
    /// Which relationships to read beyond the top-level lists (each costs requests).
    public struct Scope: Sendable {
        /// Read organizations at all (`false` when organizations are not managed).
        public var organizations: Bool
        /// Names of organizations whose enabled connections are read.
        public var enabledConnectionsOf: Set<String>
        /// Read connections at all.
        public var connections: Bool
        /// Names of connections whose enabled clients are read.
        public var clientsOf: Set<String>
        /// Read clients at all.
        public var clients: Bool
        /// Read roles at all.
        public var roles: Bool

        /// Creates a scope.
        public init(
            organizations: Bool, enabledConnectionsOf: Set<String>, connections: Bool, clientsOf: Set<String>,
            clients: Bool, roles: Bool
        ) {
            self.organizations = organizations
            self.enabledConnectionsOf = enabledConnectionsOf
            self.connections = connections
            self.clientsOf = clientsOf
            self.clients = clients
            self.roles = roles
        }
    }

    /// Reads the snapshot.
    /// - Returns: The snapshot; `requestCount` counts the requests this read made.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from any request; a partial read is never returned.
    public static func read(_ client: ManagementClient, scope: Scope) async throws -> LiveSnapshot {
        let before = client.requestCount
        var snapshot = LiveSnapshot()
        if scope.organizations {
            snapshot.organizations = try await client.listOrganizations()
            for index in snapshot.organizations.indices
            where scope.enabledConnectionsOf.contains(snapshot.organizations[index].name) {
                snapshot.organizations[index].enabledConnections = try await client.enabledConnections(
                    organizationID: snapshot.organizations[index].id)
            }
        }
        if scope.connections {
            snapshot.connections = try await client.listConnections()
            for index in snapshot.connections.indices where scope.clientsOf.contains(snapshot.connections[index].name) {
                snapshot.connections[index].enabledClients = try await client.connectionClients(
                    connectionID: snapshot.connections[index].id)
            }
        }
        if scope.clients { snapshot.clients = try await client.listClients() }
        if scope.roles { snapshot.roles = try await client.listRoles() }
        snapshot.requestCount = client.requestCount - before
        return snapshot
    }
}
