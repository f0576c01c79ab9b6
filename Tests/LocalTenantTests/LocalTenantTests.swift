import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// The embedded local tenant answers as Auth0 does: statuses, error bodies, whole-object replacement, limits.
@Suite struct LocalTenantTests {
    static func tenant() throws -> LocalTenant {
        try LocalTenant(json: [
            "connections": [
                ["id": "con_DB", "name": "db", "strategy": "auth0", "options": ["a": 1, "b": 2], "metadata": ["x": "1"]],
                ["id": "con_SSO", "name": "sso", "strategy": "waad", "options": [:]],
            ],
            "clients": [["client_id": "cli_1", "name": "app"]],
        ])
    }

    @Test func organizationLifecycle() async throws {
        let local = try Self.tenant()
        let created = try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "acme", "metadata": ["k": "v"]]))
        #expect(created.status == 201)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("org_") && id.count == 20)
        let conflict = try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "acme"]))
        #expect(conflict.status == 409)
        #expect(conflict.body == [
            "statusCode": 409, "error": "Conflict", "message": "An organization with this name already exists.",
            "errorCode": "organization_conflict",
        ])
        let badName = try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "Acme"]))
        #expect(badName.status == 400)
        // metadata is replaced as a whole map
        let patched = try await local.send(APIRequest(.patch, "/api/v2/organizations/\(id)", body: ["metadata": ["n": "m"]]))
        #expect(patched.status == 200 && patched.body?["metadata"] == ["n": "m"])
        let byName = try await local.send(APIRequest(.get, "/api/v2/organizations/name/acme"))
        #expect(byName.body?["id"]?.stringValue == id)
        #expect(try await local.send(APIRequest(.delete, "/api/v2/organizations/\(id)")).status == 204)
        let gone = try await local.send(APIRequest(.get, "/api/v2/organizations/\(id)"))
        #expect(gone.status == 404)
        #expect(gone.body?["errorCode"] == "inexistent_organization")
    }

    @Test func checkpointPagination() async throws {
        let local = try LocalTenant(json: [
            "organizations": .array((0..<5).map { ["id": .string("org_\($0)"), "name": .string("o\($0)")] }),
        ])
        let client = ManagementClient(transport: local, pageSize: 2)
        let names = try await client.listOrganizations().map(\.name)
        #expect(names == ["o0", "o1", "o2", "o3", "o4"])
        #expect(await local.servedRequests.map(\.description) == [
            "GET /api/v2/organizations?take=2",
            "GET /api/v2/organizations?from=cDoy&take=2",
            "GET /api/v2/organizations?from=cDo0&take=2",
        ])
    }

    @Test func enabledConnectionRules() async throws {
        let local = try Self.tenant()
        let id = try #require(try await local.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "acme"])).body?["id"]?.stringValue)
        let path = "/api/v2/organizations/\(id)/enabled_connections"
        // is_signup_enabled needs assign_membership_on_login (recorded Auth0 answer: 400 invalid_body)
        let refused = try await local.send(APIRequest(.post, path, body: ["connection_id": "con_DB", "is_signup_enabled": true]))
        #expect(refused.status == 400)
        #expect(refused.body?["errorCode"] == "invalid_body")
        let notDatabase = try await local.send(APIRequest(.post, path, body: ["connection_id": "con_SSO", "is_signup_enabled": false]))
        #expect(notDatabase.status == 400)
        let added = try await local.send(APIRequest(.post, path, body: ["connection_id": "con_DB", "assign_membership_on_login": true]))
        #expect(added.status == 201)
        #expect(added.body == [
            "connection_id": "con_DB", "assign_membership_on_login": true, "show_as_button": true, "is_signup_enabled": false,
            "connection": ["name": "db", "strategy": "auth0"],
        ])
        #expect(try await local.send(APIRequest(.post, path, body: ["connection_id": "con_DB"])).status == 409)
        let patched = try await local.send(APIRequest(.patch, "\(path)/con_DB", body: ["is_signup_enabled": true]))
        #expect(patched.status == 200 && patched.body?["is_signup_enabled"] == true)
        #expect(try await local.send(APIRequest(.delete, "\(path)/con_DB")).status == 204)
        #expect(try await local.send(APIRequest(.patch, "\(path)/con_DB", body: ["show_as_button": false])).status == 404)
    }

    @Test func tenConnectionLimit() async throws {
        let local = try LocalTenant(json: [
            "organizations": [["id": "org_A", "name": "a", "enabled_connections": []]],
            "connections": .array((0..<11).map { ["id": .string("con_\($0)"), "name": .string("c\($0)"), "strategy": "waad"] }),
        ])
        for i in 0..<10 {
            let ok = try await local.send(APIRequest(.post, "/api/v2/organizations/org_A/enabled_connections", body: ["connection_id": .string("con_\(i)")]))
            #expect(ok.status == 201)
        }
        let eleventh = try await local.send(APIRequest(.post, "/api/v2/organizations/org_A/enabled_connections", body: ["connection_id": "con_10"]))
        #expect(eleventh.status == 400)
    }

    @Test func connectionOptionsReplacedWholeAndDeleteIsAsynchronous() async throws {
        let local = try Self.tenant()
        let patched = try await local.send(APIRequest(.patch, "/api/v2/connections/con_DB", body: ["options": ["a": 9]]))
        #expect(patched.status == 200 && patched.body?["options"] == ["a": 9])
        #expect(patched.body?["metadata"] == ["x": "1"])
        let strategy = try await local.send(APIRequest(.patch, "/api/v2/connections/con_DB", body: ["strategy": "waad"]))
        #expect(strategy.status == 400)
        #expect(strategy.body?["message"] == "Payload validation error: 'Additional properties not allowed: strategy'.")
        let duplicate = try await local.send(APIRequest(.post, "/api/v2/connections", body: ["name": "db", "strategy": "auth0"]))
        #expect(duplicate.status == 409)
        let deleted = try await local.send(APIRequest(.delete, "/api/v2/connections/con_DB"))
        #expect(deleted.status == 202 && deleted.body?["deleted_at"] != nil)
        #expect(try await local.send(APIRequest(.get, "/api/v2/connections/con_DB")).status == 404)
    }

    @Test func connectionClientsDeltaAndBatchLimit() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/connections/con_DB/clients"
        #expect(try await local.send(APIRequest(.patch, path, body: [["client_id": "cli_1", "status": true]])).status == 204)
        #expect(try await local.send(APIRequest(.get, path, query: ["take": "50"])).body == ["clients": [["client_id": "cli_1"]]])
        #expect(try await local.send(APIRequest(.patch, path, body: [])).status == 400)
        let tooMany = JSONValue.array(Array(repeating: ["client_id": "cli_1", "status": true], count: 51))
        #expect(try await local.send(APIRequest(.patch, path, body: tooMany)).status == 400)
        #expect(try await local.send(APIRequest(.patch, path, body: [["client_id": "cli_1", "status": false]])).status == 204)
        #expect(try await local.send(APIRequest(.get, path, query: ["take": "50"])).body == ["clients": []])
    }

    /// A write is journaled beside the file (`t.json.journal`) before it is answered; `compact()` (what releasing
    /// the writer's lock does) saves the file whole, keeps the project's own section and removes the journal.
    @Test func persistsAtomicallyAndKeepsBookkeepingBeside() async throws {
        let work = try CaseWorkspace(empty: "persist")
        try work.write("t.json", #"{"organizations": [], "tenantplan_local": {"latency_ms": 0}}"#)
        let local = try LocalTenant(path: work.path("t.json"))
        _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        #expect(try work.json("t.json") == ["organizations": [], "tenantplan_local": ["latency_ms": 0]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted() == ["t.json", "t.json.journal"])
        #expect(try await LocalTenant(path: work.path("t.json")).snapshotJSON == local.snapshotJSON)
        try await local.compact()
        let saved = try work.json("t.json")
        #expect(saved["roles"]?.arrayValue?.first?["name"] == "member")
        #expect(saved["tenantplan_local"] == ["latency_ms": 0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path) == ["t.json"])
    }

    @Test func injectedFaultsFailWithoutEffect() async throws {
        let local = try LocalTenant(json: [:], faults: LocalTenant.Faults(failWritesAfter: 0))
        await #expect(throws: TransportError(request: "POST /api/v2/roles", reason: "injected fault after 0 writes")) {
            _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        }
        #expect(await local.snapshotJSON["roles"] == [])
    }

    @Test func invalidFileIsAClearError() throws {
        let work = try CaseWorkspace(empty: "invalid")
        try work.write("t.json", #"{"organizations": {}}"#)
        #expect(throws: LocalTenantError.invalidFile("\(work.path("t.json")): 'organizations' must be an array of objects")) {
            _ = try LocalTenant(path: work.path("t.json"))
        }
    }
}

/// Local tenant files a new user corrupted by hand, and the file's permissions.
@Suite struct LocalTenantFileTests {
    @Test(arguments: [
        (#"[]"#, "PATH must hold a JSON object (organizations, connections, …)"),
        (#"{"organizations": [{"id": "org_1", "name": "a"}, {"id": "org_2", "name": "a"}]}"#,
         "PATH: organizations[1] repeats name 'a' of organizations[0]"),
        (#"{"connections": [{"id": "con_1", "name": "c", "strategy": "auth0", "options": "oops"}]}"#,
         "PATH: connections[0].options must be an object"),
        (#"{"organizations": [{"id": "org_1", "name": "a", "enabled_connections": [{}]}]}"#,
         "PATH: organizations[0].enabled_connections must be an array of objects with a connection_id"),
        ("{", "PATH is not JSON"),
        (#""organizations""#, "PATH must hold a JSON object (organizations, connections, …)"),
        (#"{"organizations": [{"id": "org_\ud800", "name": "a"}]}"#, "PATH is not JSON"),
        (#"{"invitations": {"org_1": [{"id": "uinv_1"}]}}"#,
         "PATH: invitations[\"org_1\"][0] needs a string 'id' and 'invitee.email'"),
        (#"{"invitations": {"org_1": [{"id": "uinv_1", "invitee": {"email": "a@b.example"}, "expires_at": "garbage"}]}}"#,
         "PATH: invitations[\"org_1\"][0].expires_at is not an ISO 8601 date"),
    ] as [(String, String)])
    func corruptFilesAreRefused(_ text: String, _ reason: String) throws {
        let work = try CaseWorkspace(empty: "corrupt")
        try work.write("t.json", text)
        #expect(throws: LocalTenantError.invalidFile(reason.replacingOccurrences(of: "PATH", with: work.path("t.json")))) {
            _ = try LocalTenant(path: work.path("t.json"))
        }
    }

    @Test func savedFileIsReadableByTheOwnerOnly() async throws {
        let work = try CaseWorkspace(empty: "mode")
        let local = try LocalTenant(path: work.path("state/t.json"))
        _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        func mode(_ file: String) throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: work.path(file))[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(try mode("state/t.json.journal") == 0o600)
        #expect(try mode("state") == 0o700)
        try await local.compact()
        #expect(try mode("state/t.json") == 0o600)
    }
}
