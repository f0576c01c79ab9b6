import Auth0HTTP
import CLI
import Foundation
import LocalTenant
import ManagementAPI
import TestSupport
import Testing

/// `read:organization_members` and `read:users` are needed only by a plan that removes a login path, and checked
/// before its first member request (README, "Running against Auth0").
@Suite("Member impact scopes")
struct MemberImpactScopeTests {
    typealias F = MemberImpactFixture

    /// Every scope the loopback grants by default except the two member-impact reads.
    static let withoutMemberScopes = LoopbackAuth0.allScopes.split(separator: " ")
        .filter { $0 != "read:organization_members" && $0 != "read:users" }.joined(separator: " ")

    /// `plan DIR` of globex going `sso-only` against a loopback Auth0 whose tokens carry `scope`.
    static func plan(scope: String, growOnly: Bool = false) async throws -> (code: Int32, stdout: String, stderr: String, served: [String]) {
        let work = try CaseWorkspace(empty: "member-impact-scopes")
        try work.write("tenant/tenant.yaml", F.tenantYAML)
        let globex = growOnly
            ? F.globexYAML.replacingOccurrences(of: "login: sso-only", with: "login: sso-and-password")
                .replacingOccurrences(of: "  - connection: globex-entra\n", with: "  - connection: globex-entra\n  - connection: globex-db\n")
            : F.globexYAML
        try work.write("tenant/customers/globex.yaml", globex)
        let tenant = try LocalTenant(json: F.live(users: F.smallUsers))
        let auth0 = LoopbackAuth0(tenant: tenant, clientSecret: ScriptedAuth0.secret, scope: scope)
        let server = try LoopbackServer(handler: auth0.handler)
        defer { server.stop() }
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: [
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID,
                "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
            ],
            stdout: stdout, stderr: stderr, openTenant: TenantSelection.open,
            clock: { Date(timeIntervalSince1970: 0) })  // a stopped clock: no progress line, however slow the machine
        let code = await TenantplanCLI.run(["plan", work.path("tenant"), "--max-rps", "100"], context: context)
        return (code, stdout.text, stderr.text, await tenant.servedRequests.map(\.description))
    }

    @Test func missingScopesStopThePlanBeforeAnyMemberRequest() async throws {
        let result = try await Self.plan(scope: Self.withoutMemberScopes)
        #expect(result.code == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            tenantplan: error: the token lacks scopes needed to read the members who would be locked out of \
            organization "globex" (the plan removes enabled connections): read:organization_members, read:users

            """)
        #expect(!result.served.contains { $0.contains("/members") || $0.contains("/api/v2/users") })
        #expect(result.served.count == 5)
    }

    @Test func oneMissingScopeIsNamedAlone() async throws {
        let result = try await Self.plan(scope: Self.withoutMemberScopes + " read:users")
        #expect(result.code == 1)
        #expect(result.stderr.hasSuffix("(the plan removes enabled connections): read:organization_members\n"))
    }

    @Test func withTheScopesThePlanNamesTheMembersAtRisk() async throws {
        let result = try await Self.plan(scope: Self.withoutMemberScopes + " read:organization_members read:users")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n  + 7 requests for member impact (6 members, 4 users read)\n"))
        #expect(result.stdout.contains("! 3 of 6 members would be locked out"))
    }

    /// A plan whose links only grow needs neither scope.
    @Test func growingLinksNeedNoMemberScope() async throws {
        let result = try await Self.plan(scope: Self.withoutMemberScopes, growOnly: true)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.served.count == 5)
    }
}
