import Foundation
import JSONValues
import Members
import Output
import Testing
import TestSupport

/// `tenantplan members` and `tenantplan invite --migrate` (docs/sso-enforcement.md) against the example applied to
/// a local tenant, with members seeded on `globex` and `globex` declared `login: sso-only`: exact outputs, the
/// invitation bodies, matching by member id and never by e-mail, idempotence, dry run, acceptance.
@Suite struct MigrationTests {
    static let db = "Username-Password-Authentication"

    /// A user as `GET /api/v2/users/{id}` returns it, with one identity.
    static func user(
        _ id: String, _ email: String?, connection: String = db, provider: String = "auth0",
        _ metadata: [String: JSONValue]
    ) -> JSONValue {
        var user: [String: JSONValue] = [
            "user_id": .string(id),
            "identities": [[
                "connection": .string(connection), "provider": .string(provider),
                "user_id": .string(String(id.split(separator: "|").last!)), "isSocial": false,
            ]],
            "app_metadata": .object(metadata),
        ]
        if let email { user["email"] = .string(email) }
        return .object(user)
    }

    static let ana = user("auth0|600000000000000000000001", "ana@globex.example", ["member_id": "G-1001"])
    static let cy = user("auth0|600000000000000000000003", "cy@globex.example", [:])
    static let dee = user(
        "samlp|globex-okta|dee", "dee@globex.example", connection: "globex-okta", provider: "samlp",
        ["member_id": "G-1006"])
    static let desk4 = user("auth0|600000000000000000000004", "desk@globex.example", ["member_id": "G-1004"])
    static let desk5 = user("auth0|600000000000000000000005", "desk@globex.example", ["member_id": "G-1005"])

    /// The example applied, `users` as globex's members, and globex declared `sso-only` (its database connection
    /// dropped from `connections:`) after `edit` changed the customer file's text.
    static func workspace(_ users: [JSONValue], edit: (String) -> String = { $0 }) async throws -> CaseWorkspace {
        let work = try await ExampleWorkspace.applied()
        let live = try work.json()
        var top = try #require(live.objectValue)
        top["users"] = .array(users)
        top["organization_members"] = [live.organizationID("globex"): .array(users.map { $0["user_id"]! })]
        try work.write("live.json", String(decoding: JSONValue.object(top).encoded(pretty: true), as: UTF8.self))
        let file = "tenant/customers/globex.yaml"
        var text = try String(contentsOfFile: work.path(file), encoding: .utf8)
        text = text.replacingOccurrences(of: "login: sso-and-password", with: "login: sso-only")
            .replacingOccurrences(
                of: """
                      - connection: Username-Password-Authentication
                        assign_membership_on_login: false
                        is_signup_enabled: false
                        show_as_button: true

                    """, with: "")
        try work.write(file, edit(text))
        return work
    }

    static func members(_ work: CaseWorkspace, _ extra: [String] = []) async -> CommandResult {
        await work.run(["members", "tenant", "--tenant", "local:live.json", "--organization", "globex"] + extra)
    }

    static func migrate(_ work: CaseWorkspace, _ extra: [String] = []) async -> CommandResult {
        await ExampleWorkspace.invite(work, "globex", ["--migrate"] + extra)
    }

    /// The members of a `members --format json` run, by user id.
    static func standing(_ result: CommandResult) throws -> [String: JSONValue] {
        let document = try JSONValue(data: Data(result.stdout.utf8))
        let members = try #require(document["members"]?.arrayValue)
        return Dictionary(uniqueKeysWithValues: members.map { ($0["user_id"]!.stringValue!, $0) })
    }

    @Test func membersText() async throws {
        let work = try await Self.workspace([Self.ana, Self.cy, Self.dee])
        let result = await Self.members(work)
        let dir = work.path("tenant")
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            tenantplan members: \(dir) against local tenant \(work.path("live.json"))
              organization globex: login sso-only (\(dir)/customers/globex.yaml:9)
              connections once its plan is applied: globex-okta (SSO: globex-okta); member key: member_id
              read 3 members, 3 users, 0 pending invitations in 10 requests (5 to plan, 1 member page, 3 user reads, 1 invitation page)

              not invited   auth0|600000000000000000000001 (ana@globex.example) on Username-Password-Authentication; member_id G-1001; at risk, not invited
              manual        auth0|600000000000000000000003 (cy@globex.example) on Username-Password-Authentication; no member_id; at risk, needs a manual decision: no member_id in app_metadata
              keeps access  samlp|globex-okta|dee (dee@globex.example) on globex-okta; member_id G-1006; signs in through globex-okta

            3 members: 1 keeps access, 2 at risk once the plan is applied (0 moved, 0 invited, 1 not invited, 1 needs a manual decision).
            Invite the members not invited: tenantplan invite \(dir) --organization globex --migrate

            """)
        let live = try work.json()
        let org = live.organizationID("globex")
        let connection = live.connectionID("globex-okta")
        let user = "?fields=user_id,email,identities,app_metadata&include_fields=true"
        // The scoped plan (5), one member page, one read per member, one invitation page.
        #expect(result.requests.map(\.description) == [
            "GET /api/v2/organizations/name/globex",
            "GET /api/v2/organizations/\(org)/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/connections?name=globex-okta&take=100",
            "GET /api/v2/connections/\(connection)/clients?take=100",
            "GET /api/v2/clients?take=100",
            "GET /api/v2/organizations/\(org)/members?fields=user_id,email&include_fields=true&take=100",
            "GET /api/v2/users/auth0%7C600000000000000000000001\(user)",
            "GET /api/v2/users/auth0%7C600000000000000000000003\(user)",
            "GET /api/v2/users/samlp%7Cglobex-okta%7Cdee\(user)",
            "GET /api/v2/organizations/\(org)/invitations?include_totals=true&page=0&per_page=100",
        ])
    }

    @Test func membersJSON() async throws {
        let work = try await Self.workspace([Self.ana, Self.cy, Self.dee])
        let result = await Self.members(work, ["--format", "json"])
        #expect(result.exitCode == 0)
        let document = try JSONValue(data: Data(result.stdout.utf8))
        #expect(document == [
            "format_version": 1,
            "tool": .object(ToolIdentity.json.mapValues(JSONValue.string)),
            "organization": "globex",
            "organization_id": .string(try work.json().organizationID("globex")),
            "login": "sso-only",
            "member_key": "member_id",
            "connections_after_plan": ["globex-okta"],
            "sso_connections": ["globex-okta"],
            "requests": ["total": 10, "plan": 5, "member_pages": 1, "users": 3, "invitation_pages": 1],
            "members": [
                [
                    "user_id": "auth0|600000000000000000000001", "email": "ana@globex.example",
                    "connections": ["Username-Password-Authentication"], "member_id": "G-1001",
                    "status": "not_invited",
                ],
                [
                    "user_id": "auth0|600000000000000000000003", "email": "cy@globex.example",
                    "connections": ["Username-Password-Authentication"], "member_id": .null,
                    "status": "needs_manual_decision", "note": "no member_id in app_metadata",
                ],
                [
                    "user_id": "samlp|globex-okta|dee", "email": "dee@globex.example", "connections": ["globex-okta"],
                    "member_id": "G-1006", "status": "keeps_access", "signs_in_through": "globex-okta",
                ],
            ],
            "summary": [
                "members": 3, "keeps_access": 1, "at_risk": 2, "moved": 0, "invited": 0, "not_invited": 1,
                "needs_manual_decision": 1,
            ],
        ])
    }

    /// The bodies: the old user's address, the SSO connection's id, `app_metadata` exactly the member id. Two
    /// members sharing an address each get their own invitation; the member without a member id gets none.
    @Test func dryRunBodies() async throws {
        let work = try await Self.workspace([Self.ana, Self.cy, Self.desk4, Self.desk5, Self.dee])
        let result = await Self.migrate(work, ["--dry-run", "--format", "json"])
        #expect(result.exitCode == 1)  // a member needs a manual decision
        #expect(result.writes.isEmpty)
        let live = try work.json()
        #expect(live.invitations(live.organizationID("globex")).isEmpty)
        func body(_ email: String, _ member: String) -> JSONValue {
            [
                "inviter": ["name": "Globex Corporation"], "invitee": ["email": .string(email)],
                "client_id": .string(live.clientID("saas-web")), "connection_id": .string(live.connectionID("globex-okta")),
                "ttl_sec": 259200, "roles": [.string(live.roleID("member"))], "app_metadata": ["member_id": .string(member)],
                "send_invitation_email": true,
            ]
        }
        let document = try JSONValue(data: Data(result.stdout.utf8))
        #expect(document["results"] == [
            ["user_id": "auth0|600000000000000000000001", "email": "ana@globex.example", "status": "would_create",
             "request": body("ana@globex.example", "G-1001")],
            ["user_id": "auth0|600000000000000000000003", "email": "cy@globex.example",
             "status": "needs_manual_decision", "note": "no member_id in app_metadata"],
            ["user_id": "auth0|600000000000000000000004", "email": "desk@globex.example", "status": "would_create",
             "request": body("desk@globex.example", "G-1004")],
            ["user_id": "auth0|600000000000000000000005", "email": "desk@globex.example", "status": "would_create",
             "request": body("desk@globex.example", "G-1005")],
        ])
        #expect(document["summary"] == [
            "created": 0, "would_create": 3, "skipped": 0, "rejected": 0, "failed": 0, "needs_manual_decision": 1,
        ])
        #expect(document["dry_run"] == true)
    }

    /// Sent once: the second run skips each member by its pending invitation's member id, and sends nothing.
    @Test func pendingInvitationNotSentTwice() async throws {
        let work = try await Self.workspace([Self.ana, Self.desk4, Self.desk5])
        let first = await Self.migrate(work)
        #expect(first.exitCode == 0)
        let org = try work.json().organizationID("globex")
        #expect(first.writes == Array(repeating: "POST /api/v2/organizations/\(org)/invitations", count: 3))
        let stored = try work.json().invitations(org)
        #expect(Set(stored.map { $0["app_metadata"]! }) == [
            ["member_id": "G-1001"], ["member_id": "G-1004"], ["member_id": "G-1005"],
        ])
        let second = await Self.migrate(work)
        #expect(second.exitCode == 0)
        #expect(second.writes.isEmpty)
        let ids = Dictionary(uniqueKeysWithValues: stored.map {
            ($0["app_metadata"]!["member_id"]!.stringValue!, ($0["id"]!.stringValue!, $0["expires_at"]!.stringValue!))
        })
        func skipped(_ user: String, _ email: String, _ member: String) -> String {
            "skipped \(user) (\(email)): pending invitation \(ids[member]!.0) expires \(ids[member]!.1)"
        }
        #expect(second.stdout == [
            skipped("auth0|600000000000000000000001", "ana@globex.example", "G-1001"),
            skipped("auth0|600000000000000000000004", "desk@globex.example", "G-1004"),
            skipped("auth0|600000000000000000000005", "desk@globex.example", "G-1005"),
            "Invitations to organization globex: 0 created, 3 skipped, 0 rejected, 0 failed.",
        ].joined(separator: "\n") + "\n")
    }

    /// A pending invitation carrying the member id skips the member whatever its address; one carrying another
    /// member id to the same address does not.
    @Test func pendingMatchedByMemberIDNotAddress() async throws {
        let work = try await Self.workspace([Self.ana, Self.desk4])
        let other = await ExampleWorkspace.invite(
            work, "globex", ["--email", "ana.private@mail.example", "--app-metadata", "member_id=G-1001"])
        #expect(other.exitCode == 0)
        let same = await ExampleWorkspace.invite(
            work, "globex", ["--email", "desk@globex.example", "--app-metadata", "member_id=G-7777"])
        #expect(same.exitCode == 0)
        let result = await Self.migrate(work, ["--dry-run"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("skipped auth0|600000000000000000000001 (ana@globex.example): pending invitation uinv_"))
        #expect(lines[1] == "would invite auth0|600000000000000000000004 (desk@globex.example): client saas-web, "
            + "connection globex-okta, roles member, ttl 3d, send_invitation_email true, app_metadata member_id=G-1004")
        #expect(lines[2] == "roles: member (the policy's roles; no --role given)")
        #expect(lines[3] == "Invitations to organization globex: 1 to create, 1 skipped, 0 rejected, 0 failed. Dry run: nothing was sent.")
    }

    /// An SSO member with the password member's address but no (or another) member id does not make the
    /// password member moved; the same member id does, whatever the address.
    @Test(arguments: [
        ("ana@globex.example", [:], "not_invited"),
        ("ana@globex.example", ["member_id": "G-9999"], "not_invited"),
        ("ana@globex.example", ["member_id": 1001], "not_invited"),
        ("a.n.a@globex-sso.example", ["member_id": "G-1001"], "moved"),
        // Member ids compare byte for byte: spaces, a no-break or zero-width space, or case make another id.
        ("ana@globex.example", ["member_id": " G-1001"], "not_invited"),
        ("ana@globex.example", ["member_id": "G-1001\t"], "not_invited"),
        ("ana@globex.example", ["member_id": "G-1001\u{A0}"], "not_invited"),
        ("ana@globex.example", ["member_id": "G-1001\u{200B}"], "not_invited"),
        ("ana@globex.example", ["member_id": "g-1001"], "not_invited"),
    ] as [(String, [String: JSONValue], String)])
    func movedOnlyByMemberID(_ email: String, _ metadata: [String: JSONValue], _ status: String) async throws {
        let sso = Self.user(
            "samlp|globex-okta|ana", email, connection: "globex-okta", provider: "samlp", metadata)
        let work = try await Self.workspace([Self.ana, sso])
        let result = await Self.members(work, ["--format", "json"])
        #expect(result.exitCode == 0)
        let members = try Self.standing(result)
        #expect(members["auth0|600000000000000000000001"]?["status"] == .string(status))
        #expect(members["auth0|600000000000000000000001"]?["moved_to"] == (status == "moved" ? "samlp|globex-okta|ana" : nil))
        #expect(members["samlp|globex-okta|ana"]?["status"] == "keeps_access")
    }

    /// One member id is another only byte for byte: no trimming, no Unicode normalization.
    @Test(arguments: [
        ("G-1", "G-1", true), ("G-1", " G-1", false), ("G-1", "G-1 ", false), ("Caf\u{E9}-3", "Cafe\u{301}-3", false),
        ("Caf\u{E9}-3", "Caf\u{E9}-3", true),
    ])
    func memberIDsCompareByteForByte(_ first: String, _ second: String, _ same: Bool) {
        #expect(MemberStanding.sameMemberID(first, second) == same)
    }

    /// A blank member id is no member id: the member needs a manual decision, said as such.
    @Test(arguments: [("", "blank"), ("   ", "blank"), ("\u{A0}", "blank")] as [(String, String)])
    func blankMemberIDNeedsAManualDecision(_ value: String, _ word: String) async throws {
        let ana = Self.user("auth0|600000000000000000000001", "ana@globex.example", ["member_id": .string(value)])
        let work = try await Self.workspace([ana])
        let result = await Self.members(work, ["--format", "json"])
        let members = try Self.standing(result)
        #expect(members["auth0|600000000000000000000001"]?["status"] == "needs_manual_decision")
        #expect(members["auth0|600000000000000000000001"]?["note"] == .string("member_id in app_metadata is \(word)"))
    }

    /// A moved member is not invited again: `invite --migrate` reports it skipped, naming the SSO member.
    @Test func acceptedInvitationShowsMoved() async throws {
        let work = try await Self.workspace([Self.ana, Self.desk4])
        #expect(await Self.migrate(work).exitCode == 0)
        let live = try work.json()
        let org = live.organizationID("globex")
        let accepted = try #require(
            live.invitations(org).first { $0["app_metadata"]?["member_id"] == "G-1001" }?["id"])
        var top = try #require(live.objectValue)
        top["tenantplan_local"] = ["accept_invitations": [accepted]]
        try work.write("live.json", String(decoding: JSONValue.object(top).encoded(pretty: true), as: UTF8.self))

        let result = await Self.members(work, ["--format", "json"])
        #expect(result.exitCode == 0)
        let users = try #require(try work.json()["users"]?.arrayValue)
        let moved = try #require(users.first { $0["user_id"]?.stringValue?.hasPrefix("samlp|globex-okta|") == true })
        let movedID = try #require(moved["user_id"]?.stringValue)
        #expect(moved["app_metadata"] == ["member_id": "G-1001"])
        let members = try Self.standing(result)
        #expect(members["auth0|600000000000000000000001"]?["status"] == "moved")
        #expect(members["auth0|600000000000000000000001"]?["moved_to"] == .string(movedID))
        #expect(members["auth0|600000000000000000000004"]?["status"] == "invited")
        #expect(members[movedID]?["status"] == "keeps_access")

        let again = await Self.migrate(work)
        #expect(again.exitCode == 0)
        #expect(again.writes.isEmpty)
        #expect(again.stdout.hasPrefix(
            "skipped auth0|600000000000000000000001 (ana@globex.example): moved; \(movedID) signs in through SSO "
                + "with the same member_id\n"))
    }

    /// The policy's other required keys are copied from the old user's `app_metadata`; a member lacking one is
    /// refused, naming the policy line.
    @Test func otherRequiredKeys() async throws {
        let withCost = Self.user(
            "auth0|600000000000000000000007", "eve@globex.example", ["member_id": "G-1007", "cost_center": "CC-9", "x": "y"])
        let work = try await Self.workspace([Self.ana, withCost]) {
            $0.replacingOccurrences(of: "require_app_metadata: [member_id]", with: "require_app_metadata: [member_id, cost_center]")
        }
        let result = await Self.migrate(work, ["--dry-run"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == [
            "rejected auth0|600000000000000000000001 (ana@globex.example): app_metadata cost_center is required by the "
                + "invite policy of organization 'globex' (\(work.path("tenant"))/customers/globex.yaml:34)",
            "would invite auth0|600000000000000000000007 (eve@globex.example): client saas-web, connection globex-okta, "
                + "roles member, ttl 3d, send_invitation_email true, app_metadata cost_center=CC-9 member_id=G-1007",
            "roles: member (the policy's roles; no --role given)",
            "Invitations to organization globex: 1 to create, 0 skipped, 1 rejected, 0 failed. Dry run: nothing was sent.",
        ].joined(separator: "\n") + "\n")
    }

    /// The SSO connection: `--connection` must name an enterprise connection that stays enabled; an organization
    /// with none is refused, naming what stays. Nothing is written.
    @Test func ssoConnectionRefusals() async throws {
        let work = try await Self.workspace([Self.ana])
        let database = await Self.migrate(work, ["--connection", "Username-Password-Authentication"])
        #expect(database.exitCode == 1)
        #expect(database.writes.isEmpty)
        #expect(database.stderr == "tenantplan: invite refused: --connection 'Username-Password-Authentication' is not "
            + "an enterprise connection enabled for organization 'globex' once its plan is applied; its SSO "
            + "connections: globex-okta\n")
        let initech = await ExampleWorkspace.invite(work, "initech", ["--migrate"])
        #expect(initech.exitCode == 1)
        #expect(initech.writes.isEmpty)
        #expect(initech.stderr == "tenantplan: invite refused: organization 'initech' has no enterprise connection "
            + "enabled once its plan is applied (connections: Username-Password-Authentication); declare its SSO "
            + "connection under 'connections:' first\n")
        let named = await Self.migrate(work, ["--connection", "globex-okta", "--dry-run"])
        #expect(named.exitCode == 0)
    }
}
