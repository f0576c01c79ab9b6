import Foundation
import JSONValues
import Testing

/// The repository's example tenant (`tenants/example-prod`), copied into scratch workspaces.
public enum ExampleTenant {
    /// The repository's `tenants/example-prod`.
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tenants/example-prod")

    /// The environment the example's `${env:}` secrets need for `apply`.
    public static let secrets = [
        "ACME_ENTRA_CLIENT_SECRET": "acme-secret-test", "GLOBEX_OKTA_SIGNING_CERT": "globex-cert-test",
    ]

    /// Copies the example's YAML files to `folder` inside `work`.
    public static func copy(into work: CaseWorkspace, at folder: String = "tenant") throws {
        let files = ["tenant.yaml"]
            + (try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("customers").path))
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "customers/\($0)" }
        for file in files {
            try work.write("\(folder)/\(file)", try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// A workspace with the example in `tenant/`, applied to the local tenant `live.json`.
    /// - Parameter environment: The values of the example's `${env:}` secrets (``secrets`` by default).
    public static func applied(_ label: String, environment: [String: String] = secrets) async throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: label)
        try copy(into: work)
        let apply = await work.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: environment)
        try #require(apply.exitCode == 0, "apply failed: \(apply.output)")
        return work
    }
}

extension JSONValue {
    /// The id of the organization named `name` in a local tenant file.
    public func organizationID(_ name: String) -> String { organization(named: name)!["id"]!.stringValue! }

    /// The `client_id` of the client named `name`.
    public func clientID(_ name: String) -> String {
        self["clients"]!.arrayValue!.first { $0["name"]?.stringValue == name }!["client_id"]!.stringValue!
    }

    /// The id of the connection named `name`.
    public func connectionID(_ name: String) -> String { connection(named: name)!["id"]!.stringValue! }

    /// The id of the role named `name`.
    public func roleID(_ name: String) -> String {
        self["roles"]!.arrayValue!.first { $0["name"]?.stringValue == name }!["id"]!.stringValue!
    }

    /// The stored invitations of organization `id`.
    public func invitations(_ organizationID: String) -> [JSONValue] {
        self["invitations"]?[organizationID]?.arrayValue ?? []
    }
}
