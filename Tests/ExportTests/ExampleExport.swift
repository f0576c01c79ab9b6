import Foundation
import JSONValues
import Testing
import TestSupport

/// The example tenant (`tenants/example-prod`) applied to a local tenant in a scratch workspace, and helpers to
/// export it and read the export back.
enum ExampleExport {
    /// The demo values of the example's `${env:}` secrets (as `scripts/demo` sets them).
    static let environment = [
        "ACME_ENTRA_CLIENT_SECRET": "demo-entra-client-secret",
        "GLOBEX_OKTA_SIGNING_CERT": "demo-okta-signing-certificate",
    ]

    /// The repository's root, found from this file's path (`Tests/ExportTests/ExampleExport.swift`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A workspace holding a copy of `tenants/example-prod` as `tenant/` (without its local tenant), applied to
    /// the local tenant `live.json`.
    static func applied() async throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "export")
        let source = repository.appendingPathComponent("tenants/example-prod")
        try FileManager.default.createDirectory(
            at: work.root.appendingPathComponent("tenant/customers"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("tenant.yaml"), to: work.root.appendingPathComponent("tenant/tenant.yaml"))
        for file in try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("customers").path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent("customers/\(file)"),
                to: work.root.appendingPathComponent("tenant/customers/\(file)"))
        }
        let apply = await work.run(
            ["apply", "tenant", "--auto-approve", "--tenant", "local:live.json"], environment: environment)
        try #require(apply.exitCode == 0, "\(apply.output)")
        return work
    }

    /// Every file under `directory` of the workspace, by relative path.
    static func files(_ work: CaseWorkspace, _ directory: String) throws -> [String: Data] {
        let root = work.root.appendingPathComponent(directory)
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    /// A file of the workspace as text.
    static func text(_ work: CaseWorkspace, _ file: String) throws -> String {
        String(decoding: try work.data(file), as: UTF8.self)
    }

    /// `text` with the workspace's path written as `$WORK`.
    static func relative(_ text: String, _ work: CaseWorkspace) -> String {
        text.replacingOccurrences(of: work.root.path, with: "$WORK")
    }
}
