import Apply
import Diff
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Members
import Output
import Testing
import TestSupport

/// The member impact of a plan that removes a login path (README, "What the plan promises"): who is read, who is
/// at risk, how plans show it, and the apply gate.
@Suite struct MemberImpactTests {
    typealias F = MemberImpactFixture

    static func harness() throws -> EngineHarness {
        try EngineHarness(tenantFile: F.tenantYAML, customers: ["globex": F.globexYAML])
    }

    /// The requests the member impact read sent (everything after the snapshot's requests).
    static func memberRequests(_ live: LocalTenant) async -> [String] {
        await live.servedRequests.map(\.description).filter {
            $0.contains("/members") || $0.contains("/api/v2/users")
        }
    }

    static func userRead(_ id: String) -> String {
        "GET /api/v2/users/\(id)?fields=user_id,email,identities,app_metadata&include_fields=true"
    }

    static func search(_ memberID: String) -> String {
        "GET /api/v2/users?fields=user_id,email,identities,app_metadata&include_fields=true&per_page=100"
            + "&q=app_metadata.member_id:\"\(memberID)\"&search_engine=v3"
    }

    @Test func smallOrganizationPlanInText() async throws {
        let live = try LocalTenant(json: F.live(users: F.smallUsers))
        let (plan, text) = try await Self.harness().plan(live)
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 2 connections, 0 clients, 0 roles in 5 requests
              + 7 requests for member impact (6 members, 4 users read)

              ~ organization "globex"                                customers/globex.yaml:2
                  - enabled connection "globex-db"  [security: login: sso-only]
                    ! 3 of 6 members would be locked out (they sign in only with "globex-db"): auth0|p1 ana@globex.example, auth0|p2 bo@globex.example, auth0|p3 (no e-mail)

            ! apply needs --allow-member-lockout (would lock out 3 members of organization "globex")
            Plan: 0 to add, 1 to change, 0 to destroy.

            """)
        // Read: the member page, then the password members and the linked one; the SSO members are not read.
        // Then one search per member at risk carrying a member id (has the person moved?).
        #expect(await Self.memberRequests(live) == [
            "GET /api/v2/organizations/org_GLOBEX/members?fields=user_id,email&include_fields=true&take=100",
            Self.userRead("auth0%7Cp1"), Self.userRead("auth0%7Cl1"), Self.userRead("auth0%7Cp2"),
            Self.userRead("auth0%7Cp3"), Self.search("G-1"), Self.search("G-2"),
        ])
        let impact = try #require(plan.memberImpacts.first)
        #expect(impact.atRisk.map(\.userID) == ["auth0|p1", "auth0|p2", "auth0|p3"])
        #expect(impact.atRisk.map(\.memberKey) == ["G-1", "G-2", nil])
    }

    /// 250 members, 3 of them password-only: 3 member pages (100, 100, 50, with their `from` cursors), the 3
    /// password members' users (the 247 SSO members are not read), then a search per member id.
    @Test func organizationOf250MembersWith3AtRisk() async throws {
        var users = (1...247).map { F.ssoUser("s\($0)") }
        users.insert(F.passwordUser("p1", email: "ana@globex.example", memberID: "G-1"), at: 10)
        users.insert(F.passwordUser("p2", email: "bo@globex.example", memberID: "G-2"), at: 150)
        users.insert(F.passwordUser("p3", email: "cy@globex.example", memberID: "G-3"), at: 249)
        let live = try LocalTenant(json: F.live(users: users))
        let (plan, text) = try await Self.harness().plan(live)
        let members = "GET /api/v2/organizations/org_GLOBEX/members?fields=user_id,email"
        #expect(await Self.memberRequests(live) == [
            "\(members)&include_fields=true&take=100",
            "\(members)&from=cDoxMDA=&include_fields=true&take=100",
            "\(members)&from=cDoyMDA=&include_fields=true&take=100",
            Self.userRead("auth0%7Cp1"), Self.userRead("auth0%7Cp2"), Self.userRead("auth0%7Cp3"),
            Self.search("G-1"), Self.search("G-2"), Self.search("G-3"),
        ])
        #expect(plan.memberImpactRequests == 9)
        #expect(plan.read.requests == 5)
        #expect(text.contains("\n  + 9 requests for member impact (250 members, 3 users read)\n"))
        #expect(text.contains("""
                    ! 3 of 250 members would be locked out (they sign in only with "globex-db"): auth0|p1 ana@globex.example, auth0|p2 bo@globex.example, auth0|p3 cy@globex.example

            """))
    }

    /// Who is read: only members whose primary identity may not be on a connection still enabled.
    @Test(arguments: [
        ("auth0|x", true),  // the removed database connection's provider
        ("waad|globex-entra|x", false),  // an enterprise id naming the kept connection
        ("waad|other-entra|x", true),  // an enterprise id naming a connection not enabled: may be linked
        ("waad|x", false),  // the kept connection's strategy, no removed one's
        ("google-oauth2|x", true),  // a connection not enabled for the organization: may be linked
        ("no-provider", true),
    ])
    func candidates(userID: String, read: Bool) {
        let change = LoginPathChange(
            organizationID: "org_GLOBEX", organization: "globex", removed: [.init(name: "globex-db", strategy: "auth0")],
            remaining: ["globex-entra"], remainingStrategies: ["waad"])
        #expect(MemberImpactReader.isCandidate(LiveMember(userID: userID, email: nil), of: change) == read)
    }

    /// At risk: an identity on a removed connection and none on a kept one. A linked SSO identity keeps a member
    /// in; a member who could not sign in before (only a connection never enabled) is not locked out by the plan.
    @Test func linkedAndNeverEnabledMembersAreNotAtRisk() async throws {
        let google: JSONValue = [
            "user_id": "google-oauth2|g1", "email": "g1@globex.example",
            "identities": [["connection": "google-oauth2", "provider": "google-oauth2", "user_id": "g1", "isSocial": true]],
        ]
        let users = [F.linkedUser("l1"), google, F.passwordUser("p1", email: "ana@globex.example", memberID: nil)]
        let (plan, _) = try await Self.harness().plan(try LocalTenant(json: F.live(users: users)))
        let impact = try #require(plan.memberImpacts.first)
        #expect(impact.candidateCount == 3)
        #expect(impact.atRisk.map(\.userID) == ["auth0|p1"])
        #expect(impact.requests == 4)
    }

    /// A user deleted between the member list and its read (404) is not counted.
    @Test func userDeletedAfterTheMemberListIsNotCounted() async throws {
        let live = try LocalTenant(json: F.live(users: F.smallUsers))
        let gone = UserGoneTransport(inner: live, goneUserPath: "/api/v2/users/auth0%7Cp2")
        let harness = try Self.harness()
        let planned = try await LivePlan.compute(for: harness.tenant, through: ManagementClient(transport: gone))
        let impact = try #require(planned.plan.memberImpacts.first)
        #expect(impact.atRisk.map(\.userID) == ["auth0|p1", "auth0|p3"])
        #expect(impact.candidateCount == 4)
        #expect(impact.requests == 6)
    }

    /// An organization whose links only grow reads no member: the request count is the snapshot's.
    @Test func growingLinksReadNoMember() async throws {
        let yaml = F.globexYAML.replacingOccurrences(of: "login: sso-only", with: "login: sso-and-password")
            .replacingOccurrences(of: "  - connection: globex-entra\n", with: "  - connection: globex-entra\n  - connection: globex-db\n")
        var live = F.live(users: F.smallUsers).objectValue!
        var globex = live["organizations"]!.arrayValue![0].objectValue!
        globex["enabled_connections"] = [F.link("con_ENTRA", "globex-entra", "waad")]
        live["organizations"] = [.object(globex)]
        let tenant = try LocalTenant(json: .object(live))
        let harness = try EngineHarness(tenantFile: F.tenantYAML, customers: ["globex": yaml])
        let (plan, text) = try await harness.plan(tenant)
        #expect(plan.requests.map(\.line) == ["POST /api/v2/organizations/org_GLOBEX/enabled_connections"])
        #expect(plan.memberImpacts.isEmpty)
        #expect(plan.memberImpactRequests == 0)
        #expect(await Self.memberRequests(tenant) == [])
        #expect(await tenant.servedRequests.count == plan.read.requests)
        #expect(!text.contains("member impact"))
    }

    /// The gate: apply refuses, naming the organization and the count, until `--allow-member-lockout`.
    @Test func applyRefusesUntilAllowed() async throws {
        let live = try LocalTenant(json: F.live(users: F.smallUsers))
        let harness = try Self.harness()
        await #expect(throws: ApplyRefusal.memberLockoutNotAllowed(["organization \"globex\": 3 of 6 members"])) {
            _ = try await harness.apply(live)
        }
        #expect(await live.servedRequests.filter(\.isWrite).isEmpty)
        #expect(ApplyRefusal.memberLockoutNotAllowed(["organization \"globex\": 3 of 6 members"]).description == """
            the plan would lock members out (organization "globex": 3 of 6 members); nothing was applied. Invite them \
            to the organization's SSO connection first (docs/sso-enforcement.md), or run apply with \
            --allow-member-lockout if that is intended
            """)
        let report = try await harness.apply(live, options: ApplyOptions(allowMemberLockout: true))
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).map(\.description) == [
            "DELETE /api/v2/organizations/org_GLOBEX/enabled_connections/con_DB"
        ])
        // With the flag given, the plan no longer says apply needs it.
        let (_, after) = try await harness.plan(live)
        #expect(!after.contains("member"))
    }

    /// An accepted migration invitation: the new SSO user carries ana's member id, so ana has moved and the
    /// impact drops by one; bo, without an accepted invitation, and the member without a member id stay at risk.
    @Test func acceptedInvitationDropsTheImpactByOne() async throws {
        let invitation: JSONValue = [
            "id": "uinv_ANA", "organization_id": "org_GLOBEX", "client_id": "cli_1", "connection_id": "con_ENTRA",
            "inviter": ["name": "Globex IT"], "invitee": ["email": "ana@globex.example"],
            "app_metadata": ["member_id": "G-1"], "created_at": "2026-06-01T00:00:00.000Z",
            "expires_at": "2099-01-01T00:00:00.000Z", "ticket_id": "T1",
            "invitation_url": "https://portal.example/login?invitation=T1",
        ]
        let before = F.live(users: F.smallUsers, extra: ["invitations": ["org_GLOBEX": [invitation]]])
        let harness = try Self.harness()
        let (first, _) = try await harness.plan(try LocalTenant(json: before))
        #expect(first.memberImpacts.map(\.atRisk.count) == [3])
        var accepted = before.objectValue!
        accepted["tenantplan_local"] = ["accept_invitations": ["uinv_ANA"]]
        let (second, text) = try await harness.plan(try LocalTenant(json: .object(accepted)))
        let impact = try #require(second.memberImpacts.first)
        #expect(impact.atRisk.map(\.userID) == ["auth0|p2", "auth0|p3"])
        #expect(impact.moved.map(\.userID) == ["auth0|p1"])
        #expect(impact.memberCount == 7)
        #expect(text.contains("""
                    ! 2 of 7 members would be locked out (they sign in only with "globex-db") (1 moved member not counted): auth0|p2 bo@globex.example, auth0|p3 (no e-mail)

            """))
    }

    /// The member-id search quotes the value: `"` and `\` in a member id are escaped, so it finds that id only.
    @Test(arguments: ["G-\"7\\", "G-7", "G-\\"])
    func memberIDSearchEscapesTheValue(memberID: String) async throws {
        let users = [
            F.passwordUser("p1", email: nil, memberID: "G-\"7\\"), F.passwordUser("p2", email: nil, memberID: "G-7"),
            F.passwordUser("p3", email: nil, memberID: "G-\\"),
        ]
        let client = ManagementClient(transport: try LocalTenant(json: F.live(users: users)))
        let found = try await client.users(appMetadata: "member_id", equalTo: memberID)
        let expected = ["G-\"7\\": "auth0|p1", "G-7": "auth0|p2", "G-\\": "auth0|p3"][memberID]!
        #expect(found.map(\.userID) == [expected])
    }
}
