import ManagementAPI

/// The live ids an invitation needs, resolved by name from the live tenant: organization, client, connection
/// and roles. Resolving only reads.
public struct InvitationTarget: Sendable, Equatable {
    /// The organization's `id` (`org_…`).
    public let organizationID: String
    /// The client's `client_id`.
    public let clientID: String
    /// The connection's `id` (`con_…`), when the policy names one.
    public let connectionID: String?
    /// Role ids (`rol_…`), in the template's role order.
    public let roleIDs: [String]

    /// Creates a target.
    public init(organizationID: String, clientID: String, connectionID: String?, roleIDs: [String]) {
        self.organizationID = organizationID
        self.clientID = clientID
        self.connectionID = connectionID
        self.roleIDs = roleIDs
    }

    /// Reads the live tenant and resolves the template's names to ids, checking what Auth0 would refuse with a
    /// 400 (a client without `initiate_login_uri` or with `organization_usage: deny`, a connection not enabled on
    /// the organization or passwordless, a role that does not exist).
    ///
    /// Requests: `GET /api/v2/organizations/name/{name}`, `GET /api/v2/organizations/{id}/enabled_connections`
    /// (when the policy names a connection), `GET /api/v2/clients`, `GET /api/v2/roles` (when roles are wanted).
    /// - Returns: The target, or every refusal found.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` when a read fails.
    public static func resolve(_ template: InvitationTemplate, client: ManagementClient) async throws
        -> Result<InvitationTarget, InvitationRefused>
    {
        let tenant = client.transport.tenantDescription
        guard let organization = try await client.organization(named: template.organization) else {
            return .failure(InvitationRefused([.organizationNotLive(organization: template.organization, tenant: tenant)]))
        }
        var refusals: [InvitationRefusal] = []
        var connectionID: String?
        if let name = template.connection {
            let enabled = try await client.enabledConnections(organizationID: organization.id)
            if let entry = enabled.first(where: { $0.name == name }) {
                connectionID = entry.connectionID
                if ["email", "sms"].contains(entry.strategy) {
                    refusals.append(.passwordlessConnection(connection: name, strategy: entry.strategy))
                }
            } else {
                refusals.append(
                    .connectionNotEnabledLive(connection: name, organization: template.organization, tenant: tenant))
            }
        }
        var clientID = ""
        if let live = try await client.listClients().first(where: { $0.name == template.client }) {
            clientID = live.clientID
            if (live.organizationUsage ?? "deny") == "deny" {
                refusals.append(.clientDeniesOrganizations(client: template.client, tenant: tenant))
            }
            if (live.initiateLoginURI ?? "").isEmpty {
                refusals.append(.clientWithoutLoginRoute(client: template.client, tenant: tenant))
            }
        } else {
            refusals.append(.clientNotLive(client: template.client, tenant: tenant))
        }
        var roleIDs: [String] = []
        if !template.roles.isEmpty {
            let roles = try await client.listRoles()
            var missing: [String] = []
            for name in template.roles {
                if let role = roles.first(where: { $0.name == name }) { roleIDs.append(role.id) } else { missing.append(name) }
            }
            if !missing.isEmpty { refusals.append(.rolesNotLive(roles: missing, tenant: tenant)) }
        }
        guard refusals.isEmpty else { return .failure(InvitationRefused(refusals)) }
        return .success(
            InvitationTarget(
                organizationID: organization.id, clientID: clientID, connectionID: connectionID, roleIDs: roleIDs))
    }
}
