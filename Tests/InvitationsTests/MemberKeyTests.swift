import Foundation
import Invitations
import JSONValues
import ManagementAPI
import PlanModel
import Testing
import TestSupport

/// Only the key that identifies the member (`member_id`, or the policy's `member_key`) must be unique across
/// addresses; the other `require_app_metadata` keys are required but may repeat. `invite` states the roles it
/// grants.
@Suite struct MemberKeyTests {
    static func template(required: [String], memberKey: String?) -> InvitationTemplate {
        InvitationTemplate(
            organization: "acme", file: "customers/acme.yaml", inviterName: "Acme Corp", client: "saas-web",
            connection: "acme-entra", roles: ["member"], ttlSeconds: 604_800, sendInvitationEmail: true,
            requiredAppMetadata: required,
            requiredAppMetadataLocation: SourceLocation(file: "customers/acme.yaml", line: 9, column: 3),
            memberKey: memberKey)
    }

    static func statuses(_ report: InvitationReport) -> [String] {
        report.outcomes.map { outcome in
            switch outcome.status {
            case .created: "created \(outcome.email ?? "")"
            case .rejected(let refusals): "rejected \(outcome.email ?? ""): " + refusals.map { $0.rendered(directory: "t") }.joined(separator: "; ")
            default: "other \(outcome.email ?? "")"
            }
        }
    }

    @Test(
        "two addresses: a shared required key that is not the member key may repeat; a shared member key may not",
        arguments: [
            // Before: every required key had to be unique, so the shared cost_center refused bob.
            (["member_id", "cost_center"], "member_id", ["m-1", "m-2"], ["cc-7", "cc-7"],
             ["created ann@acme.example", "created bob@acme.example"]),
            (["member_id", "cost_center"], "member_id", ["m-1", "m-1"], ["cc-7", "cc-8"],
             ["created ann@acme.example",
              "rejected bob@acme.example: member_id=m-1 is already used by ann@acme.example: one member id must identify one person"]),
            // The policy names another member key: member_id then may repeat, employee_no may not.
            (["employee_no", "member_id"], "employee_no", ["m-1", "m-1"], ["e-1", "e-2"],
             ["created ann@acme.example", "created bob@acme.example"]),
            (["employee_no", "member_id"], "employee_no", ["m-1", "m-2"], ["e-1", "e-1"],
             ["created ann@acme.example",
              "rejected bob@acme.example: employee_no=e-1 is already used by ann@acme.example: one member id must identify one person"]),
            // No required key identifies the member: nothing must be unique.
            (["member_id_x", "cost_center"], nil, ["m-1", "m-1"], ["cc-7", "cc-7"],
             ["created ann@acme.example", "created bob@acme.example"]),
        ] as [([String], String?, [String], [String], [String])])
    func uniqueness(required: [String], memberKey: String?, ids: [String], others: [String], expected: [String]) async throws {
        let tenant = try InviterTests.tenant()
        let other = required[1]
        let idKey = required[0] == memberKey ? required[0] : (memberKey == nil ? required[0] : "member_id")
        func metadata(_ i: Int) -> [String: String] {
            memberKey == "employee_no"
                ? ["employee_no": others[i], "member_id": ids[i]]
                : [idKey: ids[i], other: others[i]]
        }
        let invitees = [
            Invitee(email: "ann@acme.example", appMetadata: metadata(0), line: 2),
            Invitee(email: "bob@acme.example", appMetadata: metadata(1), line: 3),
        ]
        let report = try await Inviter(client: ManagementClient(transport: tenant))
            .run(Self.template(required: required, memberKey: memberKey), invitees: invitees).get()
        #expect(Self.statuses(report) == expected)
    }

    @Test("a pending invitation holding the member key of another address refuses it; a shared cost_center does not")
    func pendingHolders() async throws {
        let tenant = try InviterTests.tenant()
        let inviter = Inviter(client: ManagementClient(transport: tenant))
        let template = Self.template(required: ["member_id", "cost_center"], memberKey: "member_id")
        _ = try await inviter.run(
            template, invitees: [Invitee(email: "ann@acme.example", appMetadata: ["member_id": "m-1", "cost_center": "cc-7"])]
        ).get()
        let report = try await inviter.run(template, invitees: [
            Invitee(email: "bob@acme.example", appMetadata: ["member_id": "m-2", "cost_center": "cc-7"], line: 2),
            Invitee(email: "cy@acme.example", appMetadata: ["member_id": "m-1", "cost_center": "cc-9"], line: 3),
        ]).get()
        #expect(Self.statuses(report) == [
            "created bob@acme.example",
            "rejected cy@acme.example: member_id=m-1 is already used by ann@acme.example: one member id must identify one person",
        ])
    }

    @Test("invite --from-csv: two invitees with the same cost_center are both invited")
    func csvSharedCostCenter() async throws {
        let work = try await ExampleWorkspace.applied()
        try work.edit("tenant/customers/acme.yaml", line: 39, "require_app_metadata: [member_id, cost_center]")
        try "email,member_id,cost_center\nann@acme.example,m-1,cc-7\nbob@acme.example,m-2,cc-7\ncy@acme.example,m-1,cc-8\n"
            .write(toFile: work.path("people.csv"), atomically: true, encoding: .utf8)
        let run = await ExampleWorkspace.invite(work, "acme", ["--from-csv", work.path("people.csv")])
        #expect(run.exitCode == 1)
        #expect(run.writes.count == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("invited ann@acme.example (line 2): uinv_"))
        #expect(lines[1].hasPrefix("invited bob@acme.example (line 3): uinv_"))
        #expect(Array(lines[2...]) == [
            "rejected cy@acme.example (line 4): member_id=m-1 is already used by ann@acme.example: one member id must identify one person",
            "roles: member (the policy's roles; no --role given)",
            "Invitations to organization acme: 2 created, 0 skipped, 1 rejected, 0 failed.",
        ])
    }

    @Test("member_key must be one of require_app_metadata: a load error naming file:line:column and the key")
    func memberKeyNotRequired() async throws {
        let work = try await ExampleWorkspace.applied()
        try work.edit("tenant/customers/acme.yaml", line: 39, "require_app_metadata: [member_id]\n  member_key: employee_no")
        let run = await ExampleWorkspace.invite(work, "acme", ["--email", "ann@acme.example", "--app-metadata", "member_id=m-1"])
        #expect(run.exitCode == 1)
        #expect(run.writes.isEmpty)
        #expect(run.stderr.contains(
            "customers/acme.yaml:40:15: error: invitations.member_key 'employee_no' is not one of require_app_metadata "
                + "(member_id): the key that identifies the member must be required"))
    }

    @Test("member_key names the key: employee_no must be unique, member_id may then repeat")
    func memberKeyFromPolicy() async throws {
        let work = try await ExampleWorkspace.applied()
        try work.edit(
            "tenant/customers/acme.yaml", line: 39, "require_app_metadata: [employee_no, member_id]\n  member_key: employee_no")
        let first = await ExampleWorkspace.invite(
            work, "acme", ["--email", "ann@acme.example", "--app-metadata", "member_id=m-1", "--app-metadata", "employee_no=e-1"])
        #expect(first.exitCode == 0, "\(first.output)")
        let shared = await ExampleWorkspace.invite(
            work, "acme", ["--email", "bob@acme.example", "--app-metadata", "member_id=m-1", "--app-metadata", "employee_no=e-2"])
        #expect(shared.exitCode == 0, "\(shared.output)")
        let taken = await ExampleWorkspace.invite(
            work, "acme", ["--email", "cy@acme.example", "--app-metadata", "member_id=m-3", "--app-metadata", "employee_no=e-1"])
        #expect(taken.exitCode == 1)
        #expect(taken.stdout == "rejected cy@acme.example: employee_no=e-1 is already used by ann@acme.example: "
            + "one member id must identify one person\n")
    }

    @Test("the roles an invitation grants are stated: the policy's, none, or --role; in text and JSON")
    func rolesStated() async throws {
        let work = try await ExampleWorkspace.applied()
        let requested = await ExampleWorkspace.invite(
            work, "acme", ["--email", "a1@acme.example", "--app-metadata", "member_id=r-1", "--role", "member"])
        #expect(requested.stdout.hasSuffix("\nroles: member (--role)\n"))
        try work.edit("tenant/customers/acme.yaml", line: 37, "roles: []")
        let none = await ExampleWorkspace.invite(work, "acme", ["--email", "a2@acme.example", "--app-metadata", "member_id=r-2"])
        #expect(none.exitCode == 0, "\(none.output)")
        #expect(none.stdout.hasSuffix("\nroles: (none; the policy lists no roles)\n"))
        let json = await ExampleWorkspace.invite(
            work, "acme", ["--email", "a3@acme.example", "--app-metadata", "member_id=r-3", "--format", "json"])
        let document = try JSONValue(data: Data(json.stdout.utf8))
        #expect(document["roles"] == [])
        #expect(document["roles_from"] == "policy")
    }
}
