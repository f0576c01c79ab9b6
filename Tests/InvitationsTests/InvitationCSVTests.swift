import Invitations
import Testing

/// CSV parsing (RFC 4180) and e-mail syntax.
@Suite struct InvitationCSVTests {
    @Test func quotedFieldsLineBreaksAndLineNumbers() throws {
        let csv = try InvitationCSV(parsing: "\u{FEFF}email , member_id\r\n"
            + "\"a@x.example\",\"m,1\"\r\n"
            + "\n"
            + "b@x.example,\"two\nlines \"\"quoted\"\"\"\r\n"
            + "  c@x.example  ,  m-3  \n"
            + "d@x.example,\"\"")
        #expect(csv.header == ["email", "member_id"])
        #expect(csv.records.map(\.line) == [2, 4, 6, 7])
        #expect(csv.records.map(\.fields) == [
            ["a@x.example", "m,1"], ["b@x.example", "two\nlines \"quoted\""], ["c@x.example", "m-3"], ["d@x.example", ""],
        ])
        let (invitees, rejected) = try csv.invitees(required: ["member_id"])
        #expect(rejected.isEmpty)
        #expect(invitees.map(\.line) == [2, 4, 6, 7])
        #expect(invitees.last?.appMetadata == [:])
    }

    @Test func commonMetadataAndRowValues() throws {
        let csv = try InvitationCSV(parsing: "email,member_id,team\na@x.example,m-1,\nb@x.example,m-2,ops\n")
        let (invitees, _) = try csv.invitees(required: ["member_id"], common: ["team": "core", "source": "import"])
        #expect(invitees.map(\.appMetadata) == [
            ["member_id": "m-1", "team": "core", "source": "import"],
            ["member_id": "m-2", "team": "ops", "source": "import"],
        ])
    }

    @Test func rowProblems() throws {
        let csv = try InvitationCSV(parsing: "email,member_id\n\"a@x.example\"z,m\nb@x.example\n")
        let (invitees, rejected) = try csv.invitees(required: [])
        #expect(invitees.isEmpty)
        #expect(rejected.map(\.line) == [2, 3])
        #expect(rejected.map(\.status) == [
            .rejected([.malformedRow("text after the closing quote of a field")]),
            .rejected([.malformedRow("expected 2 fields (email, member_id), found 1")]),
        ])
    }

    @Test(arguments: [
        "user1@acme.example", "first.last+tag@sub.acme.example", "o'brien@acme.example", "x@a-b.co",
    ])
    func validAddresses(_ address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(arguments: [
        "", "user1", "user1@acme", "@acme.example", "user1@", "a@@b.example", "a b@acme.example", ".a@acme.example",
        "a..b@acme.example", "a@-acme.example", "a@acme.example.", "a@acme.c0m", "ü@acme.example", "a@acme..example",
    ])
    func invalidAddresses(_ address: String) {
        #expect(!EmailAddress.isValid(address))
    }
}
