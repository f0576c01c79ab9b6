import Foundation
import JSONValues
import Testing
import TestSupport

/// shared/cases c04, c05, c13: what apply sends, and what it never prints.
@Suite struct ApplyCasesTests {
    @Test func c04OptionsReplacedWhole() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let original = try work.json().connection(named: "legacy-db")!["options"]!.objectValue!

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("~ connection \"legacy-db\" (auth0)") && $0.hasSuffix("tenant.yaml:4") })
        #expect(plan.planLines.contains("~ options.passwordPolicy: \"none\" -> \"good\""))
        #expect(plan.planLines.contains(
            "kept (not managed here): options.authentication_methods, options.customScripts, options.disable_signup, "
                + "options.enabledDatabaseCustomization, options.import_mode, options.mfa, options.passkey_options, "
                + "options.requires_username, options.strategy_version"))
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 1 to change, 0 to destroy.") })
        #expect(!plan.stdout.contains("options.brute_force_protection:"))
        #expect(!plan.planLines.contains { $0.hasPrefix("- options.") || $0.contains("billing-portal") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["PATCH /api/v2/connections/con_C7DbWifvwGRkvDiH"])
        let body = try #require(apply.requests.first { $0.isWrite }?.body?.objectValue)
        var expected = original
        expected["passwordPolicy"] = "good"
        #expect(body["options"] == .object(expected))
        #expect(body["name"] == nil && body["strategy"] == nil && body["enabled_clients"] == nil)

        let live = try work.json()
        #expect(live.connection(named: "legacy-db")?["options"] == .object(expected))
        #expect(live["connection_clients"]?["con_C7DbWifvwGRkvDiH"] == ["8hqvwAbI5hISU5zFW6wTQG7KxaAv8E1j"])

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
        #expect(again.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
    }

    static let c05Secrets = ["LIVE-c05-7Qm2vX9pL4sN", "ROTATED-c05-Jd8wK3zR6tYb"]

    private func c05ExpectedOptions(_ work: CaseWorkspace, secret: String) throws -> JSONValue {
        var options = try work.json().connection(named: "acme-entra")!["options"]!.objectValue!
        options["domain_aliases"] = ["acme.example", "acme-group.example"]
        options["client_secret"] = .string(secret)
        return .object(options)
    }

    @Test(arguments: ["unset", "left-out"])
    func c05SecretUnsetKeepsLive(_ variant: String) async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        if variant == "left-out" { try work.deleteLines("tenant/customers/acme.yaml", 16...16) }
        let expected = try c05ExpectedOptions(work, secret: "LIVE-c05-7Qm2vX9pL4sN")

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("~ connection \"acme-entra\" (waad)") && $0.hasSuffix("customers/acme.yaml:9") })
        #expect(plan.planLines.contains("~ options.domain_aliases: [\"acme.example\"] -> [\"acme.example\",\"acme-group.example\"]"))
        if variant == "unset" {
            #expect(plan.planLines.contains("options.client_secret: (sensitive, from env ACME_ENTRA_CLIENT_SECRET, unset)"))
        } else {
            let kept = try #require(plan.planLines.first { $0.hasPrefix("kept (not managed here):") })
            #expect(kept.contains("options.client_secret"))
        }
        #expect(!plan.planLines.contains { $0.hasPrefix("- options.client_secret") || $0.hasPrefix("~ options.client_secret") })
        #expect(!plan.planLines.contains { $0.hasPrefix("~ organization \"acme\"") })
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 1 to change, 0 to destroy.") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["PATCH /api/v2/connections/con_zg1N36ezd6f0DwID"])
        let body = try #require(apply.requests.first { $0.isWrite }?.body)
        #expect(body["options"] == expected)
        #expect(body["name"] == nil && body["strategy"] == nil && body["enabled_clients"] == nil)

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
        #expect(again.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
        #expect(try work.json().connection(named: "acme-entra")?["options"]?["client_secret"] == "LIVE-c05-7Qm2vX9pL4sN")
        for result in [plan, apply, again] {
            for secret in Self.c05Secrets { #expect(!result.output.contains(secret)) }
        }
    }

    @Test func c05SecretRotated() async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let env = ["ACME_ENTRA_CLIENT_SECRET": "ROTATED-c05-Jd8wK3zR6tYb"]
        let expected = try c05ExpectedOptions(work, secret: "ROTATED-c05-Jd8wK3zR6tYb")

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"], environment: env)
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains("~ options.client_secret: (sensitive) -> (sensitive)"))
        #expect(plan.planLines.contains { $0.hasPrefix("~ options.domain_aliases") })
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 1 to change, 0 to destroy.") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: env)
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["PATCH /api/v2/connections/con_zg1N36ezd6f0DwID"])
        #expect(apply.requests.first { $0.isWrite }?.body?["options"] == expected)

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"], environment: env)
        #expect(again.exitCode == 0)
        for result in [plan, apply, again] {
            for secret in Self.c05Secrets { #expect(!result.output.contains(secret)) }
        }
    }

    @Test func c13EnabledClientsViaClientsEndpoint() async throws {
        let work = try CaseWorkspace(case: "c13-enabled-clients-via-clients-endpoint")
        let clientIDs = try work.json()["clients"]!.arrayValue!.map { $0["client_id"]!.stringValue! }
        #expect(clientIDs.count == 53)

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("+ connection \"archive-db\" (auth0)") && $0.hasSuffix("tenant.yaml:62") })
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 1 to add, 0 to change, 0 to destroy.") })
        #expect(!plan.planLines.contains { ($0.hasPrefix("~") || $0.hasPrefix("+") || $0.hasPrefix("-")) && $0.contains("library-db") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        let writes = apply.requests.filter(\.isWrite)
        #expect(writes.first?.description == "POST /api/v2/connections")
        let create = try #require(writes.first?.body)
        #expect(create["name"] == "archive-db" && create["strategy"] == "auth0")
        #expect(create["options"]?["passwordPolicy"] == "good")
        #expect(create["metadata"]?["managed_by"] == "tenantplan")
        #expect(create["enabled_clients"] == nil)
        let newID = try #require(try work.json().connection(named: "archive-db")?["id"]?.stringValue)
        let batches = writes.dropFirst()
        #expect(batches.count == 2)
        #expect(batches.allSatisfy { $0.description == "PATCH /api/v2/connections/\(newID)/clients" })
        let items = batches.flatMap { $0.body?.arrayValue ?? [] }
        #expect(batches.allSatisfy { (1...50).contains($0.body?.arrayValue?.count ?? 0) })
        #expect(items.allSatisfy { $0["status"] == true })
        #expect(items.compactMap { $0["client_id"]?.stringValue }.sorted() == clientIDs.sorted())
        #expect(!writes.contains { $0.path.contains("con_NLNn3mwjm4Bjb0it") })

        let again = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(again.exitCode == 0)
        #expect(again.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
        let live = try work.json()
        #expect(live["connection_clients"]?[newID]?.arrayValue?.count == 53)
        #expect(live["connection_clients"]?["con_NLNn3mwjm4Bjb0it"]?.arrayValue?.count == 2)
    }
}
