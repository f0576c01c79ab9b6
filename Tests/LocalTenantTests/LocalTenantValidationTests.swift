import JSONValues
import LocalTenant
import ManagementAPI
import Testing

/// The local tenant validates every request against its operation in Auth0's OpenAPI document before it
/// dispatches it, and answers Auth0's 400 (docs/auth0-fidelity.md, "Request validation"): the exact bodies, the
/// accepted neighbour of each case, and that a refused request changes nothing.
@Suite struct LocalTenantValidationTests {
    static func badRequest(_ message: String, _ errorCode: String = "invalid_body") -> APIResponse {
        APIResponse(
            status: 400, headers: ["content-type": "application/json; charset=utf-8"],
            body: ["statusCode": 400, "error": "Bad Request", "message": .string(message), "errorCode": .string(errorCode)])
    }

    /// A tenant with one organization, one client that accepts organizations, one database connection.
    static func tenant() throws -> LocalTenant {
        try LocalTenant(json: [
            "organizations": [["id": "org_1", "name": "acme", "enabled_connections": []]],
            "clients": [[
                "client_id": "cli_1", "name": "Portal", "organization_usage": "allow",
                "initiate_login_uri": "https://portal.example/login",
            ]],
            "connections": [["id": "con_1", "name": "db", "strategy": "auth0", "options": [:]]],
        ])
    }

    static func invitation(inviter: String) -> JSONValue {
        ["inviter": ["name": .string(inviter)], "invitee": ["email": "jane@acme.example"], "client_id": "cli_1"]
    }

    // MARK: invite --inviter longer than 300 characters

    @Test func anInviterNameOf301CharactersIsRefused() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/organizations/org_1/invitations"
        let refused = try await local.send(APIRequest(.post, path, body: Self.invitation(inviter: String(repeating: "a", count: 301))))
        #expect(refused == Self.badRequest(
            "Payload validation error: 'String is too long (301 chars), maximum 300' on property inviter.name (The inviter's name)."))
        #expect(await local.snapshotJSON["invitations"] == [:])
        let empty = try await local.send(APIRequest(.post, path, body: Self.invitation(inviter: "")))
        #expect(empty == Self.badRequest(
            "Payload validation error: 'String is too short (0 chars), minimum 1' on property inviter.name (The inviter's name)."))
        let accepted = try await local.send(APIRequest(.post, path, body: Self.invitation(inviter: String(repeating: "a", count: 300))))
        #expect(accepted.status == 201)
    }

    @Test func invitationNeighboursAreRefusedByTheSchema() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/organizations/org_1/invitations"
        var body = Self.invitation(inviter: "Acme").objectValue!
        body["ttl_sec"] = "7d"
        #expect(try await local.send(APIRequest(.post, path, body: .object(body))) == Self.badRequest(
            "Payload validation error: 'Expected type integer but found type string' on property ttl_sec (Number of seconds for which the invitation is valid before expiration. If unspecified or set to 0, this value defaults to 604800 seconds (7 days). Max value: 2592000 seconds (30 days))."))
        body["ttl_sec"] = nil
        body["user_id"] = "auth0|1"
        #expect(try await local.send(APIRequest(.post, path, body: .object(body))) == Self.badRequest(
            "Payload validation error: 'Additional properties not allowed: user_id'."))
        #expect(try await local.send(APIRequest(.post, path)) == Self.badRequest(
            "Payload validation error: 'Expected type object but found type null'."))
    }

    // MARK: a client name with < or >

    @Test(arguments: ["Acme <Portal>", "<", "a>b"])
    func aClientNameWithAngleBracketsIsRefused(name: String) async throws {
        let local = try Self.tenant()
        let answer = try await local.send(APIRequest(.post, "/api/v2/clients", body: ["name": .string(name), "app_type": "spa"]))
        #expect(answer == Self.badRequest(
            "Payload validation error: 'String does not match pattern ^[^<>]+$: \(name)' on property name (Name of this client (min length: 1 character, does not allow `<` or `>`))."))
        #expect(await local.snapshotJSON["clients"]?.arrayValue?.count == 1)
        let patched = try await local.send(APIRequest(.patch, "/api/v2/clients/cli_1", body: ["name": .string(name)]))
        #expect(patched.status == 400)
        #expect(patched.body?["message"]?.stringValue?.hasPrefix(
            "Payload validation error: 'String does not match pattern ^[^<>]+$: \(name)' on property name") == true)
    }

    @Test func aClientNameWithoutAngleBracketsIsCreated() async throws {
        let local = try Self.tenant()
        let answer = try await local.send(APIRequest(.post, "/api/v2/clients", body: ["name": "Acme Portal (prod)", "app_type": "spa"]))
        #expect(answer.status == 201)
    }

    // MARK: database options.configuration values that are not strings

    static let database: JSONValue = ["name": "customers-db", "strategy": "auth0"]

    @Test func aNonStringConfigurationValueIsRefusedOnCreate() async throws {
        let local = try Self.tenant()
        var body = Self.database.objectValue!
        body["options"] = ["configuration": ["API_KEY": 42]]
        #expect(try await local.send(APIRequest(.post, "/api/v2/connections", body: .object(body))) == Self.badRequest(
            "Payload validation error: 'Expected type string,null but found type integer' on property options.configuration.API_KEY."))
        body["options"] = ["configuration": ["API_KEY": ["nested": "x"]]]
        #expect(try await local.send(APIRequest(.post, "/api/v2/connections", body: .object(body))) == Self.badRequest(
            "Payload validation error: 'Expected type string,null but found type object' on property options.configuration.API_KEY."))
        // The auth0 strategy's own options schema (ConnectionConfiguration) allows strings only, no null.
        body["options"] = ["configuration": ["API_KEY": nil]]
        #expect(try await local.send(APIRequest(.post, "/api/v2/connections", body: .object(body))) == Self.badRequest(
            "Payload validation error: 'Expected type string but found type null' on property options.configuration.API_KEY."))
        #expect(await local.snapshotJSON["connections"]?.arrayValue?.count == 1)
        body["options"] = ["configuration": ["API_KEY": "s3cret"]]
        #expect(try await local.send(APIRequest(.post, "/api/v2/connections", body: .object(body))).status == 201)
    }

    @Test func aNonStringConfigurationValueIsRefusedOnUpdate() async throws {
        let local = try Self.tenant()
        let refused = try await local.send(APIRequest(.patch, "/api/v2/connections/con_1", body: [
            "options": ["configuration": ["FLAG": true]],
        ]))
        #expect(refused == Self.badRequest(
            "Payload validation error: 'Expected type string,null but found type boolean' on property options.configuration.FLAG."))
        #expect(await local.snapshotJSON["connections"]?.arrayValue?.first?["options"] == [:])
        let accepted = try await local.send(APIRequest(.patch, "/api/v2/connections/con_1", body: [
            "options": ["configuration": ["FLAG": "true"]],
        ]))
        #expect(accepted.status == 200)
    }

    /// The real answer Auth0 gave (auth0/docs issue "Wrong Documentation for requires_username").
    @Test func requiresUsernameInsideValidationIsRefusedAsAuth0Did() async throws {
        let local = try Self.tenant()
        let answer = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "test2", "strategy": "auth0",
            "options": ["validation": ["requires_username": true, "username": ["min": 1, "max": 5]]],
        ]))
        #expect(answer == Self.badRequest(
            "Payload validation error: 'Additional properties not allowed: requires_username' on property options.validation (Options for validation)."))
    }

    /// The strategy's options schema applies to the strategy of the body (create) or of the stored connection
    /// (update): `client_id` is required in `waad` options.
    @Test func strategyOptionsSchemaApplies() async throws {
        let local = try Self.tenant()
        let created = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "acme-entra", "strategy": "waad", "options": ["domain": "acme.example"],
        ]))
        #expect(created == Self.badRequest(
            "Payload validation error: 'Missing required property: client_id' on property options (Options for the 'waad' connection)."))
        let database = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "other-db", "strategy": "auth0", "options": ["domain": "acme.example"],
        ]))
        #expect(database.status == 201)
    }

    // MARK: an organization with a bad name

    @Test(arguments: ["Acme Corp", "acme.prod", "ACME"])
    func anOrganizationNameOutsideAuth0sCharactersIsRefused(name: String) async throws {
        let local = try Self.tenant()
        let created = try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": .string(name)]))
        let refusal = Self.badRequest(
            "Payload validation error: 'Object didn't pass validation for format organization-name: \(name)' on property name (The name of this organization).")
        #expect(created == refusal)
        #expect(try await local.send(APIRequest(.patch, "/api/v2/organizations/org_1", body: ["name": .string(name)])) == refusal)
        #expect(await local.snapshotJSON["organizations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["acme"])
    }

    @Test func organizationNameNeighbours() async throws {
        let local = try Self.tenant()
        #expect(try await local.send(APIRequest(.post, "/api/v2/organizations", body: [
            "name": .string(String(repeating: "a", count: 51)),
        ])) == Self.badRequest(
            "Payload validation error: 'String is too long (51 chars), maximum 50' on property name (The name of this organization)."))
        #expect(try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["display_name": "Acme"])) == Self.badRequest(
            "Payload validation error: 'Missing required property: name'."))
        #expect(try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "acme_2-prod"])).status == 201)
    }

    // MARK: an unknown top-level key, a wrong type

    @Test func anUnknownTopLevelKeyIsRefused() async throws {
        let local = try Self.tenant()
        #expect(try await local.send(APIRequest(.patch, "/api/v2/organizations/org_1", body: [
            "display_name": "Acme", "enabled_connections": [],
        ])) == Self.badRequest("Payload validation error: 'Additional properties not allowed: enabled_connections'."))
        #expect(try await local.send(APIRequest(.patch, "/api/v2/connections/con_1", body: ["strategy": "auth0", "name": "x"]))
            == Self.badRequest("Payload validation error: 'Additional properties not allowed: name,strategy'."))
        #expect(try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "admin", "permissions": []]))
            == Self.badRequest("Payload validation error: 'Additional properties not allowed: permissions'."))
        #expect(try await local.send(APIRequest(.patch, "/api/v2/organizations/org_1/enabled_connections/con_1", body: [
            "signupEnabled": true,
        ])) == Self.badRequest("Payload validation error: 'Additional properties not allowed: signupEnabled'."))
    }

    @Test func aWrongTypeIsRefused() async throws {
        let local = try Self.tenant()
        #expect(try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": 42])) == Self.badRequest(
            "Payload validation error: 'Expected type string but found type integer' on property name (Name of the role)."))
        #expect(try await local.send(APIRequest(.post, "/api/v2/organizations/org_1/enabled_connections", body: [
            "connection_id": "con_1", "assign_membership_on_login": "yes",
        ])) == Self.badRequest(
            "Payload validation error: 'Expected type boolean but found type string' on property assign_membership_on_login (When true, all users that log in with this connection will be automatically granted membership in the organization. When false, users must be granted membership in the organization before logging in with this connection)."))
        #expect(try await local.send(APIRequest(.patch, "/api/v2/connections/con_1/clients", body: [
            ["client_id": "cli_1", "status": "yes"],
        ])) == Self.badRequest(
            "Payload validation error: 'Expected type boolean but found type string' on property 0.status (Whether the connection is enabled or not for this client_id)."))
        #expect(try await local.send(APIRequest(.patch, "/api/v2/connections/con_1/clients", body: []))
            == Self.badRequest("Payload validation error: 'Array is too short (0), minimum 1'."))
    }

    /// Validation comes before the object is looked up: a bad body for an unknown id answers 400, not 404.
    @Test func validationComesBeforeTheLookup() async throws {
        let local = try Self.tenant()
        #expect(try await local.send(APIRequest(.patch, "/api/v2/organizations/org_missing", body: ["nickname": "x"]))
            == Self.badRequest("Payload validation error: 'Additional properties not allowed: nickname'."))
        #expect(try await local.send(APIRequest(.patch, "/api/v2/organizations/org_missing", body: ["display_name": "x"])).status
            == 404)
    }

    // MARK: query strings

    @Test func queryStringsAreValidatedAgainstTheDeclaredParameters() async throws {
        let local = try Self.tenant()
        let description = "Number of results per page. Defaults to 50"
        #expect(try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections", query: ["take": "0"]))
            == Self.badRequest(
                "Query validation error: 'Value 0 is less than minimum 1' on property take (\(description)).", "invalid_query_string"))
        #expect(try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections", query: ["take": "many"]))
            == Self.badRequest(
                "Query validation error: 'Expected type integer but found type string' on property take (\(description)).",
                "invalid_query_string"))
        #expect(try await local.send(APIRequest(.get, "/api/v2/roles", query: ["q": "admin"]))
            == Self.badRequest("Query validation error: 'Additional properties not allowed: q'.", "invalid_query_string"))
        #expect(try await local.send(APIRequest(.get, "/api/v2/roles", query: ["name_filter": "admin", "per_page": "100"])).status
            == 200)
    }
}
