import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
import Output
import Testing
import TestSupport

/// A `strategy` change replaces the connection: refused without the flag; deletes first, creates second, and
/// waits out Auth0's asynchronous delete (409 retried, never adopted); the organization's link is re-created.
@Suite struct ReplacementTests {
    static let live: JSONValue = [
        "organizations": [
            [
                "id": "org_ACME", "name": "acme", "display_name": "Acme Corp",
                "metadata": ["customer_id": "c-1", "managed_by": "tenantplan"],
                "enabled_connections": [
                    [
                        "connection_id": "con_OLD", "assign_membership_on_login": false, "show_as_button": true,
                        "connection": ["name": "Username-Password-Authentication", "strategy": "oidc"],
                    ]
                ],
            ]
        ],
        "connections": [
            [
                "id": "con_OLD", "name": "Username-Password-Authentication", "strategy": "oidc",
                "options": ["passwordPolicy": "good"], "metadata": ["managed_by": "tenantplan"],
            ]
        ],
        "connection_clients": ["con_OLD": ["cli_SAAS"]],
        "clients": [
            [
                "client_id": "cli_SAAS", "name": "saas-web", "app_type": "regular_web", "organization_usage": "require",
                "client_metadata": ["managed_by": "tenantplan"],
            ]
        ],
        "roles": [["id": "rol_MEMBER", "name": "member", "description": "Member"]],
    ]

    @Test func planShowsReplacementAndApplyNeedsTheFlag() async throws {
        let harness = try EngineHarness()
        let local = try LocalTenant(json: Self.live)
        let (plan, text) = try await harness.plan(local)
        #expect(text.contains("""
              -/+ connection "Username-Password-Authentication" (auth0) tenant.yaml:4
                  ~ strategy: "oidc" -> "auth0"
                  + options.passwordPolicy: "good"
                  + enabled client "saas-web"
                    note: replace: strategy oidc -> auth0 deletes the connection and creates it again: its users are deleted and sign up again as new users
                    ! apply needs --allow-identity-change
            """))
        #expect(text.contains("+ enabled connection \"Username-Password-Authentication\"  (assign_membership_on_login: false)"))
        #expect(text.hasSuffix("Plan: 1 to add, 1 to change, 1 to destroy.\n"))
        await #expect(throws: ApplyRefusal.self) {
            try await Applier(client: ManagementClient(transport: local)).apply(plan, options: ApplyOptions())
        }
        #expect(await local.servedRequests.filter(\.isWrite).isEmpty)
    }

    @Test func pendingDeleteIsWaitedOutNotAdopted() async throws {
        let harness = try EngineHarness()
        let local = try LocalTenant(json: Self.live, faults: LocalTenant.Faults(pendingDeleteConflicts: 2))
        let (plan, _) = try await harness.plan(local)
        let applier = Applier(client: ManagementClient(transport: local), replacementRetryDelay: 0)
        let report = try await applier.apply(plan, options: ApplyOptions(allowIdentityChange: true))
        #expect(report.succeeded)
        #expect(report.done.first { RequestSummary.text($0.planned) == "create connection \"Username-Password-Authentication\"" }?.detail
            == "created after waiting for the delete to finish (2 retries)")
        let state = await local.snapshotJSON
        let newID = try #require(state.connection(named: "Username-Password-Authentication")?["id"]?.stringValue)
        #expect(newID != "con_OLD")
        #expect(await local.servedRequests.filter(\.isWrite).map(\.description) == [
            "DELETE /api/v2/connections/con_OLD",
            "POST /api/v2/connections", "POST /api/v2/connections", "POST /api/v2/connections",
            "PATCH /api/v2/connections/\(newID)/clients",
            "POST /api/v2/organizations/org_ACME/enabled_connections",
        ])
        #expect(state.organization(named: "acme")?["enabled_connections"]?.arrayValue?.map { $0["connection_id"] }
            == [.string(newID)])
        #expect(try await harness.plan(local).plan.isEmpty)
    }
}
