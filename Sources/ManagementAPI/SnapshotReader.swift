/// Reads the live tenant into a ``LiveSnapshot``: what a plan compares against.
public enum SnapshotReader {
    /// Which relationships to read beyond the four top-level lists, which are always read (a plan counts what
    /// it leaves alone). Each relationship costs requests.
    public struct Scope: Sendable {
        /// Names of organizations whose enabled connections are read.
        public var enabledConnectionsOf: Set<String>
        /// Names of connections whose enabled clients are read.
        public var clientsOf: Set<String>

        /// Creates a scope.
        public init(enabledConnectionsOf: Set<String>, clientsOf: Set<String>) {
            self.enabledConnectionsOf = enabledConnectionsOf
            self.clientsOf = clientsOf
        }
    }

    /// Reads the snapshot.
    /// - Returns: The snapshot; `requestCount` counts the requests this read made.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from any request; a partial read is never returned.
    public static func read(_ client: ManagementClient, scope: Scope) async throws -> LiveSnapshot {
        let before = client.requestCount
        var snapshot = LiveSnapshot()
        snapshot.organizations = try await client.listOrganizations()
        for index in snapshot.organizations.indices
        where scope.enabledConnectionsOf.contains(snapshot.organizations[index].name) {
            snapshot.organizations[index].enabledConnections = try await client.enabledConnections(
                organizationID: snapshot.organizations[index].id)
        }
        snapshot.connections = try await client.listConnections()
        for index in snapshot.connections.indices where scope.clientsOf.contains(snapshot.connections[index].name) {
            snapshot.connections[index].enabledClients = try await client.connectionClients(
                connectionID: snapshot.connections[index].id)
        }
        snapshot.clients = try await client.listClients()
        snapshot.roles = try await client.listRoles()
        snapshot.requestCount = client.requestCount - before
        return snapshot
    }
}
