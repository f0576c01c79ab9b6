import Foundation
import JSONValues
import LocalTenant
import Output
import Testing
import TestSupport

/// `plan --out FILE` and `apply FILE` (issue 4): a saved plan holds no secret, applies when nothing changed, and is
/// refused, naming what changed, when the live tenant or the YAML changed since it was made.
@Suite struct SavedPlanTests {
    /// The example applied, then acme's display name edited in the YAML: a one-field update to plan.
    func editedWorkspace() async throws -> CaseWorkspace {
        let work = try await ExampleTenant.applied("saved-plan")
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Corporation")
        return work
    }

    func plan(_ work: CaseWorkspace, environment: [String: String] = ExampleTenant.secrets) async -> CommandResult {
        await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--out", work.path("plan.json")], environment: environment)
    }

    func apply(_ work: CaseWorkspace, environment: [String: String] = ExampleTenant.secrets) async -> CommandResult {
        await work.run(["apply", work.path("plan.json"), "--tenant", "local:live.json"], environment: environment)
    }

    @Test func unchangedPlanApplies() async throws {
        let work = try await editedWorkspace()
        let planned = await plan(work)
        #expect(planned.exitCode == 0)
        #expect(planned.stderr == "tenantplan: plan saved to \(work.path("plan.json")); apply it with: tenantplan apply \(work.path("plan.json"))\n")
        let applied = await apply(work)
        #expect(applied.exitCode == 0, "\(applied.output)")
        let acme = try work.json().organizationID("acme")
        #expect(applied.writes == ["PATCH /api/v2/organizations/\(acme)"])
        #expect(try work.json().organization(named: "acme")?["display_name"] == "Acme Corporation")
        #expect(applied.stdout.hasSuffix("Apply complete: 1 request done.\n"))
    }

    @Test func savedPlanFileIsWhole() async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        var document = try work.json("plan.json")
        let acme = try work.json().organizationID("acme")
        #expect(document["directory"] == .string(work.path("tenant")))
        #expect(document["target"] == .string("local tenant \(work.path("live.json"))"))
        // The paths depend on the scratch directory; the rest is compared whole.
        guard case .object(var object) = document else { Issue.record("not an object"); return }
        object["directory"] = "tenant"
        object["target"] = "local tenant live.json"
        let fingerprint = object["fingerprints"]!.arrayValue![0]
        document = .object(object)
        #expect(fingerprint["kind"] == "organization")
        #expect(fingerprint["name"] == "acme")
        #expect(fingerprint["fields"]?.objectValue?.keys.sorted() == [
            "branding", "display_name", "enabled_connections", "id", "metadata",
        ])
        let files = object["input"]!["files"]!.objectValue!.keys.sorted()
        #expect(files == ["customers/acme.yaml", "customers/globex.yaml", "customers/initech.yaml", "tenant.yaml"])
        #expect(object["input"]!["hash"]!.stringValue!.hasPrefix("sha256:"))
        #expect(object["resource_changes"] == [
            [
                "address": "organization \"acme\"", "action": "update", "location": "customers/acme.yaml:4",
                "requires": [],
                "requests": [
                    [
                        "operation": "patch_organizations_by_id",
                        "method": "PATCH", "path": .string("/api/v2/organizations/\(acme)"),
                        "summary": "update organization \"acme\"",
                        "body": ["display_name": "Acme Corporation"], "missing_secrets": [],
                    ],
                ],
            ],
        ])
        #expect(object["summary"] == ["add": 0, "change": 1, "destroy": 0])
        #expect(object["unset_secrets"] == [])
        #expect(object["scope"] == .null)
        #expect(object["kind"] == "tenantplan-saved-plan")
        #expect(object["format_version"] == 3)
        // No login path shrinks: no member was read, none is recorded.
        #expect(object["member_impact"] == [])
    }

    /// A connection create carries its secret: the file names the variable, never the value.
    @Test func noSecretByteInTheFile() async throws {
        let work = try CaseWorkspace(empty: "saved-plan-secrets")
        try ExampleTenant.copy(into: work)
        let planned = await plan(work)
        #expect(planned.exitCode == 0)
        let text = String(decoding: try work.data("plan.json"), as: UTF8.self)
        for secret in ExampleTenant.secrets.values { #expect(!text.contains(secret)) }
        let entra = try work.json("plan.json")["resource_changes"]!.arrayValue!
            .first { $0["address"] == "connection \"acme-entra\" (waad)" }!
        #expect(entra["requests"]!.arrayValue![0]["body"]!["options"]!["client_secret"] == "${env:ACME_ENTRA_CLIENT_SECRET}")
        let applied = await apply(work)
        #expect(applied.exitCode == 0, "\(applied.output)")
        #expect(try work.json().connection(named: "acme-entra")?["options"]?["client_secret"] == "acme-secret-test")
    }

    /// Every format of a plan that creates the example (both secrets in request bodies) and of a plan that
    /// updates a connection whose live secret is kept: no secret byte anywhere.
    @Test func noSecretByteInAnyFormat() async throws {
        let work = try CaseWorkspace(empty: "saved-plan-formats")
        try ExampleTenant.copy(into: work)
        var outputs: [String] = []
        for format in PlanFormat.names {
            let result = await work.run(
                ["plan", "tenant", "--tenant", "local:live.json", "--format", format, "--out", work.path("plan-\(format).json")],
                environment: ExampleTenant.secrets)
            #expect(result.exitCode == 0)
            outputs += [result.stdout, result.stderr, String(decoding: try work.data("plan-\(format).json"), as: UTF8.self)]
        }
        _ = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: ExampleTenant.secrets)
        try work.edit("tenant/customers/acme.yaml", line: 22, "display_name: Acme (Entra ID, renamed)")
        // An options change: the PATCH carries the whole options object, the live client_secret echoed back.
        try work.edit("tenant/customers/acme.yaml", line: 28, "domain_aliases: [acme.example, acme-group.example]")
        for format in PlanFormat.names {
            let result = await work.run(
                ["plan", "tenant", "--tenant", "local:live.json", "--format", format, "--out", work.path("update.json")],
                environment: [:])
            #expect(result.exitCode == 0)
            outputs += [result.stdout, result.stderr, String(decoding: try work.data("update.json"), as: UTF8.self)]
        }
        #expect(outputs.count == 6 * PlanFormat.names.count)
        #expect(outputs.contains { $0.contains("Acme (Entra ID, renamed)") })
        let saved = try work.json("update.json")["resource_changes"]!.arrayValue![0]["requests"]!.arrayValue![0]
        #expect(saved["body"]?["options"]?["client_secret"] == "(sensitive)")
        for output in outputs {
            for secret in ExampleTenant.secrets.values { #expect(!output.contains(secret)) }
        }
    }

    /// A reviewed destroy is carried out by `apply FILE --allow-destroy` (a DELETE has no body: the file's `null`
    /// must read back as no body, not as a JSON null that differs from the recomputed request).
    @Test func savedDestroyApplies() async throws {
        let work = try await ExampleTenant.applied("saved-plan-destroy")
        try FileManager.default.removeItem(atPath: work.path("tenant/customers/initech.yaml"))
        _ = await plan(work)
        let initech = try work.json().organizationID("initech")
        let refused = await apply(work)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("tenantplan: apply refused: the plan destroys organization \"initech\"; nothing was applied."))
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:live.json", "--allow-destroy"],
            environment: ExampleTenant.secrets)
        #expect(applied.exitCode == 0, "\(applied.output)")
        #expect(applied.writes == ["DELETE /api/v2/organizations/\(initech)"])
    }

    @Test func liveChangeMakesThePlanStale() async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        // Someone edits acme in the dashboard between plan and apply.
        var live = try work.json()
        live = live.replacingOrganization("acme") { organization in
            var changed = organization.objectValue!
            changed["display_name"] = "ACME (dashboard)"
            return .object(changed)
        }
        try work.write("live.json", String(decoding: live.encoded(), as: UTF8.self))
        let applied = await apply(work)
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr == """
            tenantplan: apply refused: \(work.path("plan.json")) is stale: the live tenant changed since the plan was made:
              organization "acme" changed since the plan: display_name
            Run tenantplan plan again, review the new plan, and apply that; nothing was applied.

            """)
    }

    /// The saved plan of ``editedWorkspace()`` with its one request (acme's PATCH) transformed.
    func editSavedRequest(_ work: CaseWorkspace, _ transform: ([String: JSONValue]) -> [String: JSONValue]) throws {
        guard case .object(var document) = try work.json("plan.json"),
            case .object(var change) = document["resource_changes"]?.arrayValue?.first,
            case .object(let request) = change["requests"]?.arrayValue?.first
        else { throw SavedPlanEditError.shape }
        change["requests"] = [.object(transform(request))]
        document["resource_changes"] = [.object(change)]
        try work.write("plan.json", String(decoding: JSONValue.object(document).encoded(pretty: true), as: UTF8.self))
    }

    enum SavedPlanEditError: Error { case shape }

    /// A request's `summary` is for readers and never compared (docs/saved-plans.md): reworded, emptied or
    /// missing, the plan still applies.
    @Test(arguments: [
        ("reworded", JSONValue.string("rename organization \"acme\" to Acme Corporation")),
        ("emptied", JSONValue.string("")),
        ("missing", nil),
    ] as [(String, JSONValue?)])
    func summaryTextIsNotCompared(case name: String, summary: JSONValue?) async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        try editSavedRequest(work) { request in
            var request = request
            request["summary"] = summary
            return request
        }
        let applied = await apply(work)
        #expect(applied.exitCode == 0, "\(name): \(applied.output)")
        let acme = try work.json().organizationID("acme")
        #expect(applied.writes == ["PATCH /api/v2/organizations/\(acme)"])
        #expect(try work.json().organization(named: "acme")?["display_name"] == "Acme Corporation")
    }

    /// What apply sends is compared: a saved request whose operation, path or body differs is stale.
    @Test(arguments: ["operation", "path", "body"])
    func requestFieldsAreCompared(field: String) async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        try editSavedRequest(work) { request in
            var request = request
            switch field {
            case "operation": request["operation"] = "patch_organizations_by_name"
            case "path": request["path"] = "/api/v2/organizations/org_other"
            default: request["body"] = ["display_name": "Acme Corp"]
            }
            return request
        }
        let applied = await apply(work)
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr == """
            tenantplan: apply refused: \(work.path("plan.json")) is stale: apply would no longer make the reviewed changes:
              organization "acme": the requests differ from the plan
            Run tenantplan plan again, review the new plan, and apply that; nothing was applied.

            """)
    }

    @Test func yamlEditAfterPlanningIsRefused() async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Inc")
        let applied = await apply(work)
        #expect(applied.exitCode == 1)
        #expect(applied.requests == [])
        #expect(applied.stderr == """
            tenantplan: apply refused: \(work.path("plan.json")) is stale: \(work.path("tenant")) changed since the plan was made:
              customers/acme.yaml (changed)
            Run tenantplan plan again, review the new plan, and apply that; nothing was applied.

            """)
    }

    /// Planned without the secret (its live value kept), applied with a new one: apply would send something else.
    @Test func secretSetSincePlanningIsRefused() async throws {
        let work = try await editedWorkspace()
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Corp")
        // A change to the Entra connection, planned while its client secret is unset (the live one is kept).
        let entraLine = try #require(
            try String(contentsOfFile: work.path("tenant/customers/acme.yaml"), encoding: .utf8)
                .components(separatedBy: "\n").firstIndex { $0.contains("display_name: Acme (Entra ID)") })
        try work.edit("tenant/customers/acme.yaml", line: entraLine + 1, "display_name: Acme (Entra ID, new)")
        _ = await plan(work, environment: ["GLOBEX_OKTA_SIGNING_CERT": "globex-cert-test"])
        // Applied with the secret set to a new value: the PATCH would now carry it.
        var environment = ExampleTenant.secrets
        environment["ACME_ENTRA_CLIENT_SECRET"] = "acme-secret-rotated"
        let applied = await apply(work, environment: environment)
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr == """
            tenantplan: apply refused: \(work.path("plan.json")) is stale: apply would no longer make the reviewed changes:
              connection "acme-entra" (waad): the requests differ from the plan (set or unset since the plan: ACME_ENTRA_CLIENT_SECRET)
            Run tenantplan plan again, review the new plan, and apply that; nothing was applied.

            """)
    }

    /// A plan made without a secret a create needs, applied still without it: set it and plan again.
    @Test func unsetSecretAtPlanAndApply() async throws {
        let work = try CaseWorkspace(empty: "saved-plan-unset")
        try ExampleTenant.copy(into: work)
        _ = await plan(work, environment: ["GLOBEX_OKTA_SIGNING_CERT": "globex-cert-test"])
        let applied = await apply(work, environment: ["GLOBEX_OKTA_SIGNING_CERT": "globex-cert-test"])
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr.hasSuffix("tenantplan: apply refused: \(work.path("plan.json")) needs ACME_ENTRA_CLIENT_SECRET, "
            + "unset when it was planned and now: set it, run plan --out again and apply the new plan; nothing was applied\n"))
    }

    /// A failed apply of a saved plan says the file is now stale and how to go on, with the same --tenant.
    @Test func failedSavedApplySaysHowToGoOn() async throws {
        let work = try await editedWorkspace()
        try work.edit("tenant/customers/globex.yaml", line: 5, "display_name: Globex Inc")
        _ = await plan(work)
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:live.json"], environment: ExampleTenant.secrets,
            faults: LocalTenant.Faults(failWritesAfter: 1))
        #expect(applied.exitCode == 1)
        #expect(applied.stdout.hasSuffix("Nothing done is undone. \(work.path("plan.json")) is now stale: run "
            + "`tenantplan plan \(work.path("tenant")) --tenant local:\(work.path("live.json")) --out \(work.path("plan.json"))` "
            + "to see the remainder, review it, and apply the new plan; that converges.\n"))
    }

    @Test func anotherTenantIsRefused() async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        try FileManager.default.copyItem(atPath: work.path("live.json"), toPath: work.path("other.json"))
        let applied = await work.run(
            ["apply", work.path("plan.json"), "--tenant", "local:other.json"], environment: ExampleTenant.secrets)
        #expect(applied.exitCode == 1)
        #expect(applied.writes == [])
        #expect(applied.stderr == "tenantplan: apply refused: \(work.path("plan.json")) was planned against local tenant "
            + "\(work.path("live.json")), but this apply reaches local tenant \(work.path("other.json")): run it with the "
            + "AUTH0_DOMAIN or --tenant the plan was made with; nothing was applied\n")
    }

    /// Found by a new user: a plan applied from another working directory listed its files as removed.
    @Test func appliedFromAnotherDirectory() async throws {
        let work = try await editedWorkspace()
        _ = await plan(work)
        var document = try work.json("plan.json").objectValue!
        document["directory"] = "tenant"  // as `plan tenant` would record it, run from the workspace
        try work.write("plan.json", String(decoding: JSONValue.object(document).encoded(), as: UTF8.self))
        let applied = await apply(work)  // the test process does not run from the workspace
        #expect(applied.exitCode == 1)
        #expect(applied.requests == [])
        #expect(applied.stderr == "tenantplan: error: \(work.path("plan.json")) was made for the tenant directory tenant, "
            + "which has no tenant.yaml here (\(FileManager.default.currentDirectoryPath)): run apply from the directory "
            + "plan ran in\n")
    }

    /// Found by a new user: `--out` to a directory or into a missing folder failed after reading, with a raw error.
    /// Found by the second new-user pass: `--out /dev/full` (and a link) was replaced by a regular file.
    @Test func outToADeviceOrALinkIsRefused() async throws {
        let work = try await editedWorkspace()
        try FileManager.default.createSymbolicLink(atPath: work.path("link.json"), withDestinationPath: work.path("target.json"))
        for (out, what) in [("/dev/null", "a device or other special file"), (work.path("link.json"), "a link")] {
            let result = await work.run(
                ["plan", "tenant", "--tenant", "local:live.json", "--out", out], environment: ExampleTenant.secrets)
            #expect(result.exitCode == 1)
            #expect(result.requests == [])
            #expect(result.stderr == "tenantplan: error: --out \(out) exists and is not a regular file (\(what)); the plan "
                + "replaces the file it writes, so give a new or regular file (see tenantplan --help)\n")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test(arguments: [
        ("out-dir", "--out OUT is a directory; give the file to write the plan to (see tenantplan --help)\n"),
        ("missing/plan.json", "--out OUT: the folder FOLDER does not exist (see tenantplan --help)\n"),
    ])
    func unwritableOut(out: String, message: String) async throws {
        let work = try await editedWorkspace()
        try FileManager.default.createDirectory(atPath: work.path("out-dir"), withIntermediateDirectories: true)
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--out", work.path(out)], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 1)
        #expect(result.requests == [])
        let expected = message.replacingOccurrences(of: "OUT", with: work.path(out))
            .replacingOccurrences(of: "FOLDER", with: work.path("missing"))
        #expect(result.stderr == "tenantplan: error: " + expected)
    }

    @Test(arguments: [
        ("not json", "is not JSON: apply takes a tenant directory or a plan saved by plan --out FILE"),
        ("{\"format_version\": 1}", "is not a saved plan (write one with tenantplan plan --out FILE)"),
        // Version 1 (before requests named their operation and connection PATCHes carried display_name).
        ("{\"kind\": \"tenantplan-saved-plan\", \"format_version\": 1}",
         "is a saved plan of format version 1; this tenantplan reads version 3: run plan again"),
        // Version 2 (before saved plans recorded the members at risk).
        ("{\"kind\": \"tenantplan-saved-plan\", \"format_version\": 2}",
         "is a saved plan of format version 2; this tenantplan reads version 3: run plan again"),
        ("{\"kind\": \"tenantplan-saved-plan\", \"format_version\": 4}",
         "is a saved plan of format version 4; this tenantplan reads version 3: run plan again"),
        ("{\"kind\": \"tenantplan-saved-plan\", \"format_version\": 3, \"directory\": \"x\"}",
         "is not a complete saved plan: target is missing"),
    ])
    func notASavedPlan(content: String, reason: String) async throws {
        let work = try CaseWorkspace(empty: "saved-plan-bad")
        try work.write("plan.json", content)
        let applied = await work.run(["apply", work.path("plan.json"), "--tenant", "local:live.json"])
        #expect(applied.exitCode == 1)
        #expect(applied.requests == [])
        #expect(applied.stderr == "tenantplan: error: \(work.path("plan.json")) \(reason) (see tenantplan --help)\n")
    }
}

extension JSONValue {
    /// A local tenant file with the organization named `name` transformed.
    func replacingOrganization(_ name: String, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(var object) = self, let organizations = object["organizations"]?.arrayValue else { return self }
        object["organizations"] = .array(organizations.map { $0["name"]?.stringValue == name ? transform($0) : $0 })
        return .object(object)
    }
}
