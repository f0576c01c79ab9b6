import JSONValues

/// The Management API v2 endpoints tenantplan uses, one method each.
extension ManagementClient {
    // MARK: Organizations

    /// `GET /api/v2/organizations` (checkpoint pagination).
    public func listOrganizations() async throws -> [LiveOrganization] {
        try Self.decodeAll(
            await checkpointList(.listOrganizations, key: "organizations"), from: ManagementOperation.listOrganizations.path(),
            as: "organization", LiveOrganization.init)
    }

    /// `GET /api/v2/organizations/name/{name}`; `nil` on 404.
    public func organization(named name: String) async throws -> LiveOrganization? {
        let path = ManagementOperation.getOrganizationByName.path(name)
        guard let body = try await find(path) else { return nil }
        return try Self.decodeAll([body], from: path, as: "organization", LiveOrganization.init).first
    }

    /// `GET /api/v2/organizations/{id}/enabled_connections` (offset pagination).
    public func enabledConnections(organizationID: String) async throws -> [LiveEnabledConnection] {
        let path = ManagementOperation.listEnabledConnections.path(organizationID)
        return try Self.decodeAll(
            await offsetList(path, key: "enabled_connections"), from: path, as: "enabled connection",
            LiveEnabledConnection.init)
    }

    // MARK: Connections

    /// `GET /api/v2/connections` (checkpoint pagination), options included.
    public func listConnections() async throws -> [LiveConnection] {
        try Self.decodeAll(
            await checkpointList(.listConnections, key: "connections"), from: ManagementOperation.listConnections.path(),
            as: "connection", LiveConnection.init)
    }

    /// `GET /api/v2/connections?name=NAME`: the connection with that name, if any.
    public func connection(named name: String) async throws -> LiveConnection? {
        try Self.decodeAll(
            await checkpointList(.listConnections, key: "connections", query: ["name": name]),
            from: ManagementOperation.listConnections.path() + "?name=\(name)", as: "connection", LiveConnection.init
        ).first { $0.name == name }
    }

    /// `GET /api/v2/connections/{id}/clients` (checkpoint pagination): the client ids the connection is enabled for.
    public func connectionClients(connectionID: String) async throws -> [String] {
        let path = ManagementOperation.listConnectionClients.path(connectionID)
        return try Self.decodeAll(await checkpointList(path, key: "clients"), from: path, as: "client link") {
            $0["client_id"]?.stringValue
        }
    }

    // MARK: Clients and roles

    /// `GET /api/v2/clients/{id}/connections?fields=id,name` (checkpoint pagination): the ids of the connections
    /// the client is enabled for ("Get enabled connections for a client", which needs `read:connections` and
    /// `read:clients`). One request per 100 connections, whatever the number of connections in the tenant.
    public func clientConnections(clientID: String) async throws -> [String] {
        let path = ManagementOperation.listClientConnections.path(clientID)
        return try Self.decodeAll(
            await checkpointList(path, key: "connections", query: ["fields": "id,name", "include_fields": "true"]),
            from: path, as: "connection"
        ) { $0["id"]?.stringValue }
    }

    /// `GET /api/v2/clients` (checkpoint pagination).
    public func listClients() async throws -> [LiveClient] {
        try Self.decodeAll(
            await checkpointList(.listClients, key: "clients"), from: ManagementOperation.listClients.path(), as: "client",
            LiveClient.init)
    }

    /// `GET /api/v2/roles` (offset pagination).
    public func listRoles() async throws -> [LiveRole] {
        let path = ManagementOperation.listRoles.path()
        return try Self.decodeAll(await offsetList(path, key: "roles"), from: path, as: "role", LiveRole.init)
    }
}
