import Diff
import Foundation
import Output
import Testing

/// `apply FILE`'s checks as values (``SavedPlanStaleness``) and their text (``SavedPlanStalenessText``); the
/// refusals of whole runs are in ``SavedPlanTests``.
@Suite struct SavedPlanStalenessTests {
    /// A saved plan of `tenants/prod` against `prod.eu.auth0.com` with two input files and the given changes.
    static func saved(changes: String = "[]", unsetSecrets: [String] = [], memberImpact: String = "[]") throws
        -> SavedPlan
    {
        let unset = unsetSecrets.map { "\"\($0)\"" }.joined(separator: ", ")
        return try SavedPlan(data: Data("""
            { "format_version": 3, "member_impact": \(memberImpact), "kind": "tenantplan-saved-plan", "directory": "tenants/prod",
              "target": "prod.eu.auth0.com", "scope": null, "unset_secrets": [\(unset)],
              "input": { "hash": "sha256:x", "files": { "tenant.yaml": "aa", "customers/acme.yaml": "bb" } },
              "summary": { "add": 0, "change": 0, "destroy": 0 }, "fingerprints": [],
              "resource_changes": \(changes) }
            """.utf8))
    }

    /// One change with one PATCH request, read as a saved plan reads it.
    static func change(_ address: String, _ action: String, path: String = "/api/v2/x") -> SavedPlan.Change {
        try! saved(changes: "[\(changeJSON(address, action, path: path))]").changes[0]
    }

    static func changeJSON(_ address: String, _ action: String, path: String = "/api/v2/x") -> String {
        let quoted = address.replacingOccurrences(of: "\"", with: "\\\"")
        return """
            { "address": "\(quoted)", "action": "\(action)", "location": null, "requires": [],
              "requests": [ { "operation": "op", "method": "PATCH", "path": "\(path)", "summary": "s", "body": null,
                              "missing_secrets": [] } ] }
            """
    }

    static let reviewed = "[\(changeJSON("organization \"acme\"", "update")), \(changeJSON("role \"member\"", "create"))]"

    @Test func sameInputFilesAreNotStale() throws {
        #expect(try Self.saved().staleness(inputFiles: ["tenant.yaml": "aa", "customers/acme.yaml": "bb"]) == nil)
    }

    @Test func inputFilesAddedRemovedAndChangedAreNamedSortedByFile() throws {
        let staleness = try Self.saved().staleness(inputFiles: ["tenant.yaml": "ab", "customers/globex.yaml": "cc"])
        #expect(staleness == .inputChanged(directory: "tenants/prod", files: [
            InputDigest.Change(file: "customers/acme.yaml", kind: .removed),
            InputDigest.Change(file: "customers/globex.yaml", kind: .added),
            InputDigest.Change(file: "tenant.yaml", kind: .changed),
        ]))
    }

    @Test(arguments: [
        // The same changes: nothing.
        ([change("organization \"acme\"", "update"), change("role \"member\"", "create")], [String](), [SavedPlanStaleness.ChangeDifference]()),
        // The same changes in another order.
        ([change("role \"member\"", "create"), change("organization \"acme\"", "update")], [], [.orderChanged]),
        // A request changed, a change gone, because a secret was set since.
        ([change("organization \"acme\"", "update", path: "/api/v2/y")], ["SECRET"], [
            .requestsChanged(address: "organization \"acme\"", flipped: ["SECRET"]),
            .noLongerNeeded(address: "role \"member\"", action: "create"),
        ]),
        // Another action, and a change not in the plan.
        ([change("organization \"acme\"", "delete"), change("role \"member\"", "create"), change("client \"web\"", "create")], [], [
            .actionChanged(address: "organization \"acme\"", planned: "update", now: "delete", flipped: []),
            .notInPlan(address: "client \"web\"", action: "create", flipped: []),
        ]),
    ])
    func differencesFromTheReviewedChanges(
        current: [SavedPlan.Change], unsetNow: [String], expected: [SavedPlanStaleness.ChangeDifference]
    ) throws {
        let saved = try Self.saved(changes: Self.reviewed)
        #expect(saved.differences(from: current, unsetSecrets: unsetNow) == expected)
    }

    @Test(arguments: [
        (SavedPlanStaleness.anotherTenant(planned: "prod.eu.auth0.com", reached: "local tenant live.json"),
         "tenantplan: apply refused: plan.json was planned against prod.eu.auth0.com, but this apply reaches local "
            + "tenant live.json: run it with the AUTH0_DOMAIN or --tenant the plan was made with; nothing was applied\n"),
        (.inputChanged(directory: "tenants/prod", files: [
            InputDigest.Change(file: "customers/acme.yaml", kind: .removed),
            InputDigest.Change(file: "tenant.yaml", kind: .changed),
        ]),
         "tenantplan: apply refused: plan.json is stale: tenants/prod changed since the plan was made:\n"
            + "  customers/acme.yaml (removed)\n  tenant.yaml (changed)\n"
            + "Run tenantplan plan again, review the new plan, and apply that; nothing was applied.\n"),
        (.liveObjectsChanged([
            SavedPlanStaleness.ObjectChange(address: "organization \"acme\"", kind: .fields(["display_name", "metadata"])),
            SavedPlanStaleness.ObjectChange(address: "connection \"a\"", kind: .created),
            SavedPlanStaleness.ObjectChange(address: "connection \"b\"", kind: .deleted),
            SavedPlanStaleness.ObjectChange(address: "role \"r\"", kind: .recreated),
        ]),
         "tenantplan: apply refused: plan.json is stale: the live tenant changed since the plan was made:\n"
            + "  organization \"acme\" changed since the plan: display_name, metadata\n"
            + "  connection \"a\" was created since the plan\n  connection \"b\" was deleted since the plan\n"
            + "  role \"r\" was deleted and created again since the plan (new id)\n"
            + "Run tenantplan plan again, review the new plan, and apply that; nothing was applied.\n"),
        (.requestsDiffer([
            .notInPlan(address: "client \"web\"", action: "create", flipped: ["A", "B"]),
            .actionChanged(address: "role \"r\"", planned: "update", now: "delete", flipped: []),
            .requestsChanged(address: "organization \"acme\"", flipped: ["A"]),
            .noLongerNeeded(address: "role \"s\"", action: "create"),
            .orderChanged,
        ]),
         "tenantplan: apply refused: plan.json is stale: apply would no longer make the reviewed changes:\n"
            + "  client \"web\": create is not in the plan (set or unset since the plan: A, B)\n"
            + "  role \"r\": planned update, would now delete\n"
            + "  organization \"acme\": the requests differ from the plan (set or unset since the plan: A)\n"
            + "  role \"s\": planned create, no longer needed\n"
            + "  the order of the changes differs from the plan\n"
            + "Run tenantplan plan again, review the new plan, and apply that; nothing was applied.\n"),
    ])
    func refusalText(staleness: SavedPlanStaleness, text: String) {
        #expect(SavedPlanStalenessText.render(staleness, file: "plan.json") == text)
    }

    @Test func fileAndItemsAreEscaped() {
        let text = SavedPlanStalenessText.render(
            .inputChanged(directory: "t", files: [InputDigest.Change(file: "customers/a\u{1B}[31m.yaml", kind: .added)]),
            file: "plan\u{202E}.json")
        #expect(text.hasPrefix("tenantplan: apply refused: plan\\u{202E}.json is stale: t changed since the plan was made:\n"
            + "  customers/a\\u{1B}[31m.yaml (added)\n"))
    }
}
