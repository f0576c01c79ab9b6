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
            #"`--format` \(check: ([a-z, ]+); plan: ([a-z, ]+); invite and invitations: ([a-z, ]+); members: ([a-z, ]+)\)"#,
            in: Self.readme())
        #expect(listed[0].components(separatedBy: ", ") == FindingsFormat.names)
        #expect(listed[1].components(separatedBy: ", ") == PlanFormat.names)
        #expect(listed[2].components(separatedBy: ", ") == InvitationReportFormat.names)
        #expect(listed[3].components(separatedBy: ", ") == MembersFormat.names)
    }

    /// The plan row of the README's command table says what each format other than the default is.
    @Test func readmePlanRowNamesEachPlanFormat() throws {
        let row = try Self.captures(#"(\| `plan \[DIR\]` \| reads \|[^\n]*?\|) \| `apply"#, in: Self.readme())[0]
        let named = try NSRegularExpression(pattern: "`--format ([a-z]+)`")
            .matches(in: row, range: NSRange(row.startIndex..., in: row)).map { String(row[Range($0.range(at: 1), in: row)!]) }
        #expect(named == PlanFormat.names.filter { $0 != PlanFormat.defaultFormat.rawValue })
    }

    /// The usage texts show each registry as it is: adding a format changes them without another edit.
    @Test func commandHelpDerivesFromTheRegistries() async throws {
        let work = try CaseWorkspace(empty: "format-help")
        let check = await work.run(["check", "--help"])
        #expect(check.stdout.hasPrefix("usage: tenantplan check [DIR] [--format \(FindingsFormat.usageChoices)]\n"))
        #expect(check.stdout.contains("\n  --format FORMAT           \(FindingsFormat.helpChoices)\n"))
        let plan = await work.run(["plan", "--help"])
        #expect(plan.stdout.hasPrefix("usage: tenantplan plan [DIR] [--format \(PlanFormat.usageChoices)] [--out FILE]"))
        #expect(plan.stdout.contains("\n  --format FORMAT           \(PlanFormat.helpChoices)\n"))
        for command in ["invite", "invitations"] {
            let help = await work.run([command, "--help"])
            #expect(help.stdout.contains("[--format \(InvitationReportFormat.usageChoices)]"), "\(command)")
            #expect(help.stdout.contains("\n  --format FORMAT           \(InvitationReportFormat.helpChoices)\n"), "\(command)")
        }
        let usage = await work.run(["--help"])
        #expect(usage.stdout.contains("""
              --format FORMAT           check: \(FindingsFormat.helpChoices);
                                        plan: \(PlanFormat.names.joined(separator: ", ")); \
            invite(ations): \(InvitationReportFormat.names.joined(separator: ", "));
                                        members: \(MembersFormat.names.joined(separator: ", "))

            """))
    }

    @Test func unknownPlanFormatNamesTheRegistry() async throws {
        let work = try CaseWorkspace(empty: "format-unknown")
        let plan = await work.run(["plan", "--format", "html"])
        #expect(plan.exitCode == 1)
        #expect(plan.requests == [])
        #expect(plan.stderr == "tenantplan: error: --format takes \(PlanFormat.alternatives) (see tenantplan --help)\n")
        let invitations = await work.run(["invitations", "--organization", "acme", "--format", "sarif"])
        #expect(invitations.exitCode == 1)
        #expect(invitations.stderr
            == "tenantplan: error: --format takes \(InvitationReportFormat.alternatives) here, got 'sarif' (see tenantplan --help)\n")
    }

    /// A family of three formats, one with a note: the derived texts, exactly.
    enum DemoFormat: String, OutputFormat {
        case text, json, csv
        var note: String? { self == .csv ? "comma-separated" : nil }
    }

    @Test func derivedTexts() {
        #expect(DemoFormat.names == ["text", "json", "csv"])
        #expect(DemoFormat.defaultFormat == .text)
        #expect(DemoFormat.usageChoices == "text|json|csv")
        #expect(DemoFormat.helpChoices == "text (default), json, csv (comma-separated)")
        #expect(DemoFormat.alternatives == "text, json or csv")
        #expect(DemoFormat.named(nil) == .text)
        #expect(DemoFormat.named("csv") == .csv)
        #expect(DemoFormat.named("CSV") == nil)
        #expect(DemoFormat.named("") == nil)
    }

    /// Where `plan` puts the findings, for each format it has today.
    @Test(arguments: [
        (PlanFormat.text, PlanFindingsPlacement.textAbovePlan), (.json, .inPlanDocument), (.markdown, .textOnStderr),
    ])
    func findingsPlacement(format: PlanFormat, placement: PlanFindingsPlacement) {
        #expect(format.renderer.findingsPlacement == placement)
    }

    /// The registries hold the formats of docs/decisions.md ("Formats in a registry") in this order, the first the
    /// default.
    @Test func registries() {
        #expect(FindingsFormat.names.prefix(5) == ["text", "json", "sarif", "github", "junit"])
        #expect(PlanFormat.names.prefix(3) == ["text", "json", "markdown"])
        #expect(InvitationReportFormat.names.prefix(2) == ["text", "json"])
        #expect(PlanFormat.json.note == "docs/plan-json.md")
        #expect(PlanFormat.markdown.note == "a pull-request comment")
    }
}
