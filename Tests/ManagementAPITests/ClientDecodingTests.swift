import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// ``ManagementClient`` decodes every answer real Auth0 gave in the recordings: each cassette's request sequence
/// is driven through the replayer, with the typed calls where one sends exactly the recorded request, and raw
/// ``ManagementClient/call(_:)`` where the recorded SDK sent other query parameters than the typed call would
/// (`take`-only paging, `GET …/clients` without `take`). Request bodies must equal the recorded ones.
@Suite struct ClientDecodingTests {
    static let logo: JSONValue = ["logo_url": "https://example.com/logo.gif"]

    static func client(_ name: String, pageSize: Int = 100) throws -> (ManagementClient, CassetteReplayer) {
        let replayer = try CassetteReplayer(named: name, matchBodies: true)
        return (ManagementClient(transport: replayer, pageSize: pageSize), replayer)
    }

    /// Every interaction of every cassette through `call`: 2xx answers come back as recorded (202/204 included),
    /// the others as a ``ManagementAPIError`` decoded from the body.
    @Test(arguments: [
        ("go-auth0/TestConnectionManager_EnabledClients", 8, [String]()),
        ("go-auth0/TestConnectionManager_Update/It_can_successfully_update_a_Auth0_Connection", 4, []),
        ("go-auth0/TestOrganizationManager_DeleteInvitation", 7, [
            "GET /api/v2/organizations/org_74ltOJ3tOuYpvQAd/invitations/uinv_pyRyaCJqLdV4yNpK: 404 Not Found: "
                + "The invitation does not exist. (inexistent_invitation)",
        ]),
        ("go-auth0/TestOrganizationManager_ListCheckpointPagination", 8, []),
        ("go-auth0/TestOrganizationManager_UpdateDBConnection/When_signup_enabled_with_assign_membership_false_should_fail", 8, [
            "PATCH /api/v2/organizations/org_RABZnU8c4WlURlm8/enabled_connections/con_p8k8DoM15hulZbjc: 400 Bad Request: "
                + "Only database connections with assign_membership_on_login = true support is_signup_enabled = true. "
                + "(invalid_body)",
        ]),
        ("terraform-provider-auth0/TestAccConnectionAzureAD", 9, []),
    ])
    func everyRecordedAnswerDecodes(_ name: String, count: Int, errors: [String]) async throws {
        let (client, replayer) = try Self.client(name)
        var failures: [String] = []
        for interaction in replayer.cassette.interactions {
            do {
                let body = try await client.call(interaction.request)
                #expect(body == interaction.response.body, "\(interaction)")
            } catch let error as ManagementAPIError {
                #expect(error.status == interaction.response.status)
                failures.append(error.description)
            }
        }
        #expect(client.requestCount == count)
        #expect(failures == errors)
        #expect(replayer.unusedInteractions.isEmpty)
    }

    @Test func checkpointPaginationFollowsNextAndStopsWithoutIt() async throws {
        let (client, replayer) = try Self.client("go-auth0/TestOrganizationManager_ListCheckpointPagination", pageSize: 2)
        var created: [LiveOrganization] = []
        for name in ["test-organization745", "test-organization24", "test-organization804"] {
            let body = try await client.call(APIRequest(.post, "/api/v2/organizations", body: [
                "name": .string(name), "display_name": "Test Organization", "branding": Self.logo,
            ]))
            created.append(try #require(body.flatMap(LiveOrganization.init)))
        }
        #expect(created.map(\.id) == ["org_SST1yp2pazgSiMYi", "org_Wz2uMwAVQmfRb03I", "org_cGR0immZcgIoQziO"])
        // The SDK's listing carried per_page and include_totals beside take; checkpoint paging ignores them.
        let listed = try await client.checkpointList(
            "/api/v2/organizations", key: "organizations", query: ["per_page": "50", "include_totals": "true"]
        ).compactMap(LiveOrganization.init)
        #expect(listed.map(\.id) == ["org_SST1yp2pazgSiMYi", "org_Wz2uMwAVQmfRb03I", "org_cGR0immZcgIoQziO"])
        #expect(listed.map(\.name) == ["test-organization745", "test-organization24", "test-organization804"])
        #expect(listed.allSatisfy { $0.displayName == "Test Organization" && $0.branding == Self.logo && $0.metadata == [:] })
        #expect(replayer.servedRequests.suffix(2).map(\.description) == [
            "GET /api/v2/organizations?include_totals=true&per_page=50&take=2",
            "GET /api/v2/organizations?from=MjAyMy0wMy0xNCAxMToxNzoxOS40NjYwMDBVVEMsb3JnX1d6MnVNd0FWUW1mUmIwM0k"
                + "&include_totals=true&per_page=50&take=2",
        ])
        for id in created.reversed().map(\.id) {
            #expect(try await client.call(APIRequest(.delete, "/api/v2/organizations/\(id)")) == nil)
        }
        #expect(replayer.unusedInteractions.isEmpty)
    }

    @Test func signupRuleIsA400InvalidBody() async throws {
        let name = "go-auth0/TestOrganizationManager_UpdateDBConnection/When_signup_enabled_with_assign_membership_false_should_fail"
        let (client, replayer) = try Self.client(name)
        let organization = try #require(try await client.call(APIRequest(.post, "/api/v2/organizations", body: [
            "name": "test-organization860", "display_name": "Test Organization", "branding": Self.logo,
        ])).flatMap(LiveOrganization.init))
        #expect(organization.id == "org_RABZnU8c4WlURlm8")
        let app = try #require(try await client.call(replayer.cassette.interactions[1].request).flatMap(LiveClient.init))
        #expect(app.clientID == "8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4")
        #expect(app.name == "Test Client (Jun  7 15:42:30.421)")
        #expect(app.organizationUsage == "allow")
        #expect(app.appType == nil && app.initiateLoginURI == nil && app.clientMetadata == [:])
        let connection = try #require(try await client.call(APIRequest(.post, "/api/v2/connections", body: [
            "name": "test-conn45", "display_name": "Test Connection 845", "strategy": "auth0",
            "enabled_clients": ["QjlAo2nIDERZYBBZozsv8apykJUBtCq4", "8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4"],
        ])).flatMap(LiveConnection.init))
        #expect(connection.id == "con_p8k8DoM15hulZbjc")
        #expect(connection.displayName == "Test Connection 845")
        #expect(connection.options?.keys.sorted() == [
            "authentication_methods", "brute_force_protection", "mfa", "passkey_options", "passwordPolicy",
            "strategy_version",
        ])
        let path = "/api/v2/organizations/org_RABZnU8c4WlURlm8/enabled_connections"
        let enabled = try #require(try await client.call(APIRequest(.post, path, body: [
            "connection_id": "con_p8k8DoM15hulZbjc", "assign_membership_on_login": true, "is_signup_enabled": true,
        ])).flatMap(LiveEnabledConnection.init))
        #expect(enabled.connectionID == "con_p8k8DoM15hulZbjc" && enabled.name == "test-conn45" && enabled.strategy == "auth0")
        #expect(enabled.assignMembershipOnLogin == true && enabled.showAsButton == true && enabled.isSignupEnabled == true)
        let patch = APIRequest(
            .patch, "\(path)/con_p8k8DoM15hulZbjc", body: ["assign_membership_on_login": false, "is_signup_enabled": true])
        do {
            try await client.call(patch)
            Issue.record("the PATCH was expected to fail")
        } catch let error as ManagementAPIError {
            #expect(error.status == 400)
            #expect(error.error == "Bad Request")
            #expect(error.errorCode == "invalid_body")
            #expect(error.description == "PATCH /api/v2/organizations/org_RABZnU8c4WlURlm8/enabled_connections/"
                + "con_p8k8DoM15hulZbjc: 400 Bad Request: Only database connections with assign_membership_on_login = "
                + "true support is_signup_enabled = true. (invalid_body)")
        }
        let deleted = try await client.call(APIRequest(.delete, "/api/v2/connections/con_p8k8DoM15hulZbjc"))
        #expect(deleted == ["deleted_at": "2024-06-07T10:12:31.846Z"])
        #expect(try await client.call(APIRequest(.delete, "/api/v2/clients/8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4")) == nil)
        #expect(try await client.call(APIRequest(.delete, "/api/v2/organizations/org_RABZnU8c4WlURlm8")) == nil)
        #expect(replayer.unusedInteractions.isEmpty)
    }

    @Test func invitationLifecycleThroughTheTypedCalls() async throws {
        let name = "go-auth0/TestOrganizationManager_DeleteInvitation"
        let (client, replayer) = try Self.client(name)
        try await client.call(APIRequest(.post, "/api/v2/organizations", body: [
            "name": "test-organization256", "display_name": "Test Organization", "branding": Self.logo,
        ]))
        let app = try #require(try await client.call(APIRequest(.post, "/api/v2/clients", body: [
            "name": "Test Client (Jan 25 18:49:33.781)", "description": "This is just a test client.",
            "organization_usage": "allow",
        ])).flatMap(LiveClient.init))
        #expect(app.clientID == "TMuDL55y5FrYx3cuHJQZVEBnLQeT1PHY")
        let invitation = try await client.createInvitation(
            organizationID: "org_74ltOJ3tOuYpvQAd",
            NewInvitation(
                inviterName: "REDACTED_INVITER_NAME", inviteeEmail: "redacted-email-1@placeholder.invalid",
                clientID: app.clientID))
        #expect(invitation.id == "uinv_pyRyaCJqLdV4yNpK")
        #expect(invitation.organizationID == "org_74ltOJ3tOuYpvQAd")
        #expect(invitation.inviterName == "REDACTED_INVITER_NAME")
        #expect(invitation.inviteeEmail == "redacted-email-1@placeholder.invalid")
        #expect(invitation.clientID == "TMuDL55y5FrYx3cuHJQZVEBnLQeT1PHY")
        #expect(invitation.connectionID == nil && invitation.roles == [] && invitation.appMetadata == [:])
        #expect(invitation.ticketID == "YYWYfJKjlUiwu5ztyt5H8BMSvJWCBGNM")
        #expect(invitation.invitationURL == "https://mycompany.org/login?invitation=YYWYfJKjlUiwu5ztyt5H8BMSvJWCBGNM"
            + "&organization=org_74ltOJ3tOuYpvQAd&organization_name=test-organization256")
        #expect(invitation.createdAt == "2023-01-25T17:49:34.371Z")
        #expect(invitation.expiresAt == "2023-02-01T17:49:34.371Z")
        let created = try #require(invitation.createdAt.flatMap(LiveInvitation.date(iso8601:)))
        #expect(invitation.expiryDate?.timeIntervalSince(created) == 604_800)
        #expect(invitation.isExpired(at: created) == false)
        try await client.deleteInvitation(organizationID: "org_74ltOJ3tOuYpvQAd", invitationID: "uinv_pyRyaCJqLdV4yNpK")
        // The 404 `inexistent_invitation` reads as "no such invitation".
        #expect(try await client.invitation(organizationID: "org_74ltOJ3tOuYpvQAd", invitationID: "uinv_pyRyaCJqLdV4yNpK") == nil)
        try await client.call(APIRequest(.delete, "/api/v2/clients/TMuDL55y5FrYx3cuHJQZVEBnLQeT1PHY"))
        try await client.call(APIRequest(.delete, "/api/v2/organizations/org_74ltOJ3tOuYpvQAd"))
        #expect(replayer.unusedInteractions.isEmpty)

        // The same 404 through `call` is a ManagementAPIError with every field of the body.
        let again = try CassetteReplayer(named: name)
        let get = again.cassette.interactions[4].request
        let error = try #require(await #expect(throws: ManagementAPIError.self) {
            try await ManagementClient(transport: again).call(get)
        })
        #expect(error.status == 404 && error.error == "Not Found" && error.message == "The invitation does not exist.")
        #expect(error.errorCode == "inexistent_invitation")
        #expect(error.description == "GET /api/v2/organizations/org_74ltOJ3tOuYpvQAd/invitations/uinv_pyRyaCJqLdV4yNpK: "
            + "404 Not Found: The invitation does not exist. (inexistent_invitation)")
    }

    @Test func partialOptionsPatchReplacesOptions() async throws {
        let (client, replayer) = try Self.client(
            "go-auth0/TestConnectionManager_Update/It_can_successfully_update_a_Auth0_Connection")
        let created = try #require(try await client.call(APIRequest(.post, "/api/v2/connections", body: [
            "name": "Test-Auth0-Connection-1757344613", "strategy": "auth0", "authentication": ["active": true],
            "connected_accounts": ["active": true],
        ])).flatMap(LiveConnection.init))
        #expect(created.id == "con_QxQYx1ybkMSeBmU3" && created.strategy == "auth0" && created.displayName == nil)
        #expect(created.options?["mfa"] == ["active": true, "return_enroll_settings": true])
        #expect(created.options?["passwordPolicy"] == "good")
        let path = "/api/v2/connections/con_QxQYx1ybkMSeBmU3"
        let patched = try #require(try await client.call(APIRequest(.patch, path, body: [
            "options": ["strategy_version": 2, "upstream_params": ["screen_name": ["alias": "login_hint"]]],
        ])).flatMap(LiveConnection.init))
        #expect(patched.options == [
            "passkey_options": ["challenge_ui": "both", "local_enrollment_enabled": true, "progressive_enrollment_enabled": true],
            "upstream_params": ["screen_name": ["alias": "login_hint"]],
            "strategy_version": 2,
            "authentication_methods": ["passkey": ["enabled": false], "password": ["enabled": true]],
            "brute_force_protection": true,
        ])
        let read = try #require(try await client.find(path).flatMap(LiveConnection.init))
        #expect(read == patched)
        #expect(try await client.call(APIRequest(.delete, path)) == ["deleted_at": "2025-09-08T15:16:54.975Z"])
        #expect(replayer.unusedInteractions.isEmpty)
    }

    @Test func connectionClientsAreEnabledAndDisabled() async throws {
        let (client, replayer) = try Self.client("go-auth0/TestConnectionManager_EnabledClients")
        let app = try #require(try await client.call(replayer.cassette.interactions[0].request).flatMap(LiveClient.init))
        #expect(app.clientID == "Ca4v8gSpiV5oIlYH2aVkfRCn0A1uIAdB")
        let connection = try #require(try await client.call(APIRequest(.post, "/api/v2/connections", body: [
            "name": "Test-Auth0-Connection-1747730810985929000", "strategy": "auth0",
        ])).flatMap(LiveConnection.init))
        #expect(connection.id == "con_1D0JFKzHjd17eNfe")
        let path = "/api/v2/connections/con_1D0JFKzHjd17eNfe/clients"
        #expect(try await client.call(APIRequest(.patch, path, body: [["client_id": .string(app.clientID), "status": true]])) == nil)
        // The SDK read the list without `take`; the typed call would send take=100, so the read is raw.
        let enabled = try await client.call(APIRequest(.get, path))
        #expect(enabled == ["clients": [["client_id": "Ca4v8gSpiV5oIlYH2aVkfRCn0A1uIAdB"]]])
        #expect(enabled?["next"] == nil)
        #expect(try await client.call(APIRequest(.patch, path, body: [["client_id": .string(app.clientID), "status": false]])) == nil)
        #expect(try await client.call(APIRequest(.get, path)) == ["clients": []])
        #expect(try await client.call(APIRequest(.delete, "/api/v2/connections/con_1D0JFKzHjd17eNfe"))
            == ["deleted_at": "2025-05-20T08:46:53.492Z"])
        #expect(try await client.call(APIRequest(.delete, "/api/v2/clients/Ca4v8gSpiV5oIlYH2aVkfRCn0A1uIAdB")) == nil)
        #expect(replayer.unusedInteractions.isEmpty)
    }

    @Test func azureADConnectionDecodes() async throws {
        let (client, replayer) = try Self.client("terraform-provider-auth0/TestAccConnectionAzureAD")
        let created = try #require(try await client.call(replayer.cassette.interactions[0].request).flatMap(LiveConnection.init))
        let name = "Acceptance-Test-Azure-AD-TestAccConnectionAzureAD"
        #expect(created.id == "con_RTxbg9uQVo9lcPpu" && created.name == name && created.strategy == "waad")
        #expect(created.displayName == name)
        #expect(created.metadata == [:] && created.enabledClients == nil)
        let options = try #require(created.options)
        #expect(options["userid_attribute"] == "oid")
        #expect(options["client_id"] == "123456")
        #expect(options["tenant_domain"] == "example.onmicrosoft.com")
        #expect(options["domain_aliases"] == ["api.example.com", "example.com"])
        #expect(options["app_domain"] == "terraform-provider-auth0-dev.sus.auth0.com")
        #expect(options["thumbprints"]?.arrayValue?.count == 5)
        #expect(options["waad_common_endpoint"] == false && options["useCommonEndpoint"] == false)
        #expect(options["should_trust_email_verified_connection"] == "never_set_emails_as_verified")
        #expect(options.count == 20)
        let path = "/api/v2/connections/con_RTxbg9uQVo9lcPpu"
        for _ in 0..<4 {
            #expect(try await client.find(path).flatMap(LiveConnection.init) == created)
        }
        var wanted = options
        wanted["userid_attribute"] = "sub"
        wanted["strategy_version"] = nil
        wanted["waad_common_endpoint"] = nil
        wanted["set_user_root_attributes"] = "on_first_login"
        let patched = try #require(try await client.call(APIRequest(.patch, path, body: [
            "show_as_button": true, "options": .object(wanted),
        ])).flatMap(LiveConnection.init))
        #expect(patched.options?["userid_attribute"] == "sub")
        #expect(patched.options?["strategy_version"] == nil)
        #expect(patched.options?["waad_common_endpoint"] == false)
        #expect(patched.options?.count == 20)
        for _ in 0..<2 {
            #expect(try await client.find(path).flatMap(LiveConnection.init) == patched)
        }
        #expect(try await client.call(APIRequest(.delete, path)) == ["deleted_at": "2025-01-29T05:48:38.380Z"])
        #expect(replayer.unusedInteractions.isEmpty)
    }
}
