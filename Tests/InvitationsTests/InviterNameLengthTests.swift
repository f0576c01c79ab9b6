import Foundation
import JSONValues
import Testing
import TestSupport

/// `invite --inviter` longer than `inviter.name` allows in Auth0's schema (`maxLength` 300 of
/// `CreateOrganizationInvitationRequestContent`) is refused before any request; Auth0 (and the local tenant)
/// would answer 400.
@Suite struct InviterNameLengthTests {
    @Test(arguments: [301, 1000])
    func anInviterLongerThanAuth0AllowsIsRefusedBeforeAnyRequest(length: Int) async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", [
            "--email", "d@acme.example", "--app-metadata", "member_id=m-4",
            "--inviter", String(repeating: "a", count: length),
        ])
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.stdout == "")
        #expect(result.stderr
            == "tenantplan: invite refused: --inviter is \(length) characters long; Auth0 allows at most 300 (inviter.name)\n")
    }

    /// Counted in characters (Unicode code points), as the schema's `maxLength`: 300 `é` pass, in any dry run.
    @Test(arguments: [String(repeating: "a", count: 300), String(repeating: "é", count: 300)])
    func anInviterOf300CharactersIsSent(inviter: String) async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", [
            "--email", "d@acme.example", "--app-metadata", "member_id=m-4", "--inviter", inviter,
        ])
        #expect(result.exitCode == 0)
        #expect(result.writes.count == 1)
        let organization = try work.json().organizationID("acme")
        #expect(try work.json().invitations(organization).first?["inviter"] == ["name": .string(inviter)])
    }

    @Test func aDryRunRefusesItToo() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", [
            "--email", "d@acme.example", "--app-metadata", "member_id=m-4", "--dry-run",
            "--inviter", String(repeating: "b", count: 301),
        ])
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.stderr
            == "tenantplan: invite refused: --inviter is 301 characters long; Auth0 allows at most 300 (inviter.name)\n")
    }
}
