import Foundation
import JSONValues
import Testing
import TestSupport

/// The apply gate on member lockout, through the command line (README, "What the plan promises"): `apply DIR` and
/// `apply FILE` refuse while a plan would lock members out, unless `--allow-member-lockout`; a saved plan records
/// the members at risk and is stale when they change.
@Suite struct MemberGateTests {
    typealias F = MemberImpactFixture

    /// globex going `sso-only` with three password members at risk, in a scratch workspace.
    static func workspace(users: [JSONValue] = F.smallUsers) throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "member-gate")
        try work.write("tenant/tenant.yaml", F.tenantYAML)
        try work.write("tenant/customers/globex.yaml", F.globexYAML)
        try Self.seed(work, users: users)
        return work
    }

    static func seed(_ work: CaseWorkspace, users: [JSONValue]) throws {
        try work.write("live.json", String(decoding: F.live(users: users).encoded(pretty: true), as: UTF8.self))
    }

    static let refusal = """
        tenantplan: apply refused: the plan would lock members out (organization "globex": 3 of 6 members); nothing \
        was applied. Invite them to the organization's SSO connection first (docs/sso-enforcement.md), or run apply \
        with --allow-member-lockout if that is intended

        """

    @Test func applyDirectoryRefusesThenAppliesWithTheFlag() async throws {
        let work = try Self.workspace()
        let refused = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr == Self.refusal)
        #expect(refused.writes == [])
        #expect(refused.stdout.hasSuffix("""
            ! apply needs --allow-member-lockout (would lock out 3 members of organization "globex")
            Plan: 0 to add, 1 to change, 0 to destroy.

            """))
        let applied = await work.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve", "--allow-member-lockout"])
        #expect(applied.exitCode == 0, "\(applied.output)")
        #expect(applied.writes == ["DELETE /api/v2/organizations/org_GLOBEX/enabled_connections/con_DB"])
        // Given the flag, the plan shown does not ask for it.
        #expect(!applied.stdout.contains("apply needs"))
    }

    @Test func savedPlanRecordsTheMembersAndApplyFileIsGatedToo() async throws {
        let work = try Self.workspace()
        let planned = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--out", work.path("plan.json")])
        #expect(planned.exitCode == 0, "\(planned.output)")
        // SHA-256 of the sorted at-risk user ids, each followed by a newline (as `sha256sum` computes it).
        let digest = "sha256:62fe2ef679e2ee5bfaefe4759d345820f4d52394eb88cf239b88e22ab2e518f6"
        #expect(try work.json("plan.json")["member_impact"] == [
            ["organization": "globex", "at_risk": 3, "digest": .string(digest)]
        ])
        #expect(try !String(decoding: work.data("plan.json"), as: UTF8.self).contains("ana@globex.example"))
        let refused = await work.run(["apply", work.path("plan.json"), "--tenant", "local:live.json"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr == Self.refusal)
        #expect(refused.writes == [])
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:live.json", "--allow-member-lockout"])
        #expect(applied.exitCode == 0, "\(applied.output)")
        #expect(applied.writes == ["DELETE /api/v2/organizations/org_GLOBEX/enabled_connections/con_DB"])
    }

    /// A password member added between plan and apply makes the saved plan stale, even with the flag.
    @Test(arguments: [
        // Another password member: 4 at risk now.
        (F.passwordUser("p4", email: "di@globex.example", memberID: "G-4"),
         "organization \"globex\": 3 members at risk when planned, 4 now"),
        // An SSO member: nobody new at risk, the plan still applies.
        (F.ssoUser("s9"), nil),
    ] as [(JSONValue, String?)])
    func memberAddedBetweenPlanAndApply(added: JSONValue, stale: String?) async throws {
        let work = try Self.workspace()
        _ = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--out", work.path("plan.json")])
        try Self.seed(work, users: F.smallUsers + [added])
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:live.json", "--allow-member-lockout"])
        guard let stale else {
            #expect(applied.exitCode == 0, "\(applied.output)")
            return
        }
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr == """
            tenantplan: apply refused: \(work.path("plan.json")) is stale: the members the plan would lock out changed since the plan was made:
              \(stale)
            Run tenantplan plan again, review the new plan, and apply that; nothing was applied.

            """)
    }

    /// The same count, other members: one password member replaced by another.
    @Test func otherMembersAtRiskWithTheSameCountAreStale() async throws {
        let work = try Self.workspace()
        _ = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--out", work.path("plan.json")])
        var users = F.smallUsers
        users[1] = F.passwordUser("p9", email: "eve@globex.example", memberID: "G-9")
        try Self.seed(work, users: users)
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:live.json", "--allow-member-lockout"])
        #expect(applied.exitCode == 1)
        #expect(applied.stderr.contains(
            "\n  organization \"globex\": 3 members at risk when planned, 3 now, not the same members\n"))
    }
}
