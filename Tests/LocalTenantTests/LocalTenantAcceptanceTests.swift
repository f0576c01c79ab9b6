import Auth0Schema
import Foundation
import JSONValues
@testable import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// The accept-invitation test switch (`tenantplan_local.accept_invitations`, README "Which tenant"): the user
/// created on the invitation's connection with its metadata, the membership, the invitation gone, the switch
/// consumed so it runs once, and the clear refusals.
@Suite struct LocalTenantAcceptanceTests {
    static let now = LiveInvitation.date(iso8601: "2026-06-01T12:00:00.000Z")!
    static let subject = "0123456789abcdef01234567"
    /// An expiry the real clock does not reach (tests through a file accept at the real time).
    static let future = "2099-01-01T00:00:00.000Z"

    static func invitation(_ id: String, connection: String?, expires: String = "2026-06-08T12:00:00.000Z") -> JSONValue {
        var invitation: [String: JSONValue] = [
            "id": .string(id), "organization_id": "org_G", "client_id": "cli_1",
            "inviter": ["name": "Globex IT"], "invitee": ["email": "jane.doe@globex.example"],
            "app_metadata": ["member_id": "G-7"], "user_metadata": ["locale": "de"],
            "created_at": "2026-06-01T00:00:00.000Z", "expires_at": .string(expires),
            "ticket_id": "T1", "invitation_url": "https://portal.example/login?invitation=T1",
        ]
        if let connection { invitation["connection_id"] = .string(connection) }
        return .object(invitation)
    }

    /// `globex` (`org_G`) with a database and a SAML connection enabled, and the given invitations and switch.
    static func tenant(_ invitations: [JSONValue], accept: JSONValue?, enabled: [String] = ["con_DB", "con_SAML"])
        -> JSONValue
    {
        var top: [String: JSONValue] = [
            "organizations": [[
                "id": "org_G", "name": "globex",
                "enabled_connections": .array(enabled.map { ["connection_id": .string($0)] }),
            ]],
            "connections": [
                ["id": "con_DB", "name": "Username-Password-Authentication", "strategy": "auth0"],
                ["id": "con_SAML", "name": "globex-saml", "strategy": "samlp"],
                ["id": "con_WAAD", "name": "globex-entra", "strategy": "waad"],
                ["id": "con_GOOGLE", "name": "google-oauth2", "strategy": "google-oauth2"],
            ],
            "invitations": ["org_G": .array(invitations)],
        ]
        if let accept { top["tenantplan_local"] = ["accept_invitations": accept, "latency_ms": 0] }
        return .object(top)
    }

    /// The user accepting `invitation("uinv_1", …)` creates on a connection of `strategy` named `name`.
    static func acceptedUser(strategy: String, name: String, enterprise: Bool, social: Bool = false) -> JSONValue {
        let identityID = enterprise ? "\(name)|\(subject)" : subject
        return [
            "user_id": .string("\(strategy)|\(identityID)"),
            "email": "jane.doe@globex.example", "email_verified": true, "name": "jane.doe@globex.example",
            "nickname": "jane.doe", "picture": "https://cdn.auth0.com/avatars/ja.png",
            "identities": [[
                "connection": .string(name), "provider": .string(strategy), "user_id": .string(identityID),
                "isSocial": .bool(social),
            ]],
            "app_metadata": ["member_id": "G-7"], "user_metadata": ["locale": "de"],
            "created_at": "2026-06-01T12:00:00.000Z", "updated_at": "2026-06-01T12:00:00.000Z",
            "last_login": "2026-06-01T12:00:00.000Z", "logins_count": 1,
        ]
    }

    static func accept(_ json: JSONValue) throws -> (LocalTenantState, [String]) {
        var state = try LocalTenantState(json: json)
        let created = try state.acceptInvitations(now: now, newIdentifier: { subject })
        return (state, created)
    }

    /// The user is created on the invitation's connection, in Auth0's user id format for its kind, and its answer
    /// validates against `GetUserResponseContent`.
    @Test(arguments: [
        ("con_SAML", "samlp", "globex-saml", true, false),
        ("con_WAAD", "waad", "globex-entra", true, false),
        ("con_DB", "auth0", "Username-Password-Authentication", false, false),
        ("con_GOOGLE", "google-oauth2", "google-oauth2", false, true),
    ])
    func acceptedInvitationCreatesTheUser(
        connection: String, strategy: String, name: String, enterprise: Bool, social: Bool
    ) throws {
        let (state, created) = try Self.accept(Self.tenant(
            [Self.invitation("uinv_1", connection: connection), Self.invitation("uinv_2", connection: "con_SAML")],
            accept: ["uinv_1"]))
        let expected = Self.acceptedUser(strategy: strategy, name: name, enterprise: enterprise, social: social)
        #expect(created == [expected["user_id"]!.stringValue!])
        #expect(state.json["users"] == [expected])
        #expect(state.json["organization_members"] == ["org_G": [expected["user_id"]!]])
        #expect(state.json["invitations"] == ["org_G": [Self.invitation("uinv_2", connection: "con_SAML")]])
        #expect(state.json["tenantplan_local"] == ["latency_ms": 0])
        #expect(try SchemaValidator.managementAPI.validate(expected, schemaNamed: "GetUserResponseContent") == [])
    }

    /// `"all"` accepts every invitation not yet expired, in order; the expired one stays; the switch, alone in
    /// `tenantplan_local`, goes with it.
    @Test func allAcceptsThePendingInvitations() throws {
        var ids = ["s1", "s2"].makeIterator()
        var state = try LocalTenantState(json: [
            "organizations": [["id": "org_G", "name": "globex", "enabled_connections": [["connection_id": "con_SAML"]]]],
            "connections": [["id": "con_SAML", "name": "globex-saml", "strategy": "samlp"]],
            "invitations": ["org_G": [
                Self.invitation("uinv_1", connection: "con_SAML"),
                Self.invitation("uinv_old", connection: "con_SAML", expires: "2026-06-01T12:00:00.000Z"),
                Self.invitation("uinv_3", connection: nil),
            ]],
            "tenantplan_local": ["accept_invitations": "all"],
        ])
        let created = try state.acceptInvitations(now: Self.now, newIdentifier: { ids.next()! })
        #expect(created == ["samlp|globex-saml|s1", "samlp|globex-saml|s2"])
        #expect(state.json["organization_members"] == ["org_G": ["samlp|globex-saml|s1", "samlp|globex-saml|s2"]])
        #expect(state.json["invitations"]?["org_G"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["uinv_old"])
        #expect(state.json["tenantplan_local"] == nil)
    }

    @Test(arguments: [
        (JSONValue.array(["uinv_9"]), ["con_DB", "con_SAML"],
         "tenantplan_local.accept_invitations names invitation 'uinv_9', which is not among invitations"),
        (["uinv_old"], ["con_DB", "con_SAML"],
         "tenantplan_local.accept_invitations names invitation 'uinv_old', which expired at 2026-06-01T12:00:00.000Z: "
            + "Auth0 does not accept an expired invitation"),
        (["uinv_1", "uinv_1"], ["con_DB", "con_SAML"], "tenantplan_local.accept_invitations names invitation 'uinv_1' twice"),
        ("uinv_1", ["con_DB", "con_SAML"], "tenantplan_local.accept_invitations must be \"all\" or an array of invitation ids"),
        ([1], ["con_DB", "con_SAML"], "tenantplan_local.accept_invitations must be \"all\" or an array of invitation ids"),
        (["uinv_none"], ["con_DB", "con_SAML"],
         "invitation 'uinv_none' has no connection_id and its organization 'org_G' has 2 enabled connections: the "
            + "local tenant cannot tell which one the invitee signs in with"),
        (["uinv_gone"], ["con_DB", "con_SAML"],
         "invitation 'uinv_gone' names connection 'con_GONE', which is not among connections"),
    ] as [(JSONValue, [String], String)])
    func aSwitchThatCannotBeAppliedIsRefused(_ accept: JSONValue, _ enabled: [String], _ reason: String) throws {
        let json = Self.tenant([
            Self.invitation("uinv_1", connection: "con_SAML"),
            Self.invitation("uinv_old", connection: "con_SAML", expires: "2026-06-01T12:00:00.000Z"),
            Self.invitation("uinv_none", connection: nil),
            Self.invitation("uinv_gone", connection: "con_GONE"),
        ], accept: accept, enabled: enabled)
        var state = try LocalTenantState(json: json)
        #expect(throws: LocalTenantError.invalidFile(reason)) {
            try state.acceptInvitations(now: Self.now, newIdentifier: { Self.subject })
        }
        #expect(state.json == (try LocalTenantState(json: json)).json)
    }

    /// Without `connection_id`, the organization's only enabled connection is the one the invitee signs in with.
    @Test func withoutAConnectionTheOnlyEnabledOneIsUsed() throws {
        let (state, created) = try Self.accept(
            Self.tenant([Self.invitation("uinv_1", connection: nil)], accept: ["uinv_1"], enabled: ["con_SAML"]))
        #expect(created == ["samlp|globex-saml|\(Self.subject)"])
        #expect(state.users.count == 1)
    }

    /// Through a file: the switch is applied when the tenant is opened, the file saved whole without it (no
    /// journal left), and the next opening changes nothing: it runs once. The accepted user is served.
    @Test func theSwitchInAFileRunsOnce() async throws {
        let work = try CaseWorkspace(empty: "accept-once")
        let json = Self.tenant([Self.invitation("uinv_1", connection: "con_SAML", expires: Self.future)], accept: ["uinv_1"])
        try work.write("t.json", String(decoding: json.encoded(pretty: true), as: UTF8.self))
        let local = try LocalTenant(path: work.path("t.json"))
        let saved = try work.json("t.json")
        #expect(saved == (await local.snapshotJSON))
        #expect(saved["tenantplan_local"] == ["latency_ms": 0])
        #expect(saved["invitations"] == ["org_G": []])
        let users = try #require(saved["users"]?.arrayValue)
        let id = try #require(users.first?["user_id"]?.stringValue)
        #expect(users.count == 1)
        #expect(id.hasPrefix("samlp|globex-saml|") && id.count == "samlp|globex-saml|".count + 24)
        #expect(saved["organization_members"] == ["org_G": [.string(id)]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted() == ["t.json", "t.json.lock"])
        let member = try await local.send(APIRequest(.get, "/api/v2/organizations/org_G/members", query: ["take": "100"]))
        #expect(member.body == ["members": [[
            "user_id": .string(id), "email": "jane.doe@globex.example", "name": "jane.doe@globex.example",
            "picture": "https://cdn.auth0.com/avatars/ja.png",
        ]]])
        let user = try await local.send(APIRequest(.get, "/api/v2/users/" + id.replacingOccurrences(of: "|", with: "%7C")))
        #expect(user.body?["app_metadata"] == ["member_id": "G-7"])
        #expect(try await LocalTenant(path: work.path("t.json")).snapshotJSON == saved)
        #expect(try work.json("t.json") == saved)
    }

    /// A writer that holds the lock journals the acceptance like a write; reopened, the tenant is the same.
    @Test func underTheWritersLockTheAcceptanceIsJournaled() async throws {
        let work = try CaseWorkspace(empty: "accept-locked")
        let json = Self.tenant([Self.invitation("uinv_1", connection: "con_SAML", expires: Self.future)], accept: "all")
        try work.write("t.json", String(decoding: json.encoded(pretty: true), as: UTF8.self))
        let lock = try LocalTenantLock.acquire(path: work.path("t.json"))
        let local = try LocalTenant(path: work.path("t.json"))
        let live = await local.snapshotJSON
        #expect(live["users"]?.arrayValue?.count == 1)
        #expect(try work.json("t.json") == json)
        #expect(FileManager.default.fileExists(atPath: work.path("t.json.journal")))
        #expect(try await LocalTenant(path: work.path("t.json")).snapshotJSON == live)
        lock.release()
        #expect(try work.json("t.json") == live)
        #expect(!FileManager.default.fileExists(atPath: work.path("t.json.journal")))
    }

    /// A switch that cannot be applied stops the opening and leaves the file as it was.
    @Test func aRefusedSwitchLeavesTheFile() throws {
        let work = try CaseWorkspace(empty: "accept-refused")
        let json = Self.tenant([Self.invitation("uinv_1", connection: "con_SAML")], accept: ["uinv_9"])
        try work.write("t.json", String(decoding: json.encoded(pretty: true), as: UTF8.self))
        #expect(throws: LocalTenantError.invalidFile(
            "\(work.path("t.json")): tenantplan_local.accept_invitations names invitation 'uinv_9', which is not "
                + "among invitations"))
        {
            _ = try LocalTenant(path: work.path("t.json"))
        }
        #expect(try work.json("t.json") == json)
        #expect(!FileManager.default.fileExists(atPath: work.path("t.json.journal")))
    }
}
