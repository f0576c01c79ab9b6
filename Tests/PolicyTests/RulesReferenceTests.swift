import Foundation
import Policy
import Testing

/// `docs/rules.md` is generated from the rule definitions and kept equal to them.
@Suite("Rules reference")
struct RulesReferenceTests {
    static let docsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules.md")

    @Test("docs/rules.md equals RuleCatalog.markdownReference() byte for byte")
    func docsMatch() throws {
        let generated = RuleCatalog.markdownReference()
        if Resources.recording {
            try FileManager.default.createDirectory(
                at: Self.docsURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: Self.docsURL)
        }
        let onDisk = try Data(contentsOf: Self.docsURL)
        #expect(
            onDisk == Data(generated.utf8),
            "docs/rules.md is out of date: run TENANTPLAN_RECORD=1 swift test --filter PolicyTests")
    }

    @Test("the reference lists every rule with why and how to fix")
    func everyRule() {
        let text = RuleCatalog.markdownReference()
        for rule in RuleCatalog.all {
            #expect(text.contains("## `\(rule.id)`"))
            #expect(text.contains(rule.whyItMatters))
            #expect(text.contains(rule.howToFix))
        }
    }
}
