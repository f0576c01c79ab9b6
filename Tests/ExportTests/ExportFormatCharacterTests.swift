import Foundation
import Testing
import TestSupport
import YAML

/// A live name holding an invisible format character is exported escaped, so whoever reviews `tenant.yaml` sees
/// it, and the file reads back to the live name.
@Suite struct ExportFormatCharacterTests {
    @Test(arguments: [
        ("evil\u{202E}txt", #""evil\u202Etxt""#),
        ("admin\u{200B}", #""admin\u200B""#),
        ("\u{FEFF}member", #""\uFEFFmember""#),
    ])
    func roleNameIsEscaped(_ name: String, _ written: String) async throws {
        let work = try CaseWorkspace(empty: "export-format")
        let live: [String: Any] = ["roles": [["id": "rol_1", "name": name, "description": "a\u{2066}b"]]]
        try work.write("live.json", String(decoding: try JSONSerialization.data(withJSONObject: live), as: UTF8.self))
        let export = await work.run(
            ["export", "--out", work.path("out"), "--tenant", "local:live.json", "--domain", "edge.eu.auth0.com"])
        #expect(export.exitCode == 0, "\(export.output)")
        let text = String(decoding: try work.data("out/tenant.yaml"), as: UTF8.self)
        #expect(text == """
            tenant:
              domain: edge.eu.auth0.com
            connections: []
            clients: []
            roles:
            - name: \(written)
              description: "a\\u2066b"

            """)
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .format })
        let root = try #require(try YAMLParser.parse(Data(text.utf8)).root)
        let role = try #require(root.mapping?.first { $0.keyText == "roles" }?.value.sequence?.first)
        #expect(role.mapping?.first { $0.keyText == "name" }?.value.scalar == name)
        #expect(role.mapping?.first { $0.keyText == "description" }?.value.scalar == "a\u{2066}b")
    }
}
