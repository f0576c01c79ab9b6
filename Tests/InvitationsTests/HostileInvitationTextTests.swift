import Testing
import TestSupport

/// An `app_metadata` value with an escape sequence and a line break prints visibly in the invite report.
@Suite struct HostileInvitationTextTests {
    @Test func dryRunShowsTheValueVisibly() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", [
            "--email", "user1@acme.example", "--app-metadata",
            "member_id=m-1\u{1B}[2J\nPlan: 0 to add, 0 to change, 0 to destroy.", "--dry-run",
        ])
        #expect(result.exitCode == 0)
        #expect(result.stdout == """
            would invite user1@acme.example: client saas-web, connection acme-entra, roles member, ttl 7d, \
            send_invitation_email true, app_metadata member_id=m-1\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy.
            roles: member (the policy's roles; no --role given)
            Invitations to organization acme: 1 to create, 0 skipped, 0 rejected, 0 failed. Dry run: nothing was sent.

            """)
    }
}
