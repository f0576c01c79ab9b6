import Foundation
import JSONValues
import Testing
import TestSupport

/// Scratch copies of the repository's example tenant (`tenants/example-prod`) for invitation tests.
enum ExampleWorkspace {
    /// The repository's `tenants/example-prod`.
    static let exampleURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tenants/example-prod")

    /// The environment the example's `${env:}` secrets need for `apply`.
    static let secrets = ["ACME_ENTRA_CLIENT_SECRET": "acme-secret-test", "GLOBEX_OKTA_SIGNING_CERT": "globex-cert-test"]

    /// Copies the example's YAML files to `at` inside `work` (default `tenant`).
    static func copyExample(into work: CaseWorkspace, at folder: String = "tenant") throws {
        let files = ["tenant.yaml"]
            + (try FileManager.default.contentsOfDirectory(atPath: exampleURL.appendingPathComponent("customers").path))
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "customers/\($0)" }
        for file in files {
            try work.write("\(folder)/\(file)", try String(contentsOf: exampleURL.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// A workspace with the example in `tenant/`, applied to the local tenant `live.json`.
    static func applied() async throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "invitations")
        try copyExample(into: work)
        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: secrets)
        try #require(apply.exitCode == 0, "apply failed: \(apply.output)")
        return work
    }

    /// `invite tenant --tenant local:live.json --organization ORG` followed by `extra`.
    static func invite(_ work: CaseWorkspace, _ organization: String = "acme", _ extra: [String]) async -> CommandResult {
        await work.run(["invite", "tenant", "--tenant", "local:live.json", "--organization", organization] + extra)
    }
}

extension JSONValue {
    /// The id of the organization named `name` in a local tenant file.
    func organizationID(_ name: String) -> String { organization(named: name)!["id"]!.stringValue! }

    /// The `client_id` of the client named `name`.
    func clientID(_ name: String) -> String {
        self["clients"]!.arrayValue!.first { $0["name"]?.stringValue == name }!["client_id"]!.stringValue!
    }

    /// The id of the connection named `name`.
    func connectionID(_ name: String) -> String { connection(named: name)!["id"]!.stringValue! }

    /// The id of the role named `name`.
    func roleID(_ name: String) -> String {
        self["roles"]!.arrayValue!.first { $0["name"]?.stringValue == name }!["id"]!.stringValue!
    }

    /// The stored invitations of organization `id`.
    func invitations(_ organizationID: String) -> [JSONValue] {
        self["invitations"]?[organizationID]?.arrayValue ?? []
    }
}
