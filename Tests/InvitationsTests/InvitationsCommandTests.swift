import Foundation
import JSONValues
import ManagementAPI
import Output
import Testing
import TestSupport

/// `tenantplan invitations`: pending invitations listed with roles, expiry and whether expired; expired ones revoked.
@Suite struct InvitationsCommandTests {
    /// Adds two expired invitations and one pending to acme in `live.json` (as captured state would hold them).
    static func seed(_ work: CaseWorkspace) throws -> (org: String, expired: [String], current: String) {
        var live = try work.json().objectValue!
        let snapshot = JSONValue.object(live)
        let org = snapshot.organizationID("acme")
        let role = snapshot.roleID("member")
        func invitation(_ id: String, _ email: String, created: String, expires: String) -> JSONValue {
            [
                "id": .string(id), "organization_id": .string(org), "client_id": .string(snapshot.clientID("saas-web")),
                "inviter": ["name": "Acme Corp"], "invitee": ["email": .string(email)], "roles": [.string(role)],
                "app_metadata": ["member_id": "m-9"], "ticket_id": "TICKETsecret0000000000000000000",
                "invitation_url": "https://app.example.com/login?invitation=TICKETsecret0000000000000000000",
                "created_at": .string(created), "expires_at": .string(expires),
            ]
        }
        live["invitations"] = [
            org: [
                invitation("uinv_old1", "old1@acme.example", created: "2024-01-01T00:00:00.000Z", expires: "2024-01-08T00:00:00.000Z"),
                invitation("uinv_current", "new@acme.example", created: "2099-01-01T00:00:00.000Z", expires: "2099-01-08T00:00:00.000Z"),
                invitation("uinv_old2", "old2@acme.example", created: "2024-02-01T00:00:00.000Z", expires: "2024-02-03T00:00:00.000Z"),
            ],
        ]
        try work.write("live.json", String(decoding: JSONValue.object(live).encoded(pretty: true), as: UTF8.self))
        return (org, ["uinv_old1", "uinv_old2"], "uinv_current")
    }

    static func list(_ work: CaseWorkspace, _ extra: [String] = []) async -> CommandResult {
        await work.run(["invitations", "tenant", "--tenant", "local:live.json", "--organization", "acme"] + extra)
    }

    @Test func listsRevokesAndListsAgain() async throws {
        let work = try await ExampleWorkspace.applied()
        let (org, expired, current) = try Self.seed(work)

        let listed = await Self.list(work)
        #expect(listed.exitCode == 0)
        #expect(listed.writes.isEmpty)
        #expect(listed.stdout == """
            Pending invitations of organization acme (\(org)): 1 pending, 2 expired
              uinv_old1  old1@acme.example  member  expires 2024-01-08T00:00:00.000Z  expired
              uinv_old2  old2@acme.example  member  expires 2024-02-03T00:00:00.000Z  expired
              uinv_current  new@acme.example  member  expires 2099-01-08T00:00:00.000Z

            """)
        #expect(!listed.output.contains("TICKETsecret"))

        let onlyExpired = await Self.list(work, ["--expired"])
        #expect(onlyExpired.stdout.split(separator: "\n").count == 3)
        #expect(!onlyExpired.stdout.contains(current))

        let revoke = await Self.list(work, ["--revoke-expired"])
        #expect(revoke.exitCode == 0)
        #expect(revoke.writes == expired.map { "DELETE /api/v2/organizations/\(org)/invitations/\($0)" })
        #expect(revoke.stdout.hasSuffix("""
            revoked uinv_old1 (old1@acme.example)
            revoked uinv_old2 (old2@acme.example)
            Revoked 2 expired invitations.

            """))
        #expect(try work.json().invitations(org).map { $0["id"]!.stringValue! } == [current])

        let after = await Self.list(work, ["--revoke-expired"])
        #expect(after.writes.isEmpty)
        #expect(after.stdout == """
            Pending invitations of organization acme (\(org)): 1 pending, 0 expired
              uinv_current  new@acme.example  member  expires 2099-01-08T00:00:00.000Z
            Revoked 0 expired invitations.

            """)
    }

    @Test func expiredInvitationDoesNotBlockANewOne() async throws {
        let work = try await ExampleWorkspace.applied()
        let (org, _, _) = try Self.seed(work)
        let result = await ExampleWorkspace.invite(
            work, "acme", ["--email", "old1@acme.example", "--app-metadata", "member_id=m-10"])
        #expect(result.exitCode == 0)
        #expect(result.writes == ["POST /api/v2/organizations/\(org)/invitations"])
    }

    @Test func jsonFormat() async throws {
        let work = try await ExampleWorkspace.applied()
        let (org, _, _) = try Self.seed(work)
        let result = await Self.list(work, ["--expired", "--format", "json"])
        let document = try JSONValue(data: Data(result.stdout.utf8))
        #expect(document == [
            "format_version": 1, "tool": ["name": "tenantplan", "version": .string(ToolIdentity.version)],
            "organization": "acme", "organization_id": .string(org),
            "invitations": [
                ["id": "uinv_old1", "invitee": "old1@acme.example", "roles": ["member"], "expired": true,
                 "created_at": "2024-01-01T00:00:00.000Z", "expires_at": "2024-01-08T00:00:00.000Z"],
                ["id": "uinv_old2", "invitee": "old2@acme.example", "roles": ["member"], "expired": true,
                 "created_at": "2024-02-01T00:00:00.000Z", "expires_at": "2024-02-03T00:00:00.000Z"],
            ],
        ])
    }

    @Test func undeclaredOrganization() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await work.run(["invitations", "tenant", "--tenant", "local:live.json", "--organization", "hooli"])
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.stderr == "tenantplan: error: organization 'hooli' is not declared in any customer file\n")
    }
}
