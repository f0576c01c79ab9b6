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

    /// A workspace holding a copy of `tenants/example-prod` as `tenant/` (without its local tenant), applied to
    /// the local tenant `live.json` with ``environment``.
    static func applied() async throws -> CaseWorkspace {
        try await ExampleTenant.applied("export", environment: environment)
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
