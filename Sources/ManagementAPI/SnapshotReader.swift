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

extension SnapshotReader {
    /// What a scoped plan reads: named organizations and connections only, never a whole list except clients.
    public struct Targets: Sendable, Equatable {
        /// Organizations read by name, with their enabled connections.
        public var organizations: Set<String>
        /// Connections read by name.
        public var connections: Set<String>
        /// Of those, the connections whose enabled clients are read.
        public var clientsOf: Set<String>

        /// Creates targets.
        public init(organizations: Set<String>, connections: Set<String>, clientsOf: Set<String>) {
            self.organizations = organizations
            self.connections = connections
            self.clientsOf = clientsOf
        }
    }

    /// Reads only the targets, whatever the tenant's size: per organization `GET /organizations/name/{name}` and,
    /// when it exists, its enabled connections; per connection `GET /connections?name=NAME` and, when it exists and
    /// is in ``Targets/clientsOf``, `GET /connections/{id}/clients`; then `GET /clients` (client names resolve
    /// `enabled_clients`). Roles are not read.
    /// - Returns: A snapshot holding only what was read; `requestCount` counts its requests.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from any request.
    public static func read(_ client: ManagementClient, targets: Targets) async throws -> LiveSnapshot {
        let before = client.requestCount
        var snapshot = LiveSnapshot()
        for name in targets.organizations.sorted() {
            guard var organization = try await client.organization(named: name) else { continue }
            organization.enabledConnections = try await client.enabledConnections(organizationID: organization.id)
            snapshot.organizations.append(organization)
        }
        for name in targets.connections.sorted() {
            guard var connection = try await client.connection(named: name) else { continue }
            if targets.clientsOf.contains(name) {
                connection.enabledClients = try await client.connectionClients(connectionID: connection.id)
            }
            snapshot.connections.append(connection)
        }
        snapshot.clients = try await client.listClients()
        snapshot.requestCount = client.requestCount - before
        return snapshot
    }
}
