/// Reads the live tenant into a ``LiveSnapshot``: what a plan compares against.
public enum SnapshotReader {
    /// Which relationships to read beyond the four top-level lists, which are always read (a plan counts what
    /// it leaves alone). Each relationship costs requests.
    public struct Scope: Sendable {
        /// Names of organizations whose enabled connections are read.
        public var enabledConnectionsOf: Set<String>
        /// Names of connections whose enabled clients are needed (only the clients of ``connectionsOfClients``
        /// are known: the plan compares managed clients only).
        public var clientsOf: Set<String>
        /// Names of clients whose enabled connections are read (`GET /clients/{id}/connections`): the managed
        /// clients and any client an `enabled_clients` list names.
        public var connectionsOfClients: Set<String>

        /// Every relationship of every object (`export`), whatever the names.
        public var everything = false

        /// Creates a scope.
        public init(enabledConnectionsOf: Set<String>, clientsOf: Set<String>, connectionsOfClients: Set<String> = []) {
            self.enabledConnectionsOf = enabledConnectionsOf
            self.clientsOf = clientsOf
            self.connectionsOfClients = connectionsOfClients
        }

        /// Every organization's enabled connections and every connection's enabled clients (read from the clients'
        /// side, so the links of every client are known).
        public static var all: Scope {
            var scope = Scope(enabledConnectionsOf: [], clientsOf: [], connectionsOfClients: [])
            scope.everything = true
            return scope
        }

        func readsEnabledConnections(of organization: String) -> Bool {
            everything || enabledConnectionsOf.contains(organization)
        }

        func readsClients(of connection: String) -> Bool { everything || clientsOf.contains(connection) }

        func readsConnections(of client: String) -> Bool { everything || connectionsOfClients.contains(client) }
    }

    /// What a read has done so far, for progress on stderr.
    public struct Progress: Sendable, Equatable {
        /// Organizations whose enabled connections were read.
        public var organizationsRead: Int
        /// Organizations whose enabled connections will be read.
        public var organizationsTotal: Int
        /// Requests made so far.
        public var requests: Int

        /// Creates a progress value.
        public init(organizationsRead: Int, organizationsTotal: Int, requests: Int) {
            self.organizationsRead = organizationsRead
            self.organizationsTotal = organizationsTotal
            self.requests = requests
        }
    }

    /// Reads the snapshot: `GET /organizations`, the enabled connections of the organizations in scope (up to
    /// `parallelism` at a time), `GET /connections`, `GET /clients`, the enabled connections of the clients in
    /// scope (`GET /clients/{id}/connections`, one request per 100 links rather than one per connection), and
    /// `GET /roles`. Requests: `ceil(organizations/100) + organizations in scope + ceil(connections/100)
    /// + ceil(clients/100) + sum over clients in scope of ceil(links/100) + ceil(roles/100)`.
    /// - Parameters:
    ///   - parallelism: The most requests in flight at once (1: one after the other, in a fixed order).
    ///   - progress: Called after each organization's enabled connections are read.
    /// - Returns: The snapshot; `requestCount` counts the requests this read made.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from any request; a partial read is never returned.
    public static func read(
        _ client: ManagementClient, scope: Scope, parallelism: Int = 1,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) async throws -> LiveSnapshot {
        let before = client.requestCount
        var snapshot = LiveSnapshot()
        snapshot.organizations = try await client.listOrganizations()
        let inScope = snapshot.organizations.indices.filter {
            scope.readsEnabledConnections(of: snapshot.organizations[$0].name)
        }
        let ids = inScope.map { snapshot.organizations[$0].id }
        let enabled = try await enabledConnections(
            client, organizationIDs: ids, parallelism: parallelism, before: before, progress: progress)
        for (index, connections) in zip(inScope, enabled) { snapshot.organizations[index].enabledConnections = connections }

        snapshot.connections = try await client.listConnections()
        snapshot.clients = try await client.listClients()
        let needed = snapshot.connections.indices.filter { scope.readsClients(of: snapshot.connections[$0].name) }
        if !needed.isEmpty {
            var links: [String: [String]] = [:]  // connection id -> client ids, of the clients read
            for live in snapshot.clients where scope.readsConnections(of: live.name) {
                for connectionID in try await client.clientConnections(clientID: live.clientID) {
                    links[connectionID, default: []].append(live.clientID)
                }
            }
            for index in needed { snapshot.connections[index].enabledClients = links[snapshot.connections[index].id] ?? [] }
        }
        snapshot.roles = try await client.listRoles()
        snapshot.requestCount = client.requestCount - before
        return snapshot
    }

    /// The enabled connections of each organization, in the order of `organizationIDs`, at most `parallelism`
    /// requests in flight (with 1, one after the other in that order: each is started when the last one ends).
    private static func enabledConnections(
        _ client: ManagementClient, organizationIDs: [String], parallelism: Int, before: Int,
        progress: (@Sendable (Progress) -> Void)?
    ) async throws -> [[LiveEnabledConnection]] {
        let total = organizationIDs.count
        return try await withThrowingTaskGroup(of: (Int, [LiveEnabledConnection]).self) { group in
            var results = [[LiveEnabledConnection]](repeating: [], count: total)
            var next = 0
            var done = 0
            while next < min(max(parallelism, 1), total) {
                let index = next
                group.addTask { (index, try await client.enabledConnections(organizationID: organizationIDs[index])) }
                next += 1
            }
            while let (index, connections) = try await group.next() {
                results[index] = connections
                done += 1
                progress?(Progress(organizationsRead: done, organizationsTotal: total, requests: client.requestCount - before))
                if next < total {
                    let index = next
                    group.addTask { (index, try await client.enabledConnections(organizationID: organizationIDs[index])) }
                    next += 1
                }
            }
            return results
        }
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
