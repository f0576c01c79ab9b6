import Foundation
import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// Inputs a new user found accepted wrongly by `invite`; each stays as a test.
@Suite struct InviteFindingsTests {
    @Test func pendingInvitationWithAnotherMemberIDIsRefusedNotSkipped() async throws {
        let work = try await ExampleWorkspace.applied()
        let first = await ExampleWorkspace.invite(work, "acme", ["--email", "q3@acme.example", "--app-metadata", "member_id=q-3"])
        #expect(first.exitCode == 0)
        let pending = try #require(try work.json().invitations(try work.json().organizationID("acme")).first?["id"]?.stringValue)
        let again = await ExampleWorkspace.invite(work, "acme", ["--email", "q3@acme.example", "--app-metadata", "member_id=q-999"])
        #expect(again.exitCode == 1)
        #expect(again.writes.isEmpty)
        #expect(again.output.contains(
            "a pending invitation \(pending) for this address carries member_id=q-3, not q-999; revoke it first"))
    }

    @Test func memberIDOfAnotherAddressIsRefused() async throws {
        let work = try await ExampleWorkspace.applied()
        _ = await ExampleWorkspace.invite(work, "acme", ["--email", "a@acme.example", "--app-metadata", "member_id=m-1"])
        let other = await ExampleWorkspace.invite(work, "acme", ["--email", "b@acme.example", "--app-metadata", "member_id=m-1"])
        #expect(other.exitCode == 1)
        #expect(other.writes.isEmpty)
        #expect(other.output.contains("member_id=m-1 is already used by a@acme.example: one member id must identify one person"))
    }

    @Test func blankMemberIDIsMissing() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", ["--email", "c@acme.example", "--app-metadata", "member_id=   "])
        #expect(result.exitCode == 1)
        #expect(result.writes.isEmpty)
        #expect(result.output.contains("app_metadata member_id is required by the invite policy of organization 'acme'"))
    }

    @Test func emptyInviterIsRefused() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(
            work, "acme", ["--email", "d@acme.example", "--app-metadata", "member_id=m-4", "--inviter", ""])
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.output.contains("--inviter must not be empty"))
    }

    @Test func thousandPendingInvitationsStopClearly() async throws {
        let work = try await ExampleWorkspace.applied()
        var live = try work.json().objectValue!
        let org = JSONValue.object(live).organizationID("acme")
        live["invitations"] = [org: .array((0..<1000).map { i in
            [
                "id": .string("uinv_\(i)"), "invitee": ["email": .string("p\(i)@acme.example")],
                "app_metadata": ["member_id": .string("p-\(i)")], "created_at": "2099-01-01T00:00:00.000Z",
                "expires_at": "2099-01-08T00:00:00.000Z",
            ]
        })]
        try work.write("live.json", String(decoding: JSONValue.object(live).encoded(pretty: false), as: UTF8.self))
        let result = await ExampleWorkspace.invite(work, "acme", ["--email", "e@acme.example", "--app-metadata", "member_id=m-5"])
        #expect(result.exitCode == 1)
        #expect(result.writes.isEmpty)
        #expect(result.stderr.contains("the list holds 1000 or more records and the Management API reads at most 1000"))
    }
}

/// A bulk run stops short of the listing window, so the next run can still check every invitation.
@Suite struct InviteWindowTests {
    @Test func bulkRunNeverFillsTheListingWindow() async throws {
        let work = try await ExampleWorkspace.applied()
        var live = try work.json().objectValue!
        let org = JSONValue.object(live).organizationID("acme")
        live["invitations"] = [org: .array((0..<997).map { i in
            [
                "id": .string("uinv_\(i)"), "invitee": ["email": .string("p\(i)@acme.example")],
                "app_metadata": ["member_id": .string("p-\(i)")], "created_at": "2099-01-01T00:00:00.000Z",
                "expires_at": "2099-01-08T00:00:00.000Z",
            ]
        })]
        try work.write("live.json", String(decoding: JSONValue.object(live).encoded(pretty: false), as: UTF8.self))
        try work.write("people.csv", "email,member_id\nx1@acme.example,x-1\nx2@acme.example,x-2\nx3@acme.example,x-3\n")
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 1)
        #expect(run.writes.count == 2)
        #expect(run.output.contains("the organization would have more than 999 invitations (pending or expired)"))
        let again = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(again.writes.isEmpty)
        #expect(again.output.contains("skipped x1@acme.example"))
    }
}
