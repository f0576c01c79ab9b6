import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The local tenant's journal (`FILE.journal`): every write is journaled as the objects it changed, a reopened
/// tenant (file + journal) equals the live one for every kind of write, and the file is saved whole on
/// `compact()` and when the writer's lock is released.
@Suite struct LocalTenantJournalTests {
    /// The example tenant applied, plus one stored invitation (the keyed `invitations` section).
    static func seeded(_ label: String) async throws -> (CaseWorkspace, JSONValue) {
        let work = try await ExampleTenant.applied(label)
        var seed = try work.json().objectValue!
        let acme = JSONValue.object(seed).organizationID("acme")
        seed["invitations"] = .object([
            acme: [["id": "uinv_1", "invitee": ["email": "a@b.example"], "created_at": "2026-01-01T00:00:00.000Z"]]
        ])
        try work.write("live.json", String(decoding: JSONValue.object(seed).encoded(pretty: true), as: UTF8.self))
        return (work, .object(seed))
    }

    /// Sends `request` and returns the answer's body; records an issue unless the status is `status`.
    @discardableResult
    static func send(_ local: LocalTenant, _ request: APIRequest, expect status: Int) async throws -> JSONValue? {
        let answer = try await local.send(request)
        #expect(answer.status == status, "\(request.description) -> \(answer.status) \(answer.body?.compactText ?? "")")
        return answer.body
    }

    /// Each scenario writes one kind of change: objects created, changed in place, removed, and the side effects
    /// of a removal on other sections (enabled connections, connection clients, invitations).
    static func run(_ scenario: String, on local: LocalTenant, seed: JSONValue) async throws {
        switch scenario {
        case "role created, changed, deleted":
            let role = try await send(local, APIRequest(.post, "/api/v2/roles", body: ["name": "auditor"]), expect: 200)
            let id = try #require(role?["id"]?.stringValue)
            try await send(local, APIRequest(.patch, "/api/v2/roles/\(id)", body: ["description": "Audits"]), expect: 200)
            try await send(local, APIRequest(.post, "/api/v2/roles", body: ["name": "viewer"]), expect: 200)
            try await send(local, APIRequest(.delete, "/api/v2/roles/\(id)"), expect: 200)
        case "connection deleted (enabled connections and clients follow)":
            try await send(local, APIRequest(.delete, "/api/v2/connections/\(seed.connectionID("acme-entra"))"), expect: 202)
        case "connection clients changed":
            let id = seed.connectionID("acme-entra")
            try await send(
                local,
                APIRequest(.patch, "/api/v2/connections/\(id)/clients", body: [
                    ["client_id": .string(seed.clientID("saas-web")), "status": false]
                ]), expect: 204)
        case "organization created with an enabled connection, then the connection disabled":
            let org = try await send(local, APIRequest(.post, "/api/v2/organizations", body: ["name": "delta"]), expect: 201)
            let id = try #require(org?["id"]?.stringValue)
            let connection = seed.connectionID("acme-entra")
            try await send(
                local,
                APIRequest(.post, "/api/v2/organizations/\(id)/enabled_connections", body: [
                    "connection_id": .string(connection), "assign_membership_on_login": false,
                ]), expect: 201)
            try await send(
                local,
                APIRequest(.patch, "/api/v2/organizations/\(id)/enabled_connections/\(connection)", body: [
                    "show_as_button": false
                ]), expect: 200)
            try await send(
                local, APIRequest(.delete, "/api/v2/organizations/\(id)/enabled_connections/\(connection)"), expect: 204)
        case "organization deleted (its invitations follow)":
            try await send(local, APIRequest(.delete, "/api/v2/organizations/\(seed.organizationID("acme"))"), expect: 204)
        case "invitation deleted":
            try await send(
                local, APIRequest(.delete, "/api/v2/organizations/\(seed.organizationID("acme"))/invitations/uinv_1"),
                expect: 204)
        case "client deleted (connection clients follow)":
            try await send(local, APIRequest(.delete, "/api/v2/clients/\(seed.clientID("saas-web"))"), expect: 204)
        default:
            Issue.record("unknown scenario \(scenario)")
        }
    }

    static let scenarios = [
        "role created, changed, deleted",
        "connection deleted (enabled connections and clients follow)",
        "connection clients changed",
        "organization created with an enabled connection, then the connection disabled",
        "organization deleted (its invitations follow)",
        "invitation deleted",
        "client deleted (connection clients follow)",
    ]

    @Test(arguments: scenarios)
    func reopenedTenantEqualsTheLiveOne(_ scenario: String) async throws {
        let (work, seed) = try await Self.seeded("journal")
        let local = try LocalTenant(path: work.path("live.json"))
        try await Self.run(scenario, on: local, seed: seed)
        let live = await local.snapshotJSON
        #expect(live != seed)
        // Not saved whole yet: the file is the seed, the journal holds the writes.
        #expect(try work.json() == seed)
        #expect(try await LocalTenant(path: work.path("live.json")).snapshotJSON == live)
        try await local.compact()
        #expect(try work.json() == live)
        #expect(!FileManager.default.fileExists(atPath: work.path("live.json.journal")))
        #expect(try await LocalTenant(path: work.path("live.json")).snapshotJSON == live)
    }

    /// The identity a journal header names: device, inode, size and modification time of the file.
    static func identity(_ path: String) -> String {
        var info = stat()
        stat(path, &info)
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))"
    }

    @Test func oneWriteIsOneLineWithTheChangedObject() async throws {
        let work = try CaseWorkspace(empty: "journal-line")
        try work.write("t.json", #"{"roles": [{"id": "rol_old", "name": "admin"}]}"#)
        let local = try LocalTenant(path: work.path("t.json"))
        _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        let stored = try #require(await local.snapshotJSON["roles"]?.arrayValue?.last)
        let lines = try String(contentsOfFile: work.path("t.json.journal"), encoding: .utf8).components(separatedBy: "\n")
        #expect(lines == [
            #"{"base":"\#(Self.identity(work.path("t.json")))","tenantplan_journal":1}"#,
            JSONValue.object(["changes": [["section": "roles", "put": stored]]]).compactText,
            "",
        ])
    }

    @Test func aWriteThatChangesNothingIsNotJournaled() async throws {
        let work = try CaseWorkspace(empty: "journal-none")
        try work.write("t.json", #"{"roles": []}"#)
        let local = try LocalTenant(path: work.path("t.json"))
        #expect(try await local.send(APIRequest(.delete, "/api/v2/roles/rol_missing")).status == 404)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path) == ["t.json"])
    }

    /// A last line without its newline is a write a killed writer never finished (never answered): ignored.
    @Test func anUnfinishedLastLineIsIgnored() async throws {
        let work = try CaseWorkspace(empty: "journal-torn")
        try work.write("t.json", #"{"roles": []}"#)
        let header = #"{"base":"\#(Self.identity(work.path("t.json")))","tenantplan_journal":1}"#
        let put = #"{"changes":[{"put":{"id":"rol_1","name":"member"},"section":"roles"}]}"#
        try work.write("t.json.journal", header + "\n" + put + "\n" + #"{"changes":[{"put":{"id":"rol_2","#)
        let local = try LocalTenant(path: work.path("t.json"))
        #expect(await local.snapshotJSON["roles"] == [["id": "rol_1", "name": "member"]])
    }

    @Test(arguments: [
        ("not json\n", "line 1 is not JSON"),
        (#"{"tenantplan_journal":1,"base":"BASE"}"# + "\nnope\n", "line 2 is not JSON"),
        (#"{"tenantplan_journal":1,"base":"BASE"}"# + "\n{\"change\":[]}\n", "line 2 has no changes"),
    ])
    func aDamagedJournalIsAClearError(_ text: String, _ reason: String) throws {
        let work = try CaseWorkspace(empty: "journal-bad")
        try work.write("t.json", #"{"roles": []}"#)
        try work.write("t.json.journal", text.replacingOccurrences(of: "BASE", with: Self.identity(work.path("t.json"))))
        #expect(throws: LocalTenantError.invalidFile("\(work.path("t.json.journal")): \(reason)")) {
            _ = try LocalTenant(path: work.path("t.json"))
        }
    }

    /// A journal naming another file (left by a save interrupted after its rename) is already in the file: it is
    /// ignored, and removed by the next write, which saves the file whole.
    @Test func aJournalOfAnotherFileIsIgnoredAndRemoved() async throws {
        let work = try CaseWorkspace(empty: "journal-stale")
        try work.write("t.json", #"{"roles": []}"#)
        try work.write(
            "t.json.journal",
            #"{"base":"0:0:0:0","tenantplan_journal":1}"# + "\n"
                + #"{"changes":[{"put":{"id":"rol_1","name":"member"},"section":"roles"}]}"# + "\n")
        let local = try LocalTenant(path: work.path("t.json"))
        #expect(await local.snapshotJSON["roles"] == [])
        _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "viewer"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path) == ["t.json"])
        #expect(try work.json("t.json")["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["viewer"])
    }

    /// A writer killed after journaling: the next writer folds the journal into the file at its first write.
    @Test func aFoundJournalIsFoldedIntoTheFileAtTheNextWrite() async throws {
        let work = try CaseWorkspace(empty: "journal-found")
        try work.write("t.json", #"{"roles": []}"#)
        let killed = try LocalTenant(path: work.path("t.json"))
        _ = try await killed.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        let next = try LocalTenant(path: work.path("t.json"))
        _ = try await next.send(APIRequest(.post, "/api/v2/roles", body: ["name": "viewer"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path) == ["t.json"])
        #expect(try work.json("t.json")["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["member", "viewer"])
    }

    /// Releasing the writer's lock saves the tenants opened under it whole; a tenant opened without the lock is
    /// left to its journal.
    @Test func releasingTheLockSavesTheFileWhole() async throws {
        let work = try CaseWorkspace(empty: "journal-lock")
        try work.write("t.json", #"{"roles": []}"#)
        let lock = try LocalTenantLock.acquire(path: work.path("t.json"))
        let local = try LocalTenant(path: work.path("t.json"))
        _ = try await local.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted()
            == ["t.json", "t.json.journal", "t.json.lock"])
        lock.release()
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted() == ["t.json", "t.json.lock"])
        #expect(try work.json("t.json")["roles"] == (await local.snapshotJSON)["roles"])
    }
}
