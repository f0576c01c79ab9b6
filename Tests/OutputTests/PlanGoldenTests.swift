import Diff
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Output
import PlanModel
import Policy
import Testing
import TestSupport

/// Every plan format (text, markdown, json) of representative plans, compared whole with golden files under
/// `Resources/golden/` (README there): any change to a renderer's output fails until the files are recorded
/// again (`TENANTPLAN_RECORD=1 swift test --filter PlanGoldenTests`) and the diff reviewed.
@Suite struct PlanGoldenTests {
    /// The tenant directory as the user named it, in every header.
    static let directory = "tenants/example-prod"
    /// What the plans ran against.
    static let target = "local tenant live.json"
    /// 2026-06-15, 12:00 UTC: the day the policy rules run on.
    static let today = Date(timeIntervalSince1970: 1_781_524_800)

    /// `tenants/example-prod` against an empty tenant, its `${env:}` secrets set: every kind of create, secrets in
    /// request bodies.
    static func examplePlan() async throws -> (Plan, Tenant) {
        let result = TenantLoader.load(directory: ExampleTenant.url.path, environment: ExampleTenant.secrets)
        let tenant = try #require(result.tenant, "\(result.diagnostics)")
        let live = try await SnapshotReader.read(
            ManagementClient(transport: try LocalTenant(json: [:])), scope: Planner.readScope(for: tenant))
        return (try Planner(tenant: tenant, live: live).plan(), tenant)
    }

    /// globex: SSO-only on an Entra ID connection whose client secret comes from the environment.
    static let globexYAML = """
        organization:
          name: globex
          display_name: Globex
        login: sso-only
        connections:
          - connection: globex-entra
        enterprise_connections:
          - name: globex-entra
            strategy: waad
            options:
              domain: globex.onmicrosoft.com
              tenant_domain: globex.onmicrosoft.com
              client_id: 8f1c2b7e-0000-4000-8000-000000000002
              client_secret: ${env:GLOBEX_ENTRA_CLIENT_SECRET}
              domain_aliases: [globex.example]
              userid_attribute: oid
              should_trust_email_verified_connection: never_set_emails_as_verified

        """

    /// The secret globex's connection reads; never in any output.
    static let globexSecret = "globex-secret-from-env"

    /// ``driftedLive`` (every kind of change of the engine harness: field updates, options kept keys, a destroy,
    /// an adoption, enabled connections changed and removed) plus globex: its display name, its connection's
    /// domain aliases and secret drifted, a key Auth0 sets kept, and Google linked (a warning under sso-only).
    static var driftedPlusGlobex: JSONValue {
        var live = driftedLive.objectValue!
        live["organizations"] = .array(live["organizations"]!.arrayValue! + [
            [
                "id": "org_GLOBEX", "name": "globex", "display_name": "Globex Inc",
                "metadata": ["managed_by": "tenantplan"],
                "enabled_connections": [
                    [
                        "connection_id": "con_GLOBEX", "assign_membership_on_login": false, "show_as_button": true,
                        "connection": ["name": "globex-entra", "strategy": "waad"],
                    ],
                    [
                        "connection_id": "con_GOOGLE", "assign_membership_on_login": false, "show_as_button": true,
                        "connection": ["name": "google-oauth2", "strategy": "google-oauth2"],
                    ],
                ],
            ],
        ])
        live["connections"] = .array(live["connections"]!.arrayValue! + [
            [
                "id": "con_GLOBEX", "name": "globex-entra", "strategy": "waad", "metadata": ["managed_by": "tenantplan"],
                "options": [
                    "domain": "globex.onmicrosoft.com", "tenant_domain": "globex.onmicrosoft.com",
                    "client_id": "8f1c2b7e-0000-4000-8000-000000000002", "client_secret": "live-secret-value",
                    "domain_aliases": ["globex.test"], "userid_attribute": "oid",
                    "should_trust_email_verified_connection": "never_set_emails_as_verified",
                    "app_domain": "example-prod.eu.auth0.com", "waad_protocol": "openid-connect",
                ],
            ],
        ])
        live["connection_clients"] = .object(live["connection_clients"]!.objectValue!.merging(["con_GLOBEX": []]) { a, _ in a })
        return .object(live)
    }

    static func driftedPlan() async throws -> (Plan, Tenant) {
        let harness = try EngineHarness(
            customers: ["acme": EngineHarness.acmeYAML, "globex": globexYAML],
            environment: ["GLOBEX_ENTRA_CLIENT_SECRET": globexSecret])
        let (plan, _) = try await harness.plan(try LocalTenant(json: driftedPlusGlobex))
        return (plan, harness.tenant)
    }

    /// The three formats of one plan, by golden file extension.
    static func rendered(_ plan: Plan, _ tenant: Tenant) -> [(String, String)] {
        [
            ("txt", PlanTextRenderer(directory: directory, target: target).render(plan)),
            ("md", PlanMarkdownRenderer(directory: directory, target: target).render(plan)),
            ("json", PlanJSONRenderer(directory: directory, target: target)
                .render(plan, findings: PolicyEngine().check(tenant, today: today))),
        ]
    }

    /// `Tests/OutputTests/Resources` in the source tree, for recording.
    static let sourceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources")

    /// Compares `rendered` with `golden/NAME` byte for byte; with `TENANTPLAN_RECORD=1`, writes it first.
    static func compare(_ rendered: String, golden name: String) throws {
        if ProcessInfo.processInfo.environment["TENANTPLAN_RECORD"] == "1" {
            try Data(rendered.utf8).write(to: sourceURL.appendingPathComponent("golden/\(name)"))
        }
        let resources = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
        let expected = try Data(contentsOf: resources.appendingPathComponent("golden/\(name)"))
        #expect(
            Data(rendered.utf8) == expected,
            "golden/\(name) differs; run TENANTPLAN_RECORD=1 swift test --filter PlanGoldenTests and review the diff")
    }

    @Test func exampleAgainstAnEmptyTenant() async throws {
        let (plan, tenant) = try await Self.examplePlan()
        #expect((plan.toAdd, plan.toChange, plan.toDestroy) == (9, 0, 0))
        for (format, text) in Self.rendered(plan, tenant) {
            for secret in ExampleTenant.secrets.values { #expect(!text.contains(secret), "\(format)") }
            try Self.compare(text, golden: "example-empty.\(format)")
        }
    }

    @Test func driftedTenant() async throws {
        let (plan, tenant) = try await Self.driftedPlan()
        // What the golden files must show, so a recording cannot quietly lose it.
        #expect(plan.changes.contains { $0.action == .delete })
        #expect(plan.changes.contains { !$0.kept.isEmpty })
        #expect(!plan.warnings.isEmpty)
        for (format, text) in Self.rendered(plan, tenant) {
            #expect(!text.contains(Self.globexSecret), "\(format)")
            #expect(!text.contains("live-secret-value"), "\(format)")
            try Self.compare(text, golden: "drifted.\(format)")
        }
    }

    /// globex going `sso-only` with 7 password members at risk (5 named, 2 counted), a linked member and SSO
    /// members: the member impact block, its header line and the refusal note.
    @Test func memberImpact() async throws {
        let extra = (4...7).map { MemberImpactFixture.passwordUser("p\($0)", email: "m\($0)@globex.example", memberID: "G-\($0)") }
        let live = try LocalTenant(json: MemberImpactFixture.live(users: MemberImpactFixture.smallUsers + extra))
        let harness = try EngineHarness(
            tenantFile: MemberImpactFixture.tenantYAML, customers: ["globex": MemberImpactFixture.globexYAML])
        let (plan, _) = try await harness.plan(live)
        #expect(plan.memberLockouts.map(\.atRisk.count) == [7])
        for (format, text) in Self.rendered(plan, harness.tenant) {
            try Self.compare(text, golden: "member-impact.\(format)")
        }
    }
}
