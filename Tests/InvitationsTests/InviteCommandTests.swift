import Foundation
import JSONValues
import ManagementAPI
import Output
import Testing
import TestSupport

/// `tenantplan invite`: policy refusals (exit 1, no request), the request body, the URL kept out of the output.
@Suite struct InviteCommandTests {
    /// One refusal case: how to derive the workspace, the extra arguments, the expected stderr lines.
    struct Refusal: CustomStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (CaseWorkspace) throws -> Void
        let arguments: [String]
        let organization: String
        let expected: @Sendable (String) -> [String]
        var description: String { name }

        init(
            _ name: String, organization: String = "acme", edit: @escaping @Sendable (CaseWorkspace) throws -> Void = { _ in },
            _ arguments: [String], _ expected: @escaping @Sendable (String) -> [String]
        ) {
            self.name = name
            self.organization = organization
            self.edit = edit
            self.arguments = arguments
            self.expected = expected
        }
    }

    static let member = ["--email", "user1@acme.example", "--app-metadata", "member_id=m-1001"]

    static let refusals: [Refusal] = [
        Refusal("organization not declared", organization: "hooli", member) { _ in
            ["organization 'hooli' is not declared in any customer file"]
        },
        Refusal("no invitation policy", organization: "initech",
                edit: { try $0.deleteLines("tenant/customers/initech.yaml", 16...22) }, member) { dir in
            ["organization 'initech' has no invitation policy: add an 'invitations:' block to \(dir)/customers/initech.yaml"]
        },
        Refusal("connection not enabled on the organization",
                edit: { try $0.edit("tenant/customers/acme.yaml", line: 35, "connection: Username-Password-Authentication") },
                member) { dir in
            ["the invite policy's connection 'Username-Password-Authentication' is not among the enabled connections "
                + "of organization 'acme' (\(dir)/customers/acme.yaml:35)"]
        },
        Refusal("role not allowed", member + ["--role", "admin"]) { dir in
            ["role 'admin' is not allowed by the invite policy of organization 'acme', which allows member "
                + "(\(dir)/customers/acme.yaml:37)"]
        },
        Refusal("ttl above the policy", member + ["--ttl", "10d"]) { dir in
            ["ttl 10d is above the invite policy's 7d for organization 'acme' (\(dir)/customers/acme.yaml:36)"]
        },
        Refusal("ttl above Auth0's maximum", member + ["--ttl", "31d"]) { _ in
            ["ttl 31d is above Auth0's maximum of 30d (2592000 s)"]
        },
        Refusal("policy ttl above Auth0's maximum",
                edit: { try $0.edit("tenant/customers/acme.yaml", line: 36, "ttl: 45d") }, member) { dir in
            ["ttl 45d (the invite policy's ttl, \(dir)/customers/acme.yaml:36) is above Auth0's maximum of 30d (2592000 s)"]
        },
        Refusal("member_id missing", ["--email", "user1@acme.example"]) { dir in
            ["app_metadata member_id is required by the invite policy of organization 'acme' (\(dir)/customers/acme.yaml:39)"]
        },
        Refusal("member_id empty", ["--email", "user1@acme.example", "--app-metadata", "member_id="]) { dir in
            ["app_metadata member_id is required by the invite policy of organization 'acme' (\(dir)/customers/acme.yaml:39)"]
        },
        Refusal("bad e-mail", ["--email", "user1@acme", "--app-metadata", "member_id=m-1001"]) { _ in
            ["'user1@acme' is not a valid e-mail address"]
        },
        Refusal("bad e-mail and member_id missing", ["--email", "user 1@acme.example"]) { dir in
            ["'user 1@acme.example' is not a valid e-mail address",
             "app_metadata member_id is required by the invite policy of organization 'acme' (\(dir)/customers/acme.yaml:39)"]
        },
    ]

    @Test(arguments: refusals)
    func policyRefusal(_ refusal: Refusal) async throws {
        let work = try await ExampleWorkspace.applied()
        try refusal.edit(work)
        let before = try work.json()
        let result = await ExampleWorkspace.invite(work, refusal.organization, refusal.arguments)
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.stdout.isEmpty)
        let expected = refusal.expected(work.path("tenant")).map { "tenantplan: invite refused: \($0)\n" }.joined()
        #expect(result.stderr == expected)
        #expect(try work.json() == before)
    }

    @Test func createdInvitationBodyAndOutput() async throws {
        let work = try await ExampleWorkspace.applied()
        let live = try work.json()
        let org = live.organizationID("acme")
        let result = await ExampleWorkspace.invite(work, "acme", Self.member)
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.writes == ["POST /api/v2/organizations/\(org)/invitations"])
        #expect(result.requests.filter { !$0.isWrite }.map(\.description) == [
            "GET /api/v2/organizations/name/acme",
            "GET /api/v2/organizations/\(org)/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/clients?take=100",
            "GET /api/v2/roles?include_totals=true&page=0&per_page=100",
            "GET /api/v2/organizations/\(org)/invitations?include_totals=true&page=0&per_page=100",
        ])
        let body = try #require(result.requests.first { $0.isWrite }?.body)
        let expected: JSONValue = [
            "inviter": ["name": "Acme Corp"],
            "invitee": ["email": "user1@acme.example"],
            "client_id": .string(live.clientID("saas-web")),
            "connection_id": .string(live.connectionID("acme-entra")),
            "ttl_sec": 604_800,
            "roles": [.string(live.roleID("member"))],
            "app_metadata": ["member_id": "m-1001"],
            "send_invitation_email": true,
        ]
        #expect(body == expected)

        let stored = try #require(try work.json().invitations(org).first)
        let id = try #require(stored["id"]?.stringValue)
        let expiry = try #require(stored["expires_at"]?.stringValue)
        #expect(id.hasPrefix("uinv_"))
        #expect(result.stdout == "invited user1@acme.example: \(id), expires \(expiry)\nroles: member (the policy's roles; no --role given)\n")
        let url = try #require(stored["invitation_url"]?.stringValue)
        let ticket = try #require(stored["ticket_id"]?.stringValue)
        #expect(url == "https://app.example.com/login?invitation=\(ticket)&organization=\(org)&organization_name=acme")
        #expect(!result.output.contains(ticket))
        #expect(!result.output.contains("invitation_url"))
    }

    @Test func urlShownOnRequestOrWhenNoEmailIsSent() async throws {
        let work = try await ExampleWorkspace.applied()
        let shown = await ExampleWorkspace.invite(work, "acme", Self.member + ["--show-url"])
        #expect(shown.exitCode == 0)
        let org = try work.json().organizationID("acme")
        let url = try #require(try work.json().invitations(org).first?["invitation_url"]?.stringValue)
        #expect(shown.stdout.hasSuffix("\n  invitation_url: \(url)\nroles: member (the policy's roles; no --role given)\n"))

        try work.edit("tenant/customers/globex.yaml", line: 37, "send_invitation_email: false")
        let manual = await ExampleWorkspace.invite(
            work, "globex", ["--email", "ann@globex.example", "--app-metadata", "member_id=g-7"])
        #expect(manual.exitCode == 0)
        #expect(manual.requests.first { $0.isWrite }?.body?["send_invitation_email"] == false)
        let globex = try work.json().organizationID("globex")
        let manualURL = try #require(try work.json().invitations(globex).first?["invitation_url"]?.stringValue)
        #expect(manual.stdout.contains("\n  invitation_url: \(manualURL)\n"))
    }

    @Test func optionsWithinThePolicy() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(
            work, "acme", Self.member + ["--ttl", "3d", "--inviter", "Jane Admin", "--role", "member",
                                         "--app-metadata", "team=ops"])
        #expect(result.exitCode == 0)
        let body = try #require(result.requests.first { $0.isWrite }?.body)
        #expect(body["ttl_sec"] == 259_200)
        #expect(body["inviter"] == ["name": "Jane Admin"])
        #expect(body["app_metadata"] == ["member_id": "m-1001", "team": "ops"])
        let stored = try #require(try work.json().invitations(try work.json().organizationID("acme")).first)
        let created = try #require(stored["created_at"]?.stringValue.flatMap(LiveInvitation.date(iso8601:)))
        let expires = try #require(stored["expires_at"]?.stringValue.flatMap(LiveInvitation.date(iso8601:)))
        #expect(expires.timeIntervalSince(created) == 259_200)
    }

    @Test func dryRunSendsNoWrite() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", Self.member + ["--dry-run"])
        #expect(result.exitCode == 0)
        #expect(result.writes.isEmpty)
        #expect(result.stdout == """
            would invite user1@acme.example: client saas-web, connection acme-entra, roles member, ttl 7d, \
            send_invitation_email true, app_metadata member_id=m-1001
            roles: member (the policy's roles; no --role given)
            Invitations to organization acme: 1 to create, 0 skipped, 0 rejected, 0 failed. Dry run: nothing was sent.

            """)
    }

    @Test func pendingAddressIsSkippedNotInvitedTwice() async throws {
        let work = try await ExampleWorkspace.applied()
        let first = await ExampleWorkspace.invite(work, "acme", Self.member)
        #expect(first.exitCode == 0)
        let again = await ExampleWorkspace.invite(
            work, "acme", ["--email", "USER1@acme.example", "--app-metadata", "member_id=m-1001"])
        #expect(again.exitCode == 0)
        #expect(again.writes.isEmpty)
        let org = try work.json().organizationID("acme")
        let stored = try #require(try work.json().invitations(org).first)
        #expect(try work.json().invitations(org).count == 1)
        #expect(again.stdout == "skipped USER1@acme.example: pending invitation \(stored["id"]!.stringValue!) "
            + "expires \(stored["expires_at"]!.stringValue!)\n")
    }

    @Test func jsonFormat() async throws {
        let work = try await ExampleWorkspace.applied()
        let result = await ExampleWorkspace.invite(work, "acme", Self.member + ["--format", "json"])
        #expect(result.exitCode == 0)
        let document = try JSONValue(data: Data(result.stdout.utf8))
        let stored = try #require(try work.json().invitations(try work.json().organizationID("acme")).first)
        #expect(document == [
            "format_version": 1, "tool": ["name": "tenantplan", "version": .string(ToolIdentity.version)],
            "organization": "acme", "dry_run": false, "roles": ["member"], "roles_from": "policy",
            "results": [[
                "email": "user1@acme.example", "status": "created", "invitation_id": stored["id"]!,
                "expires_at": stored["expires_at"]!,
            ]],
            "summary": ["created": 1, "would_create": 0, "skipped": 0, "rejected": 0, "failed": 0, "needs_manual_decision": 0],
        ])
    }

    /// Refusals found in the live tenant: reads only, no write.
    @Test func liveRefusals() async throws {
        let work = try await ExampleWorkspace.applied()
        var live = try work.json().objectValue!
        let org = try work.json().organizationID("acme")
        live["clients"] = .array(live["clients"]!.arrayValue!.map { client in
            var c = client.objectValue!
            c["initiate_login_uri"] = nil
            return .object(c)
        })
        live["organizations"] = .array(live["organizations"]!.arrayValue!.map { organization in
            var o = organization.objectValue!
            if o["name"] == "acme" { o["enabled_connections"] = [] }
            return .object(o)
        })
        live["roles"] = []
        try work.write("live.json", String(decoding: JSONValue.object(live).encoded(pretty: true), as: UTF8.self))
        let result = await ExampleWorkspace.invite(work, "acme", Self.member)
        #expect(result.exitCode == 1)
        #expect(result.writes.isEmpty)
        let tenant = "local tenant \(work.path("live.json"))"
        #expect(result.stderr == [
            "connection 'acme-entra' is not enabled on organization 'acme' in \(tenant); run tenantplan apply first",
            "client 'saas-web' has no initiate_login_uri in \(tenant), so Auth0 cannot build the invitation link",
            "role 'member' of the invite policy does not exist in \(tenant); run tenantplan apply first",
        ].map { "tenantplan: invite refused: \($0)\n" }.joined())
        #expect(try work.json().invitations(org).isEmpty)

        let missing = try CaseWorkspace(empty: "invitations-unapplied")
        try ExampleTenant.copy(into: missing)
        let unapplied = await ExampleWorkspace.invite(missing, "acme", Self.member)
        #expect(unapplied.exitCode == 1)
        #expect(unapplied.writes.isEmpty)
        #expect(unapplied.stderr == "tenantplan: invite refused: organization 'acme' does not exist in local tenant "
            + "\(missing.path("live.json")); run tenantplan apply first\n")
    }

    @Test(arguments: [
        (["--email", "a@b.example"], "invite needs --organization NAME (see tenantplan --help)"),
        (["--organization", "acme"], "invite needs one of --email ADDRESS, --from-csv FILE or --migrate (see tenantplan --help)"),
        (["--organization", "acme", "--email", "a@b.example", "--migrate"],
         "invite needs one of --email ADDRESS, --from-csv FILE or --migrate (see tenantplan --help)"),
        (["--organization", "acme", "--from-csv", "x.csv", "--migrate"],
         "invite needs one of --email ADDRESS, --from-csv FILE or --migrate (see tenantplan --help)"),
        (["--organization", "acme", "--migrate", "--app-metadata", "member_id=m-1"],
         "--migrate takes no --app-metadata: each invitation carries the member's own member id (see tenantplan --help)"),
        (["--organization", "acme", "--email", "a@b.example", "--connection", "acme-entra"],
         "--connection is for --migrate; an invitation's connection is the invite policy's (see tenantplan --help)"),
        (["--organization", "acme", "--email", "a@b.example", "--ttl", "3 days"],
         "--ttl takes a duration of at least 1s, such as 7d, 12h or 3600s (see tenantplan --help)"),
        (["--organization", "acme", "--email", "a@b.example", "--app-metadata", "member_id"],
         "--app-metadata takes KEY=VALUE, got 'member_id' (see tenantplan --help)"),
        (["--organization", "acme", "--email", "a@b.example", "--format", "sarif"],
         "--format takes text or json here, got 'sarif' (see tenantplan --help)"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) async throws {
        let work = try CaseWorkspace(empty: "invite-usage")
        let result = await work.run(["invite", "tenant"] + arguments)
        #expect(result.exitCode == 1)
        #expect(result.requests.isEmpty)
        #expect(result.stderr == "tenantplan: error: \(message)\n")
    }
}
