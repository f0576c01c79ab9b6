import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Testing

/// The local tenant's invitation endpoints against the recorded Auth0 traffic
/// (`go-auth0/TestOrganizationManager_DeleteInvitation.yaml`) and the OpenAPI excerpt.
@Suite struct LocalTenantInvitationsTests {
    static let org = "org_74ltOJ3tOuYpvQAd"
    static let client = "TMuDL55y5FrYx3cuHJQZVEBnLQeT1PHY"

    /// The key set of the recorded `POST …/invitations` 201 answer (body without roles, connection, metadata).
    static let recordedCreateKeys: Set<String> = [
        "id", "client_id", "inviter", "invitee", "invitation_url", "ticket_id", "created_at", "expires_at",
        "organization_id",
    ]
    /// The recorded 404 answer after the delete, whole.
    static let recordedNotFound: JSONValue = [
        "statusCode": 404, "error": "Not Found", "message": "The invitation does not exist.",
        "errorCode": "inexistent_invitation",
    ]

    static func tenant() throws -> LocalTenant {
        try LocalTenant(json: [
            "organizations": [[
                "id": .string(org), "name": "test-organization256", "display_name": "Test Organization",
                "enabled_connections": [[
                    "connection_id": "con_db", "assign_membership_on_login": false, "show_as_button": true,
                    "connection": ["name": "Username-Password-Authentication", "strategy": "auth0"],
                ]],
            ]],
            "connections": [
                ["id": "con_db", "name": "Username-Password-Authentication", "strategy": "auth0"],
                ["id": "con_other", "name": "other-db", "strategy": "auth0"],
                ["id": "con_sms", "name": "sms", "strategy": "sms"],
            ],
            "clients": [
                ["client_id": .string(client), "name": "Test Client", "organization_usage": "allow",
                 "initiate_login_uri": "https://mycompany.org/login"],
                ["client_id": "noroute", "name": "No route", "organization_usage": "allow"],
                ["client_id": "deny", "name": "Deny", "organization_usage": "deny",
                 "initiate_login_uri": "https://deny.example/login"],
            ],
            "roles": [["id": "rol_member", "name": "member"]],
        ])
    }

    static func post(_ body: JSONValue, org: String = org) -> APIRequest {
        APIRequest(.post, "/api/v2/organizations/\(org)/invitations", body: body)
    }

    static let recordedBody: JSONValue = [
        "inviter": ["name": "REDACTED_INVITER_NAME"], "invitee": ["email": "redacted-email-1@placeholder.invalid"],
        "client_id": .string(client),
    ]

    @Test func createGetDeleteAsRecorded() async throws {
        let tenant = try Self.tenant()
        let created = try await tenant.send(Self.post(Self.recordedBody))
        #expect(created.status == 201)
        let body = try #require(created.body?.objectValue)
        #expect(Set(body.keys) == Self.recordedCreateKeys)
        let id = try #require(body["id"]?.stringValue)
        let ticket = try #require(body["ticket_id"]?.stringValue)
        #expect(id.hasPrefix("uinv_") && id.count == "uinv_pyRyaCJqLdV4yNpK".count)
        #expect(ticket.count == "YYWYfJKjlUiwu5ztyt5H8BMSvJWCBGNM".count)
        #expect(body["invitation_url"] == .string(
            "https://mycompany.org/login?invitation=\(ticket)&organization=\(Self.org)"
                + "&organization_name=test-organization256"))
        #expect(body["organization_id"] == .string(Self.org))
        #expect(body["inviter"] == ["name": "REDACTED_INVITER_NAME"])
        let createdAt = try #require(body["created_at"]?.stringValue)
        let expiresAt = try #require(body["expires_at"]?.stringValue)
        #expect(createdAt.hasSuffix("Z") && createdAt.count == "2023-01-25T17:49:34.371Z".count)
        let interval = LiveInvitation.date(iso8601: expiresAt)!.timeIntervalSince(LiveInvitation.date(iso8601: createdAt)!)
        #expect(interval == 604_800)

        let path = "/api/v2/organizations/\(Self.org)/invitations/\(id)"
        let got = try await tenant.send(APIRequest(.get, path))
        #expect(got.status == 200)
        #expect(got.body == created.body)

        let deleted = try await tenant.send(APIRequest(.delete, path))
        #expect(deleted.status == 204)
        #expect(deleted.body == nil)
        let gone = try await tenant.send(APIRequest(.get, path))
        #expect(gone.status == 404)
        #expect(gone.body == Self.recordedNotFound)
        #expect(try await tenant.send(APIRequest(.delete, path)).body == Self.recordedNotFound)

        let update = try await tenant.send(APIRequest(.patch, path, body: ["ttl_sec": 1]))
        #expect(update.status == 405)
    }

    @Test func fullBodyIsEchoed() async throws {
        let tenant = try Self.tenant()
        var body = Self.recordedBody.objectValue!
        body["connection_id"] = "con_db"
        body["roles"] = ["rol_member"]
        body["app_metadata"] = ["member_id": "m-1"]
        body["ttl_sec"] = 3600
        body["send_invitation_email"] = false
        let created = try await tenant.send(Self.post(.object(body)))
        #expect(created.status == 201)
        let answer = try #require(created.body?.objectValue)
        #expect(Set(answer.keys) == Self.recordedCreateKeys.union(["connection_id", "roles", "app_metadata"]))
        #expect(answer["roles"] == ["rol_member"])
        #expect(answer["app_metadata"] == ["member_id": "m-1"])
        let interval = LiveInvitation.date(iso8601: answer["expires_at"]!.stringValue!)!
            .timeIntervalSince(LiveInvitation.date(iso8601: answer["created_at"]!.stringValue!)!)
        #expect(interval == 3600)
        let zero = try await tenant.send(Self.post(.object(body.merging(["ttl_sec": 0]) { _, new in new })))
        let zeroInterval = LiveInvitation.date(iso8601: zero.body!["expires_at"]!.stringValue!)!
            .timeIntervalSince(LiveInvitation.date(iso8601: zero.body!["created_at"]!.stringValue!)!)
        #expect(zeroInterval == 604_800)
    }

    /// The `ttl_sec` description Auth0 appends, without its closing period.
    static let ttlDescription = "(Number of seconds for which the invitation is valid before expiration. If unspecified or set to 0, this value defaults to 604800 seconds (7 days). Max value: 2592000 seconds (30 days))"

    static let badBodies: [([String: JSONValue], String)] = [
        (["roles": []],
         "Payload validation error: 'Array is too short (0), minimum 1' on property roles (List of roles IDs to associated with the user)."),
        (["roles": ["rol_member", "rol_nope"]], "One or more of the specified roles do not exist: rol_nope"),
        (["client_id": "noroute"],
         "A default login route is required to generate the invitation url. For more information, see "
            + "https://auth0.com/docs/universal-login/configure-default-login-routes"),
        (["client_id": "deny"], "The specified client_id does not allow organizations."),
        (["client_id": "nobody"], "The specified client_id does not exist."),
        (["connection_id": "con_missing"], "The specified connection does not exist."),
        (["connection_id": "con_other"], "The specified connection (con_other) is not enabled for the organization"),
        (["connection_id": "con_sms"], "Passwordless connections are not supported."),
        (["ttl_sec": 2_592_001], "Payload validation error: 'Value 2592001 is greater than maximum 2592000' on property ttl_sec \(ttlDescription)."),
        (["ttl_sec": -1], "Payload validation error: 'Value -1 is less than minimum 0' on property ttl_sec \(ttlDescription)."),
        (["invitee": ["email": "nope"]],
         "Payload validation error: 'Object didn't pass validation for format email: nope' on property invitee.email (The invitee's email)."),
        (["user_id": "x"], "Payload validation error: 'Additional properties not allowed: user_id'."),
    ]

    static func keys(_ body: JSONValue?) -> Set<String> { Set(body?.objectValue?.keys.map { $0 } ?? []) }

    @Test(arguments: badBodies)
    func badRequests(_ change: [String: JSONValue], _ message: String) async throws {
        let tenant = try Self.tenant()
        let body = Self.recordedBody.objectValue!.merging(change) { _, new in new }
        let answer = try await tenant.send(Self.post(.object(body)))
        #expect(answer.status == 400)
        #expect(answer.body?["statusCode"] == 400)
        #expect(answer.body?["error"] == "Bad Request")
        #expect(answer.body?["message"] == .string(message))
        #expect(Self.keys(answer.body).isSubset(of: ["statusCode", "error", "message", "errorCode"]))
        #expect(await (tenant.snapshotJSON["invitations"]?[Self.org]?.arrayValue ?? []).isEmpty)
    }

    @Test func missingRequiredMembers() async throws {
        let tenant = try Self.tenant()
        let answer = try await tenant.send(Self.post(["invitee": ["email": "a@b.example"], "client_id": .string(Self.client)]))
        #expect(answer.status == 400)
        #expect(answer.body == [
            "statusCode": 400, "error": "Bad Request", "errorCode": "invalid_body",
            "message": "Payload validation error: 'Missing required property: inviter'.",
        ])
    }

    @Test func unknownOrganization() async throws {
        let tenant = try Self.tenant()
        let answer = try await tenant.send(Self.post(Self.recordedBody, org: "org_nope"))
        #expect(answer.status == 404)
        #expect(answer.body?["errorCode"] == "inexistent_organization")
    }

    @Test func listPagesNewestFirst() async throws {
        let tenant = try Self.tenant()
        for n in 1...5 {
            var body = Self.recordedBody.objectValue!
            body["invitee"] = ["email": .string("user\(n)@example.com")]
            #expect(try await tenant.send(Self.post(.object(body))).status == 201)
        }
        let path = "/api/v2/organizations/\(Self.org)/invitations"
        let bare = try await tenant.send(APIRequest(.get, path))
        #expect(bare.status == 200)
        #expect(bare.body?.arrayValue?.count == 5)
        let page = try await tenant.send(
            APIRequest(.get, path, query: ["page": "1", "per_page": "2", "include_totals": "true"]))
        #expect(Self.keys(page.body) == ["invitations", "start", "limit"])
        #expect(page.body?["start"] == 2)
        #expect(page.body?["limit"] == 2)
        #expect(page.body?["invitations"]?.arrayValue?.compactMap { $0["invitee"]?["email"]?.stringValue }
            == ["user3@example.com", "user2@example.com"])

        let client = ManagementClient(transport: tenant, pageSize: 2)
        let all = try await client.listInvitations(organizationID: Self.org)
        #expect(all.map(\.inviteeEmail) == (1...5).reversed().map { "user\($0)@example.com" })
        #expect(client.requestCount == 3)

        let tooFar = try await tenant.send(APIRequest(.get, path, query: ["page": "10", "per_page": "100"]))
        #expect(tooFar.status == 400)
    }

    @Test func clientCallsRoundTrip() async throws {
        let tenant = try Self.tenant()
        let client = ManagementClient(transport: tenant)
        let created = try await client.createInvitation(
            organizationID: Self.org,
            NewInvitation(inviterName: "Ops", inviteeEmail: "a@b.example", clientID: Self.client, connectionID: "con_db",
                          ttlSeconds: 60, roleIDs: ["rol_member"], appMetadata: ["member_id": "m-1"],
                          sendInvitationEmail: false))
        #expect(created.connectionID == "con_db")
        #expect(created.roles == ["rol_member"])
        #expect(try await client.invitation(organizationID: Self.org, invitationID: created.id) == created)
        try await client.deleteInvitation(organizationID: Self.org, invitationID: created.id)
        #expect(try await client.invitation(organizationID: Self.org, invitationID: created.id) == nil)
        await #expect(throws: ManagementAPIError.self) {
            try await client.deleteInvitation(organizationID: Self.org, invitationID: created.id)
        }
    }

    @Test func savedAndReopened() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("inv-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seed = try await Self.tenant().snapshotJSON
        try seed.encoded().write(to: URL(fileURLWithPath: path))
        let tenant = try LocalTenant(path: path)
        let answer = try await tenant.send(Self.post(Self.recordedBody))
        let reopened = try LocalTenant(path: path)
        let listed = try await ManagementClient(transport: reopened).listInvitations(organizationID: Self.org)
        #expect(listed.map(\.id) == [answer.body!["id"]!.stringValue!])
    }
}
