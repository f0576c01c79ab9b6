/// The catalogue: every Management API v2 operation tenantplan sends, and the few more the local tenant answers
/// for the recorded traffic (reads of one object by id). Method, template, operation id and schema names are
/// those of Auth0's OpenAPI document (https://auth0.com/docs/api/management/v2; the excerpt in the test resources
/// is checked against this list by a test).
extension ManagementOperation {
    /// The most items per page of every list tenantplan reads (`per_page` and `take` maximum: 100).
    public static let pageMaximum = 100
    /// The most records offset paging reaches where the OpenAPI document says so ("Checkpoint pagination must be
    /// used if you need to retrieve more than 1000 …", "Requesting page exceeds the allowed maximum of 1000
    /// records").
    public static let offsetRecordCap = 1000

    // MARK: Organizations (https://auth0.com/docs/api/management/v2/organizations)

    /// `GET /api/v2/organizations`: tenantplan reads with checkpoint paging; offset paging stops at 1,000.
    public static let listOrganizations = ManagementOperation(
        "get_organizations", .get, "/api/v2/organizations", scopes: ["read:organizations"],
        response: "ListOrganizationsResponseContent",
        paging: .checkpointOrOffset(takeMax: pageMaximum, perPageMax: pageMaximum, recordCap: offsetRecordCap))
    /// `GET /api/v2/organizations/name/{name}`.
    public static let getOrganizationByName = ManagementOperation(
        "get_name_by_name", .get, "/api/v2/organizations/name/{name}", scopes: ["read:organizations"],
        response: "GetOrganizationByNameResponseContent")
    /// `GET /api/v2/organizations/{id}` (answered by the local tenant; tenantplan reads by name).
    public static let getOrganization = ManagementOperation(
        "get_organizations_by_id", .get, "/api/v2/organizations/{id}", scopes: ["read:organizations"],
        response: "GetOrganizationResponseContent")
    /// `POST /api/v2/organizations`; `enabled_connections` in the body needs `create:organization_connections`.
    public static let createOrganization = ManagementOperation(
        "post_organizations", .post, "/api/v2/organizations", scopes: ["create:organizations"],
        bodyScopes: ["enabled_connections": "create:organization_connections"],
        request: "CreateOrganizationRequestContent", response: "CreateOrganizationResponseContent",
        sideEffects: ["metadata: at most 25 keys (OrganizationMetadata maxProperties)"])
    /// `PATCH /api/v2/organizations/{id}`.
    public static let updateOrganization = ManagementOperation(
        "patch_organizations_by_id", .patch, "/api/v2/organizations/{id}", scopes: ["update:organizations"],
        request: "UpdateOrganizationRequestContent", response: "UpdateOrganizationResponseContent",
        sideEffects: [
            "metadata replaced whole; at most 25 keys (OrganizationMetadata maxProperties)",
            "branding replaced whole",
        ])
    /// `DELETE /api/v2/organizations/{id}`.
    public static let deleteOrganization = ManagementOperation(
        "delete_organizations_by_id", .delete, "/api/v2/organizations/{id}", scopes: ["delete:organizations"],
        response: nil,
        sideEffects: ["204; members are disassociated, not deleted; its invitations and enabled connections go"])

    // MARK: Enabled connections

    /// `GET /api/v2/organizations/{id}/enabled_connections`.
    public static let listEnabledConnections = ManagementOperation(
        "get_enabled_connections", .get, "/api/v2/organizations/{id}/enabled_connections",
        scopes: ["read:organization_connections"], response: "ListOrganizationConnectionsResponseContent",
        paging: .offset(perPageMax: pageMaximum, recordCap: nil))
    /// `POST /api/v2/organizations/{id}/enabled_connections`.
    public static let addEnabledConnection = ManagementOperation(
        "post_enabled_connections", .post, "/api/v2/organizations/{id}/enabled_connections",
        scopes: ["create:organization_connections"], request: "AddOrganizationConnectionRequestContent",
        response: "AddOrganizationConnectionResponseContent",
        sideEffects: ["assign_membership_on_login defaults to false, show_as_button to true"])
    /// `GET /api/v2/organizations/{id}/enabled_connections/{connectionId}` (answered by the local tenant).
    public static let getEnabledConnection = ManagementOperation(
        "get_enabled_connections_by_connectionId", .get,
        "/api/v2/organizations/{id}/enabled_connections/{connectionId}", scopes: ["read:organization_connections"],
        response: "GetOrganizationConnectionResponseContent")
    /// `PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`.
    public static let updateEnabledConnection = ManagementOperation(
        "patch_enabled_connections_by_connectionId", .patch,
        "/api/v2/organizations/{id}/enabled_connections/{connectionId}", scopes: ["update:organization_connections"],
        request: "UpdateOrganizationConnectionRequestContent", response: "UpdateOrganizationConnectionResponseContent")
    /// `DELETE /api/v2/organizations/{id}/enabled_connections/{connectionId}`.
    public static let deleteEnabledConnection = ManagementOperation(
        "delete_enabled_connections_by_connectionId", .delete,
        "/api/v2/organizations/{id}/enabled_connections/{connectionId}", scopes: ["delete:organization_connections"],
        response: nil)

    // MARK: Invitations

    /// `GET /api/v2/organizations/{id}/invitations`: offset paging only, 400 past 1,000 records.
    public static let listInvitations = ManagementOperation(
        "get_invitations", .get, "/api/v2/organizations/{id}/invitations", scopes: ["read:organization_invitations"],
        response: "ListOrganizationInvitationsResponseContent",
        paging: .offset(perPageMax: pageMaximum, recordCap: offsetRecordCap))
    /// `POST /api/v2/organizations/{id}/invitations`.
    public static let createInvitation = ManagementOperation(
        "post_invitations", .post, "/api/v2/organizations/{id}/invitations",
        scopes: ["create:organization_invitations"], request: "CreateOrganizationInvitationRequestContent",
        response: "CreateOrganizationInvitationResponseContent",
        sideEffects: ["ttl_sec 0 or absent means 604800 s (7 days); at most 2592000 s"])
    /// `GET /api/v2/organizations/{id}/invitations/{invitation_id}`.
    public static let getInvitation = ManagementOperation(
        "get_invitations_by_invitation_id", .get, "/api/v2/organizations/{id}/invitations/{invitation_id}",
        scopes: ["read:organization_invitations"], response: "GetOrganizationInvitationResponseContent")
    /// `DELETE /api/v2/organizations/{id}/invitations/{invitation_id}`.
    public static let deleteInvitation = ManagementOperation(
        "delete_invitations_by_invitation_id", .delete, "/api/v2/organizations/{id}/invitations/{invitation_id}",
        scopes: ["delete:organization_invitations"], response: nil)

    // MARK: Members and users (https://auth0.com/docs/api/management/v2/organizations/get-members,
    // https://auth0.com/docs/api/management/v2/users/get-users-by-id)

    /// `GET /api/v2/organizations/{id}/members`: tenantplan reads with checkpoint paging (`from`/`take`, a `next`
    /// cursor); offset paging stops at 1,000 records. Read only where a plan removes a login path (docs/sso-enforcement.md).
    public static let listOrganizationMembers = ManagementOperation(
        "get_organization_members", .get, "/api/v2/organizations/{id}/members", scopes: ["read:organization_members"],
        response: "ListOrganizationMembersResponseContent",
        paging: .checkpointOrOffset(takeMax: pageMaximum, perPageMax: pageMaximum, recordCap: offsetRecordCap))
    /// `GET /api/v2/users/{id}`: a user's `identities` (connection names) and `app_metadata`. `read:users` only:
    /// without `read:user_idp_tokens` Auth0 leaves the identity provider tokens out.
    public static let getUser = ManagementOperation(
        "get_users_by_id", .get, "/api/v2/users/{id}", scopes: ["read:users"], response: "GetUserResponseContent")
    /// `GET /api/v2/users` (answered by the local tenant; offset paging, `per_page` ≤ 100).
    public static let listUsers = ManagementOperation(
        "get_users", .get, "/api/v2/users", scopes: ["read:users"], response: "ListUsersResponseContent",
        paging: .offset(perPageMax: pageMaximum, recordCap: offsetRecordCap))

    // MARK: Connections (https://auth0.com/docs/api/management/v2/connections)

    /// `GET /api/v2/connections`: tenantplan reads with checkpoint paging, which returns `options` only with
    /// `read:connections_options`; offset paging stops at 1,000.
    public static let listConnections = ManagementOperation(
        "get_connections", .get, "/api/v2/connections", scopes: ["read:connections"],
        bodyScopes: ["": "read:connections_options"], response: "ListConnectionsResponseContent",
        paging: .checkpointOrOffset(takeMax: pageMaximum, perPageMax: pageMaximum, recordCap: offsetRecordCap))
    /// `GET /api/v2/connections/{id}` (answered by the local tenant).
    public static let getConnection = ManagementOperation(
        "get_connections_by_id", .get, "/api/v2/connections/{id}", scopes: ["read:connections"],
        response: "GetConnectionResponseContent")
    /// `POST /api/v2/connections`.
    public static let createConnection = ManagementOperation(
        "post_connections", .post, "/api/v2/connections", scopes: ["create:connections"],
        request: "CreateConnectionRequestContent", response: "CreateConnectionResponseContent",
        sideEffects: [
            "display_name defaults to the name (enterprise connections)",
            "server defaults added to options (database: authentication_methods, passkey_options, …; waad: app_domain, thumbprints)",
            "409 while a deleted connection of the same name is still being removed",
        ])
    /// `PATCH /api/v2/connections/{id}`; `options` in the body needs `update:connections_options`.
    public static let updateConnection = ManagementOperation(
        "patch_connections_by_id", .patch, "/api/v2/connections/{id}", scopes: ["update:connections"],
        bodyScopes: ["options": "update:connections_options"],
        request: "UpdateConnectionRequestContent", response: "UpdateConnectionResponseContent",
        sideEffects: [
            "display_name not in the request is overwritten with the name",
            "options replaced whole",
            "metadata replaced whole; at most 10 keys (ConnectionsMetadata maxProperties)",
        ])
    /// `DELETE /api/v2/connections/{id}`.
    public static let deleteConnection = ManagementOperation(
        "delete_connections_by_id", .delete, "/api/v2/connections/{id}", scopes: ["delete:connections"],
        response: nil,
        sideEffects: ["202: the delete is pending (its users are removed after the answer); 204 when gone"])
    /// `GET /api/v2/connections/{id}/clients`.
    public static let listConnectionClients = ManagementOperation(
        "get_connection_clients", .get, "/api/v2/connections/{id}/clients", scopes: ["read:connections"],
        response: "GetConnectionEnabledClientsResponseContent", paging: .checkpoint(takeMax: 1000))
    /// `PATCH /api/v2/connections/{id}/clients`.
    public static let updateConnectionClients = ManagementOperation(
        "patch_clients", .patch, "/api/v2/connections/{id}/clients", scopes: ["update:connections"],
        request: "UpdateEnabledClientConnectionsRequestContent", response: nil,
        sideEffects: ["1 to 50 {client_id, status} entries; only the named clients change"])

    // MARK: Clients (https://auth0.com/docs/api/management/v2/clients)

    /// `GET /api/v2/clients` (`read:clients`, not `read:client_summary`: tenantplan compares whole clients).
    public static let listClients = ManagementOperation(
        "get_clients", .get, "/api/v2/clients", scopes: ["read:clients"],
        response: "ListClientsPaginatedResponseContent",
        paging: .checkpointOrOffset(takeMax: pageMaximum, perPageMax: pageMaximum, recordCap: nil))
    /// `GET /api/v2/clients/{id}` (answered by the local tenant).
    public static let getClient = ManagementOperation(
        "get_clients_by_id", .get, "/api/v2/clients/{id}", scopes: ["read:clients"],
        response: "GetClientResponseContent")
    /// `POST /api/v2/clients`.
    public static let createClient = ManagementOperation(
        "post_clients", .post, "/api/v2/clients", scopes: ["create:clients"],
        request: "CreateClientRequestContent", response: "CreateClientResponseContent",
        sideEffects: ["server defaults added (client_secret, jwt_configuration, grant_types, …)"])
    /// `PATCH /api/v2/clients/{id}` (`update:clients`; `update:client_keys` only for secrets, never sent).
    public static let updateClient = ManagementOperation(
        "patch_clients_by_id", .patch, "/api/v2/clients/{id}", scopes: ["update:clients"],
        request: "UpdateClientRequestContent", response: "UpdateClientResponseContent",
        sideEffects: ["client_metadata replaced whole; at most 10 keys (ClientMetadata maxProperties)"])
    /// `DELETE /api/v2/clients/{id}`.
    public static let deleteClient = ManagementOperation(
        "delete_clients_by_id", .delete, "/api/v2/clients/{id}", scopes: ["delete:clients"], response: nil)
    /// `GET /api/v2/clients/{id}/connections` (`read:connections` and `read:clients`).
    public static let listClientConnections = ManagementOperation(
        "get_client_connections", .get, "/api/v2/clients/{id}/connections",
        scopes: ["read:connections", "read:clients"], response: "ListClientConnectionsResponseContent",
        paging: .checkpoint(takeMax: pageMaximum))

    // MARK: Roles (https://auth0.com/docs/api/management/v2/roles)

    /// `GET /api/v2/roles`.
    public static let listRoles = ManagementOperation(
        "get_roles", .get, "/api/v2/roles", scopes: ["read:roles"], response: "ListRolesResponseContent",
        paging: .offset(perPageMax: pageMaximum, recordCap: nil))
    /// `GET /api/v2/roles/{id}` (answered by the local tenant).
    public static let getRole = ManagementOperation(
        "get_roles_by_id", .get, "/api/v2/roles/{id}", scopes: ["read:roles"], response: "GetRoleResponseContent")
    /// `POST /api/v2/roles` (Auth0 answers 200, not 201).
    public static let createRole = ManagementOperation(
        "post_roles", .post, "/api/v2/roles", scopes: ["create:roles"], request: "CreateRoleRequestContent",
        response: "CreateRoleResponseContent")
    /// `PATCH /api/v2/roles/{id}`.
    public static let updateRole = ManagementOperation(
        "patch_roles_by_id", .patch, "/api/v2/roles/{id}", scopes: ["update:roles"],
        request: "UpdateRoleRequestContent", response: "UpdateRoleResponseContent")
    /// `DELETE /api/v2/roles/{id}` (200; the role is removed from every user).
    public static let deleteRole = ManagementOperation(
        "delete_roles_by_id", .delete, "/api/v2/roles/{id}", scopes: ["delete:roles"], response: nil,
        sideEffects: ["200; removed from every user who had it"])

    /// Every operation, in the order docs/auth0-fidelity.md lists them.
    public static let all: [ManagementOperation] = [
        listOrganizations, getOrganizationByName, getOrganization, createOrganization, updateOrganization,
        deleteOrganization,
        listEnabledConnections, addEnabledConnection, getEnabledConnection, updateEnabledConnection,
        deleteEnabledConnection,
        listInvitations, createInvitation, getInvitation, deleteInvitation,
        listOrganizationMembers, getUser, listUsers,
        listConnections, getConnection, createConnection, updateConnection, deleteConnection,
        listConnectionClients, updateConnectionClients,
        listClients, getClient, createClient, updateClient, deleteClient, listClientConnections,
        listRoles, getRole, createRole, updateRole, deleteRole,
    ]
}
