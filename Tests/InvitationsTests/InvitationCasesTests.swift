import Foundation
import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// shared/cases c19 step 4, and the issue's "done when" command against the applied example tenant.
@Suite struct InvitationCasesTests {
    @Test func c19InvitePreflightRefusedWithNoWrite() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        let before = try work.json()
        let result = await work.run([
            "invite", "tenant", "--tenant", "local:live.json", "--organization", "acme", "--email",
            "user1@acme.example", "--app-metadata", "member_id=M-1001",
        ])
        #expect(result.exitCode != 0)
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(!result.writes.contains("POST /api/v2/organizations/org_Iuf5VSjoLwBj47gS/invitations"))
        let dir = work.path("tenant")
        #expect(result.stderr == """
            tenantplan: invite refused: the invite policy's connection 'partners-db' is not among the enabled \
            connections of organization 'acme' (\(dir)/customers/acme.yaml:10)
            tenantplan: invite refused: ttl 45d (the invite policy's ttl, \(dir)/customers/acme.yaml:11) is above \
            Auth0's maximum of 30d (2592000 s)

            """)
        #expect(try work.json() == before)
    }

    /// The live side of c19: with the YAML fixed, the live `portal` client still cannot carry an invitation.
    @Test func c19LiveClientRefusedWithNoWrite() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        try work.edit("tenant/customers/acme.yaml", line: 10, "connection: Username-Password-Authentication")
        try work.edit("tenant/customers/acme.yaml", line: 11, "ttl: 7d")
        let result = await work.run([
            "invite", "tenant", "--tenant", "local:live.json", "--organization", "acme", "--email",
            "user1@acme.example", "--app-metadata", "member_id=M-1001",
        ])
        #expect(result.exitCode == 1)
        #expect(result.writes.isEmpty)
        let tenant = "local tenant \(work.path("live.json"))"
        #expect(result.stderr == """
            tenantplan: invite refused: client 'portal' does not accept organizations (organization_usage: deny) in \(tenant)
            tenantplan: invite refused: client 'portal' has no initiate_login_uri in \(tenant), so Auth0 cannot build \
            the invitation link

            """)
    }

    /// `tenantplan invite tenants/example-prod --organization acme --email user1@acme.example
    /// --app-metadata member_id=m-1001` against the default local tenant where the example was applied.
    @Test func exampleInviteCreatesAConformingInvitation() async throws {
        let work = try CaseWorkspace(empty: "example-invite")
        try ExampleTenant.copy(into: work, at: "tenants/example-prod")
        let dir = work.path("tenants/example-prod")
        let apply = await work.run(["apply", dir, "--auto-approve"], environment: ExampleWorkspace.secrets)
        #expect(apply.exitCode == 0)

        let result = await work.run([
            "invite", dir, "--organization", "acme", "--email", "user1@acme.example", "--app-metadata", "member_id=m-1001",
        ])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        let live = try work.json("tenants/example-prod/.tenantplan/local-tenant.json")
        let org = live.organizationID("acme")
        #expect(result.writes == ["POST /api/v2/organizations/\(org)/invitations"])
        let invitations = live.invitations(org)
        #expect(invitations.count == 1)
        let invitation = try #require(invitations.first)
        #expect(invitation["invitee"] == ["email": "user1@acme.example"])
        #expect(invitation["client_id"] == .string(live.clientID("saas-web")))
        #expect(invitation["connection_id"] == .string(live.connectionID("acme-entra")))
        #expect(invitation["roles"] == [.string(live.roleID("member"))])
        #expect(invitation["app_metadata"] == ["member_id": "m-1001"])
        let created = try #require(invitation["created_at"]?.stringValue.flatMap(LiveInvitation.date(iso8601:)))
        let expires = try #require(invitation["expires_at"]?.stringValue.flatMap(LiveInvitation.date(iso8601:)))
        #expect(expires.timeIntervalSince(created) == 7 * 86_400)
        let ticket = try #require(invitation["ticket_id"]?.stringValue)
        #expect(invitation["invitation_url"] == .string(
            "https://app.example.com/login?invitation=\(ticket)&organization=\(org)&organization_name=acme"))
        #expect(result.stdout == "invited user1@acme.example: \(invitation["id"]!.stringValue!), expires "
            + "\(invitation["expires_at"]!.stringValue!)\nroles: member (the policy's roles; no --role given)\n")

        let listed = await work.run(["invitations", dir, "--organization", "acme"])
        #expect(listed.exitCode == 0)
        #expect(listed.stdout.contains("  \(invitation["id"]!.stringValue!)  user1@acme.example  member  expires "))
    }
}
