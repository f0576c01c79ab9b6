import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// Each place where the local tenant answered differently from the recorded Auth0 traffic, with the input that
/// showed it and the answer Auth0 gave (the cassette each comes from is named in the test).
@Suite struct LocalTenantFixesTests {
    static let databaseDefaults: JSONValue = [
        "mfa": ["active": true, "return_enroll_settings": true],
        "passwordPolicy": "good",
        "strategy_version": 2,
        "authentication_methods": ["password": ["enabled": true], "passkey": ["enabled": false]],
        "passkey_options": ["challenge_ui": "both", "progressive_enrollment_enabled": true, "local_enrollment_enabled": true],
        "brute_force_protection": true,
    ]

    static func id(_ response: APIResponse, _ key: String = "id") throws -> String {
        try #require(response.body?[key]?.stringValue)
    }

    /// TestConnectionManager_Update and TestConnectionManager_EnabledClients: a database connection created
    /// without options gets Auth0's defaults, no display name, and the deprecated `enabled_clients` list.
    @Test func databaseConnectionCreateAnswersLikeAuth0() async throws {
        let local = try LocalTenant(json: [:])
        let created = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "Test-Auth0-Connection-1757344613", "strategy": "auth0", "authentication": ["active": true],
            "connected_accounts": ["active": true],
        ]))
        #expect(created.status == 201)
        let id = try Self.id(created)
        #expect(created.body == [
            "id": .string(id), "name": "Test-Auth0-Connection-1757344613", "strategy": "auth0",
            "is_domain_connection": false, "realms": ["Test-Auth0-Connection-1757344613"],
            "options": Self.databaseDefaults, "authentication": ["active": true], "connected_accounts": ["active": true],
            "enabled_clients": [],
        ])
        // Both purposes may be changed by PATCH (UpdateConnectionRequestContent); this answered 400 before.
        let patched = try await local.send(APIRequest(.patch, "/api/v2/connections/\(id)", body: ["authentication": ["active": false]]))
        #expect(patched.status == 200 && patched.body?["authentication"] == ["active": false])
    }

    /// TestConnectionManager_Update: a PATCH with partial `options` replaces them: `mfa` and `passwordPolicy` go,
    /// while `authentication_methods`, `passkey_options` and `brute_force_protection` stay.
    @Test func partialOptionsPatchKeepsOnlyWhatAuth0Keeps() async throws {
        let local = try LocalTenant(json: [:])
        let id = try Self.id(try await local.send(APIRequest(.post, "/api/v2/connections", body: ["name": "db", "strategy": "auth0"])))
        let patched = try await local.send(APIRequest(.patch, "/api/v2/connections/\(id)", body: [
            "options": ["strategy_version": 2, "upstream_params": ["screen_name": ["alias": "login_hint"]]],
        ]))
        let wanted: JSONValue = [
            "passkey_options": ["challenge_ui": "both", "local_enrollment_enabled": true, "progressive_enrollment_enabled": true],
            "upstream_params": ["screen_name": ["alias": "login_hint"]],
            "strategy_version": 2,
            "authentication_methods": ["passkey": ["enabled": false], "password": ["enabled": true]],
            "brute_force_protection": true,
        ]
        #expect(patched.status == 200 && patched.body?["options"] == wanted)
        #expect(try await local.send(APIRequest(.get, "/api/v2/connections/\(id)")).body?["options"] == wanted)
        // Sent values win over kept ones.
        let explicit = try await local.send(APIRequest(.patch, "/api/v2/connections/\(id)", body: [
            "options": ["brute_force_protection": false],
        ]))
        #expect(explicit.body?["options"] == [
            "brute_force_protection": false,
            "authentication_methods": ["passkey": ["enabled": false], "password": ["enabled": true]],
            "passkey_options": ["challenge_ui": "both", "local_enrollment_enabled": true, "progressive_enrollment_enabled": true],
        ])
    }

    /// TestAccConnectionAzureAD: a `waad` connection gets its name as display name, a provisioning ticket URL,
    /// and server-managed `app_domain`, `thumbprints` and `waad_common_endpoint`; a PATCH that leaves out
    /// `strategy_version` drops it and keeps `waad_common_endpoint`.
    @Test func azureADConnectionGetsServerManagedOptions() async throws {
        let local = try LocalTenant(json: [:])
        let created = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "acme-entra", "strategy": "waad", "show_as_button": true,
            "options": ["client_id": "123456", "strategy_version": 2, "useCommonEndpoint": false, "userid_attribute": "oid"],
        ]))
        #expect(created.status == 201)
        let body = try #require(created.body)
        let id = try Self.id(created)
        #expect(body["display_name"] == "acme-entra")
        #expect(body["show_as_button"] == true)
        #expect(body["enabled_clients"] == [])
        let ticketURL = try #require(body["provisioning_ticket_url"]?.stringValue)
        let prefix = "https://local-tenant.tenantplan.invalid/local-tenant/p/waad/"
        #expect(ticketURL.hasPrefix(prefix) && ticketURL.count == prefix.count + 8)
        let thumbprintValues = try #require(body["options"]?["thumbprints"]?.arrayValue)
        let thumbprints = thumbprintValues.compactMap(\.stringValue)
        #expect(thumbprints.count == 5)
        #expect(thumbprints.allSatisfy { $0.count == 40 && $0.allSatisfy(\.isHexDigit) })
        #expect(body["options"]?.objectValue?.filter { $0.key != "thumbprints" } == [
            "client_id": "123456", "strategy_version": 2, "useCommonEndpoint": false, "userid_attribute": "oid",
            "app_domain": "local-tenant.tenantplan.invalid", "waad_common_endpoint": false,
        ])
        let patched = try await local.send(APIRequest(.patch, "/api/v2/connections/\(id)", body: [
            "options": ["client_id": "123456", "useCommonEndpoint": true, "userid_attribute": "sub"],
        ]))
        #expect(patched.body?["options"] == [
            "client_id": "123456", "useCommonEndpoint": true, "userid_attribute": "sub",
            "app_domain": "local-tenant.tenantplan.invalid", "waad_common_endpoint": true,
            "thumbprints": .array(thumbprints.map(JSONValue.string)),
        ])
        #expect(patched.body?["provisioning_ticket_url"] == .string(ticketURL))
    }

    /// TestOrganizationManager_UpdateDBConnection: connection answers list the clients the connection is enabled
    /// for in the deprecated `enabled_clients`, read from `connection_clients` and never stored in the connection.
    @Test func connectionAnswersCarryEnabledClients() async throws {
        let local = try LocalTenant(json: ["clients": [["client_id": "cli_1", "name": "app"]]])
        let created = try await local.send(APIRequest(.post, "/api/v2/connections", body: [
            "name": "test-conn45", "display_name": "Test Connection 845", "strategy": "auth0", "enabled_clients": ["cli_1"],
        ]))
        let id = try Self.id(created)
        #expect(created.body?["enabled_clients"] == ["cli_1"])
        #expect(created.body?["display_name"] == "Test Connection 845")
        #expect(try await local.send(APIRequest(.get, "/api/v2/connections/\(id)")).body?["enabled_clients"] == ["cli_1"])
        let disabled = try await local.send(APIRequest(
            .patch, "/api/v2/connections/\(id)/clients", body: [["client_id": "cli_1", "status": false]]))
        #expect(disabled.status == 204)
        #expect(try await local.send(APIRequest(.get, "/api/v2/connections/\(id)")).body?["enabled_clients"] == [])
        let stored = try #require(await local.snapshotJSON.connection(named: "test-conn45"))
        #expect(stored["enabled_clients"] == nil)
        #expect(await local.snapshotJSON["connection_clients"] == .object([id: []]))
    }

    /// TestOrganizationManager_UpdateDBConnection: the 400 carries Auth0's own message.
    @Test func signupRuleAnswersAuth0sMessage() async throws {
        let local = try LocalTenant(json: [
            "organizations": [["id": "org_A", "name": "a"]],
            "connections": [["id": "con_DB", "name": "db", "strategy": "auth0", "options": [:]]],
        ])
        let path = "/api/v2/organizations/org_A/enabled_connections"
        let added = try await local.send(APIRequest(.post, path, body: [
            "connection_id": "con_DB", "assign_membership_on_login": true, "is_signup_enabled": true,
        ]))
        #expect(added.status == 201)
        let refused = try await local.send(APIRequest(.patch, "\(path)/con_DB", body: [
            "assign_membership_on_login": false, "is_signup_enabled": true,
        ]))
        #expect(refused.status == 400)
        #expect(refused.body == [
            "statusCode": 400, "error": "Bad Request",
            "message": "Only database connections with assign_membership_on_login = true support is_signup_enabled = true.",
            "errorCode": "invalid_body",
        ])
    }

    /// TestConnectionManager_EnabledClients: a created client carries Auth0's server defaults and a secret, and
    /// its `private_key_jwt` credentials come back with ids and key ids instead of the PEM.
    @Test func clientCreateAnswersLikeAuth0() async throws {
        let local = try LocalTenant(json: [:])
        let created = try await local.send(APIRequest(.post, "/api/v2/clients", body: [
            "name": "Test Client", "description": "This is just a test client.", "organization_usage": "allow",
        ]))
        #expect(created.status == 201)
        var body = try #require(created.body?.objectValue)
        let clientID = try #require(body.removeValue(forKey: "client_id")?.stringValue)
        let secret = try #require(body.removeValue(forKey: "client_secret")?.stringValue)
        #expect(clientID.count == 32 && secret.count == 64 && clientID.allSatisfy { $0.isLetter || $0.isNumber })
        #expect(JSONValue.object(body) == [
            "name": "Test Client", "description": "This is just a test client.", "organization_usage": "allow",
            "is_first_party": true, "is_token_endpoint_ip_header_trusted": false, "oidc_conformant": false,
            "jwt_configuration": ["secret_encoded": false, "lifetime_in_seconds": 36000], "sso_disabled": false,
            "cross_origin_authentication": false,
            "grant_types": ["authorization_code", "implicit", "refresh_token", "client_credentials"],
            "custom_login_page_on": true,
            "refresh_token": [
                "rotation_type": "non-rotating", "expiration_type": "non-expiring", "leeway": 0,
                "token_lifetime": 2_592_000, "infinite_token_lifetime": true, "infinite_idle_token_lifetime": true,
                "idle_token_lifetime": 1_296_000,
            ],
        ])
        let withKey = try await local.send(APIRequest(.post, "/api/v2/clients", body: [
            "name": "Signed", "jwt_configuration": ["alg": "RS256"], "grant_types": ["client_credentials"],
            "client_authentication_methods": ["private_key_jwt": ["credentials": [
                ["name": "key 1", "credential_type": "public_key", "pem": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"],
            ]]],
        ]))
        #expect(withKey.body?["jwt_configuration"] == ["alg": "RS256", "secret_encoded": false])
        #expect(withKey.body?["grant_types"] == ["client_credentials"])
        let credentials = withKey.body?["client_authentication_methods"]?["private_key_jwt"]?["credentials"]?.arrayValue
        var credential = try #require(credentials?.first?.objectValue)
        #expect(credentials?.count == 1)
        #expect(credential.keys.sorted() == ["alg", "created_at", "credential_type", "id", "kid", "name", "updated_at"])
        #expect(try #require(credential.removeValue(forKey: "id")?.stringValue).hasPrefix("cred_"))
        #expect(credential["alg"] == "RS256" && credential["name"] == "key 1" && credential["credential_type"] == "public_key")
        #expect(credential["created_at"] == credential["updated_at"])
        #expect(credential["created_at"]?.stringValue.flatMap(LiveInvitation.date(iso8601:)) != nil)
    }

    /// TestOrganizationManager_DeleteInvitation: the recorded client has no `initiate_login_uri`, and Auth0 built
    /// the invitation URL on the tenant's default login route instead of refusing.
    @Test func invitationFallsBackToTheTenantsDefaultLoginRoute() async throws {
        let state: JSONValue = [
            "organizations": [["id": "org_A", "name": "acme"]],
            "clients": [
                ["client_id": "cli_plain", "name": "plain", "organization_usage": "allow"],
                ["client_id": "cli_own", "name": "own", "organization_usage": "allow", "initiate_login_uri": "https://app.example/login"],
            ],
        ]
        let path = "/api/v2/organizations/org_A/invitations"
        func invite(_ client: String) -> APIRequest {
            APIRequest(.post, path, body: [
                "inviter": ["name": "Admin"], "invitee": ["email": "a@b.example"], "client_id": .string(client),
            ])
        }
        let without = try LocalTenant(json: state)
        let refused = try await without.send(invite("cli_plain"))
        #expect(refused.status == 400)
        #expect(refused.body?["message"]?.stringValue == "A default login route is required to generate the invitation "
            + "url. For more information, see https://auth0.com/docs/universal-login/configure-default-login-routes")
        var seeded = try #require(state.objectValue)
        seeded["tenant_settings"] = ["default_redirection_uri": "https://mycompany.org/login"]
        let with = try LocalTenant(json: .object(seeded))
        let created = try await with.send(invite("cli_plain"))
        #expect(created.status == 201)
        let ticket = try Self.id(created, "ticket_id")
        #expect(created.body?["invitation_url"] == .string(
            "https://mycompany.org/login?invitation=\(ticket)&organization=org_A&organization_name=acme"))
        // The application's own login route wins over the tenant's.
        let own = try await with.send(invite("cli_own"))
        let ownTicket = try Self.id(own, "ticket_id")
        #expect(own.body?["invitation_url"] == .string(
            "https://app.example/login?invitation=\(ownTicket)&organization=org_A&organization_name=acme"))
    }
}
