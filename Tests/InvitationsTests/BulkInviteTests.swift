import Foundation
import JSONValues
import Testing
import TestSupport

/// `tenantplan invite --from-csv`: idempotent bulk invitations, each row's result, bad rows with their line.
@Suite struct BulkInviteTests {
    @Test func fiveRowsThenASecondRun() async throws {
        let work = try await ExampleWorkspace.applied()
        let pending = await ExampleWorkspace.invite(
            work, "acme", ["--email", "pat@acme.example", "--app-metadata", "member_id=m-0001"])
        #expect(pending.exitCode == 0)
        let org = try work.json().organizationID("acme")
        let existing = try #require(try work.json().invitations(org).first)

        // Line 4 spans two lines (a quoted field with a line break); CRLF line ends elsewhere.
        try work.write("people.csv", "email,member_id,display\r\n"
            + "ann@acme.example,m-1001,Ann\r\n"
            + "pat@acme.example,m-0001,Pat\r\n"
            + "\"bob@acme.example\",\"m-1003\",\"Bob \"\"the builder\"\"\nSmith\"\r\n"
            + "not-an-address,m-1004,Nobody\r\n"
            + "cy@acme.example,,Cy\r\n")
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 1)
        #expect(run.writes == Array(repeating: "POST /api/v2/organizations/\(org)/invitations", count: 2))
        let posted = run.requests.filter(\.isWrite).compactMap { $0.body?["invitee"]?["email"]?.stringValue }
        #expect(posted == ["ann@acme.example", "bob@acme.example"])
        #expect(run.requests.filter(\.isWrite).last?.body?["app_metadata"] == [
            "member_id": "m-1003", "display": "Bob \"the builder\"\nSmith",
        ])
        let stored = try work.json().invitations(org)
        #expect(stored.count == 3)
        func invited(_ email: String) -> String {
            let invitation = stored.first { $0["invitee"]?["email"]?.stringValue == email }!
            return "\(invitation["id"]!.stringValue!), expires \(invitation["expires_at"]!.stringValue!)"
        }
        let dir = work.path("tenant")
        #expect(run.stdout == """
            invited ann@acme.example (line 2): \(invited("ann@acme.example"))
            skipped pat@acme.example (line 3): pending invitation \(existing["id"]!.stringValue!) expires \
            \(existing["expires_at"]!.stringValue!)
            invited bob@acme.example (line 4): \(invited("bob@acme.example"))
            rejected not-an-address (line 6): 'not-an-address' is not a valid e-mail address
            rejected cy@acme.example (line 7): app_metadata member_id is required by the invite policy of organization \
            'acme' (\(dir)/customers/acme.yaml:39)
            roles: member (the policy's roles; no --role given)
            Invitations to organization acme: 2 created, 1 skipped, 2 rejected, 0 failed.

            """)
        #expect(!run.output.contains("invitation_url"))

        let second = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(second.exitCode == 1)
        #expect(second.writes.isEmpty)
        #expect(try work.json().invitations(org).count == 3)
        #expect(second.stdout.hasSuffix("Invitations to organization acme: 0 created, 3 skipped, 2 rejected, 0 failed.\n"))
        #expect(second.stdout.contains("skipped ann@acme.example (line 2): pending invitation"))
        #expect(second.stdout.contains("skipped bob@acme.example (line 4): pending invitation"))
    }

    @Test func duplicateAddressInTheFileIsInvitedOnce() async throws {
        let work = try await ExampleWorkspace.applied()
        try work.write("people.csv", "email,member_id\nann@acme.example,m-1\n\nAnn@Acme.example,m-1\n")
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 0)
        #expect(run.writes.count == 1)
        #expect(run.stdout.contains("skipped Ann@Acme.example (line 4): the same address as line 2\n"))
    }

    @Test func malformedRowsAreReportedWithTheirLine() async throws {
        let work = try await ExampleWorkspace.applied()
        try work.write("people.csv", "email,member_id\nann@acme.example,m-1,extra\nbob@acme.example,m\"2\n")
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 1)
        #expect(run.requests.isEmpty)
        #expect(run.stdout == """
            rejected ann@acme.example (line 2): expected 2 fields (email, member_id), found 3
            rejected bob@acme.example (line 3): a quote inside a field: quote the whole field and double the quote ("")
            Invitations to organization acme: 0 created, 0 skipped, 2 rejected, 0 failed.

            """)
    }

    @Test(arguments: [
        ("email\nann@acme.example\n", "line 1: no column 'member_id' in the header"),
        ("member_id\nm-1\n", "line 1: no column 'email' in the header"),
        ("", "the file is empty; expected a header row such as 'email,member_id'"),
        ("email,member_id\n\"ann@acme.example,m-1\n", "line 2: a quoted field is never closed"),
        ("email,Email\n", "line 1: column 'Email' appears twice"),
    ])
    func unusableFilesSendNothing(_ text: String, _ message: String) async throws {
        let work = try await ExampleWorkspace.applied()
        try work.write("people.csv", text)
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 1)
        #expect(run.requests.isEmpty)
        #expect(run.stderr == "\(work.path("people.csv")): error: \(message)\n")
    }
}
