import Foundation
import JSONValues
import Testing
import TestSupport

/// shared/cases c09, c11, c12: what is managed, what is left alone, drift fixed in place.
@Suite struct PlanCasesTests {
    @Test func c09AbsentSectionNotManaged() async throws {
        let work = try CaseWorkspace(case: "c09-absent-section-not-managed")
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 0)
        #expect(plan.planLines.contains(
            "Plan: 0 to add, 0 to change, 0 to destroy. 3 organizations and 2 connections not managed here were left alone."))
        #expect(!plan.planLines.contains { $0.hasPrefix("- organization") || $0.hasPrefix("- connection") })
        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve", "--allow-destroy"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == [])
    }

    @Test func c09EmptyListDestroysMarkedOnly() async throws {
        let work = try CaseWorkspace(case: "c09-absent-section-not-managed")
        try work.append("tenant/tenant.yaml", "connections: []")
        let original = try work.data("live.json")

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains("- connection \"legacy-db\" (auth0)"))
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 1 to destroy.") })
        #expect(!plan.planLines.contains {
            ($0.hasPrefix("+") || $0.hasPrefix("~") || $0.hasPrefix("-"))
                && ($0.contains("Username-Password-Authentication") || $0.contains("organization"))
        })

        let refused = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(refused.exitCode == 1)
        #expect(refused.writes == [])
        #expect(refused.stderr.contains(
            "tenantplan: apply refused: the plan destroys connection \"legacy-db\" (auth0); nothing was applied. "
                + "Review the plan and run apply with --allow-destroy to destroy them"))
        #expect(try work.data("live.json") == original)

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve", "--allow-destroy"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["DELETE /api/v2/connections/con_XqbTZs0zF5KHvwbO"])
        #expect(plan.planLines.contains("! apply needs --allow-destroy"))
        #expect(!apply.stdout.contains("! apply needs --allow-destroy"))

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
    }

    @Test func c11UnmanagedClientsKept() async throws {
        let work = try CaseWorkspace(case: "c11-unmanaged-clients-kept")
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 0)
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
        #expect(!plan.stdout.contains("legacy-admin"))
        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == [])
    }

    @Test func c11ManagedClientRemoved() async throws {
        let work = try CaseWorkspace(case: "c11-unmanaged-clients-kept")
        try work.edit("tenant/tenant.yaml", line: 12, "enabled_clients: []")
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("~ connection \"google-oauth2\" (google-oauth2)") && $0.hasSuffix("tenant.yaml:7") })
        #expect(plan.planLines.contains("- enabled client \"saas-web\""))
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 1 to change, 0 to destroy.") })
        #expect(!plan.stdout.contains("legacy-admin"))

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["PATCH /api/v2/connections/con_y11kpttyhLg9DYbg/clients"])
        #expect(apply.requests.first { $0.isWrite }?.body
            == [["client_id": "Y5wqCLted6hzsIXy91yodKB28YoQ88CH", "status": false]])
        #expect(!apply.requests.contains {
            $0.path.contains("t6qayyisKaWu5paelaid4JHh3weur6Ru") || ($0.body?.compactText.contains("t6qayyisKaWu5paelaid4JHh3weur6Ru") ?? false)
        })
        #expect(try work.json()["connection_clients"]?["con_y11kpttyhLg9DYbg"] == ["t6qayyisKaWu5paelaid4JHh3weur6Ru"])

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
    }

    @Test func c12DashboardDriftDetected() async throws {
        let work = try CaseWorkspace(case: "c12-dashboard-drift-detected")
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        let lines = plan.planLines
        #expect(lines.contains { $0.hasPrefix("~ organization \"acme\"") && $0.hasSuffix("customers/acme.yaml:2") })
        #expect(lines.contains("~ enabled connection \"google-oauth2\"  (assign_membership_on_login: true -> false)"))
        #expect(lines.contains { $0.hasPrefix("~ connection \"Username-Password-Authentication\" (auth0)") && $0.hasSuffix("tenant.yaml:4") })
        #expect(lines.contains("- enabled client \"reporting\""))
        #expect(lines.contains("Plan: 0 to add, 2 to change, 0 to destroy."))
        #expect(!plan.stdout.contains("metadata") && !plan.stdout.contains("managed_by"))
        #expect(!lines.contains { $0.hasPrefix("~ connection \"google-oauth2\"") || $0.contains("enabled client \"saas-web\"") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == [
            "PATCH /api/v2/connections/con_5jZC70MkGBwuhRhg/clients",
            "PATCH /api/v2/organizations/org_vwJnouuj6EmGKkxr/enabled_connections/con_31m9pxoA3Oi03HzR",
        ])
        let writes = apply.requests.filter(\.isWrite)
        #expect(writes[0].body == [["client_id": "SirGYydsPS9Pved4BTisCtY4AWZaOWh5", "status": false]])
        #expect(writes[1].body?["assign_membership_on_login"] == false)
        #expect(writes[1].body?["is_signup_enabled"] == nil)

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
        #expect(again.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
        let live = try work.json()
        #expect(live["connection_clients"]?["con_5jZC70MkGBwuhRhg"] == ["BkoEqp3ATtKB2JmEIQM2iYd4yn9WN354"])
        let acme = try #require(live.organization(named: "acme"))
        #expect(acme["enabled_connections"]?.arrayValue?.first?["assign_membership_on_login"] == false)
        #expect(acme["metadata"]?["managed_by"] == "tenantplan")
    }
}
