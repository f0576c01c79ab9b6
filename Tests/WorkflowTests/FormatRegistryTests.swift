import Foundation
import Output
import Testing
import TestSupport

/// The `--format` registries (``FindingsFormat``, ``PlanFormat``, ``InvitationReportFormat``) are the one list of
/// formats: the usage texts derive from them and the README lists exactly them.
@Suite struct FormatRegistryTests {
    /// The repository's README.md, whitespace runs (line breaks included) collapsed to one space.
    static func readme() throws -> String {
        let url = ExampleTenant.url.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first match of `pattern` in `text`: its capture groups.
    static func captures(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        let match = try #require(
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "no match for \(pattern)")
        return (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
    }

    @Test func readmeCommandTableListsTheFindingsFormats() throws {
        let listed = try Self.captures(#"\| `check \[DIR\]` \| none \| [^|]*`--format ((?:[a-z]+\\\|)*[a-z]+)` \|"#, in: Self.readme())
        #expect(listed[0].components(separatedBy: "\\|") == FindingsFormat.names)
    }

    @Test func readmeOptionsListEveryFamily() throws {
        let listed = try Self.captures(
            #"`--format` \(check: ([a-z, ]+); plan: ([a-z, ]+); invite and invitations: ([a-z, ]+)\)"#, in: Self.readme())
        #expect(listed[0].components(separatedBy: ", ") == FindingsFormat.names)
        #expect(listed[1].components(separatedBy: ", ") == PlanFormat.names)
        #expect(listed[2].components(separatedBy: ", ") == InvitationReportFormat.names)
    }

    /// The plan row of the README's command table says what each format other than the default is.
    @Test func readmePlanRowNamesEachPlanFormat() throws {
        let row = try Self.captures(#"(\| `plan \[DIR\]` \| reads \|[^\n]*?\|) \| `apply"#, in: Self.readme())[0]
        let named = try NSRegularExpression(pattern: "`--format ([a-z]+)`")
            .matches(in: row, range: NSRange(row.startIndex..., in: row)).map { String(row[Range($0.range(at: 1), in: row)!]) }
        #expect(named == PlanFormat.names.filter { $0 != PlanFormat.defaultFormat.rawValue })
    }

    @Test func commandHelpDerivesFromTheRegistries() async throws {
        let work = try CaseWorkspace(empty: "format-help")
        let check = await work.run(["check", "--help"])
        #expect(check.stdout.hasPrefix("usage: tenantplan check [DIR] [--format text|json|sarif|github|junit]\n"))
        #expect(check.stdout.contains("\n  --format FORMAT           text (default), json, sarif, github, junit\n"))
        let plan = await work.run(["plan", "--help"])
        #expect(plan.stdout.hasPrefix("usage: tenantplan plan [DIR] [--format text|json|markdown] [--out FILE]"))
        #expect(plan.stdout.contains(
            "\n  --format FORMAT           text (default), json (docs/plan-json.md), markdown (a pull-request comment)\n"))
        for command in ["invite", "invitations"] {
            let help = await work.run([command, "--help"])
            #expect(help.stdout.contains("[--format text|json]"), "\(command)")
            #expect(help.stdout.contains("\n  --format FORMAT           text (default), json\n"), "\(command)")
        }
    }

    @Test func unknownFormatsNameTheRegistry() async throws {
        let work = try CaseWorkspace(empty: "format-unknown")
        let plan = await work.run(["plan", "--format", "html"])
        #expect(plan.exitCode == 1)
        #expect(plan.stderr == "tenantplan: error: --format takes text, json or markdown (see tenantplan --help)\n")
        let invitations = await work.run(["invitations", "--organization", "acme", "--format", "sarif"])
        #expect(invitations.exitCode == 1)
        #expect(invitations.stderr == "tenantplan: error: --format takes text or json here, got 'sarif' (see tenantplan --help)\n")
    }

    @Test func registries() {
        #expect(FindingsFormat.names == ["text", "json", "sarif", "github", "junit"])
        #expect(FindingsFormat.defaultFormat == .text)
        #expect(PlanFormat.helpChoices == "text (default), json (docs/plan-json.md), markdown (a pull-request comment)")
        #expect(PlanFormat.usageChoices == "text|json|markdown")
        #expect(PlanFormat.alternatives == "text, json or markdown")
        #expect(PlanFormat.named(nil) == .text)
        #expect(PlanFormat.named("markdown") == .markdown)
        #expect(PlanFormat.named("Markdown") == nil)
        #expect(InvitationReportFormat.alternatives == "text or json")
        #expect(PlanFormat.allCases.map { $0.renderer.findingsPlacement } == [.textAbovePlan, .inPlanDocument, .textOnStderr])
    }
}
