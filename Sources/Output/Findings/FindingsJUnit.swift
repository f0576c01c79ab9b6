import PlanModel
import Policy
import TerminalText

/// The `junit` findings format: JUnit XML for CI test reports (Jenkins, GitLab, Azure DevOps).
///
/// One `<testsuite name="tenantplan check">` with one `<testcase classname="RULE" name="ORGANIZATION">` per rule
/// that ran and per declared organization; connection-scoped rules (``RuleScope/connection``) also get a test
/// case named `(tenant)` for shared connections. A test case with findings has one `<failure>` whose `type` is
/// the highest severity, `message` the first finding's message and body every finding as
/// `file:line:column: severity: message`; a test case whose only findings are covered by exceptions is
/// `<skipped message="exception: REASON"/>`. Policy settings problems form a test case
/// `classname="policy-settings" name="tenant.yaml"`. Warnings are failures too, with `type="warning"`.
public enum FindingsJUnit {
    /// The test case name of tenant-wide findings (shared connections).
    public static let tenantWide = "(tenant)"

    /// Renders `report`.
    /// - Parameters:
    ///   - report: The policy report.
    ///   - directory: The tenant directory argument, put in front of every path.
    ///   - rules: The rule metadata (normally ``RuleCatalog/all``), for each rule's scope.
    /// - Returns: An XML document, ending in a newline.
    public static func render(_ report: PolicyReport, directory: String, rules: [any Rule] = RuleCatalog.all)
        -> String
    {
        struct Case {
            let classname: String
            let name: String
            var findings: [Diagnostic] = []
            var skippedReasons: [String] = []
        }
        var cases: [Case] = []
        var position: [String: Int] = [:]
        func key(_ rule: String, _ organization: String) -> String { "\(rule)\u{0}\(organization)" }
        func add(_ rule: String, _ organization: String) {
            guard position[key(rule, organization)] == nil else { return }
            position[key(rule, organization)] = cases.count
            cases.append(Case(classname: rule, name: organization))
        }
        let scopes = Dictionary(rules.map { ($0.id, $0.scope) }, uniquingKeysWith: { first, _ in first })
        for rule in report.checkedRules {
            for organization in report.organizations { add(rule, organization) }
            if scopes[rule] == .connection { add(rule, tenantWide) }
        }
        for entry in report.entries {
            let rule = entry.diagnostic.ruleID ?? ""
            let organization = entry.organization ?? tenantWide
            add(rule, organization)
            cases[position[key(rule, organization)]!].findings.append(entry.diagnostic)
        }
        for item in report.suppressed {
            let rule = item.diagnostic.ruleID ?? ""
            let organization = item.organization ?? tenantWide
            add(rule, organization)
            cases[position[key(rule, organization)]!].skippedReasons.append(item.reason)
        }
        if !report.settingsDiagnostics.isEmpty {
            add("policy-settings", "tenant.yaml")
            cases[position[key("policy-settings", "tenant.yaml")]!].findings = report.settingsDiagnostics
        }

        let failures = cases.filter { !$0.findings.isEmpty }.count
        let skipped = cases.filter { $0.findings.isEmpty && !$0.skippedReasons.isEmpty }.count
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"tenantplan check\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" "
                + "skipped=\"\(skipped)\">",
            "  <testsuite name=\"tenantplan check\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" "
                + "skipped=\"\(skipped)\">",
        ]
        for testCase in cases {
            let open = "    <testcase classname=\"\(escape(testCase.classname))\" name=\"\(escape(testCase.name))\""
            if let first = testCase.findings.first {
                let type = testCase.findings.contains { $0.severity == .error } ? "error" : "warning"
                let body = testCase.findings.map { diagnostic -> String in
                    let location = diagnostic.location.map { "\($0.prefixed(by: directory)): " } ?? ""
                    return "\(location)\(diagnostic.severity.rawValue): \(diagnostic.message)"
                }.joined(separator: "\n")
                lines.append("\(open)>")
                lines.append(
                    "      <failure type=\"\(type)\" message=\"\(escape(first.message))\">\(escape(body))</failure>")
                lines.append("    </testcase>")
            } else if !testCase.skippedReasons.isEmpty {
                let reasons = testCase.skippedReasons.joined(separator: "; ")
                lines.append("\(open)>")
                lines.append("      <skipped message=\"\(escape("exception: \(reasons)"))\"/>")
                lines.append("    </testcase>")
            } else {
                lines.append("\(open)/>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for XML attribute values and character data: `&`, `<`, `>`, `"`, `'` as entities; every
    /// control, format and line/paragraph-separator character (``TerminalText/escaped(_:)``'s choice: tab, LF,
    /// CR, DEL, C1, bidi marks, zero-width characters, ...) as a numeric character reference (`&#xA;`,
    /// `&#x202E;`) where XML 1.0 allows the character (https://www.w3.org/TR/xml/#charsets), so a reader of the
    /// raw file sees it and a parser reads back the same text; the C0 controls XML 1.0 forbids (ESC, NUL, ...)
    /// and the noncharacters U+FFFE, U+FFFF in ``TerminalText``'s visible escape (`\u{1B}`).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return TerminalText.escaped(out) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let allowed = scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r"
            return allowed ? "&#x\(hex);" : "\\u{\(hex)}"
        }
    }
}

extension FindingsJUnit: FindingsRenderer {
    /// The `junit` entry of ``FindingsFormat``.
    public static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String {
        render(report, directory: context.directory)
    }
}
