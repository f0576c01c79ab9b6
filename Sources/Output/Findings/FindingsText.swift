import PlanModel
import Policy
import TerminalText

/// The `text` findings format for people: compiler-style lines, as swift-format and compilers print them.
///
/// Shape, one item per line:
/// ```
/// tenants/prod/tenant.yaml:22:16: warning: policy.exceptions[0] (rule '…') expired on 2024-01-31 and …
/// tenants/prod/customers/acme.yaml:14:7: error[sso-only-password-connection]: organization 'acme' is …
/// tenants/prod/customers/globex.yaml:6:17: suppressed[sso-only-password-connection]: … (exception at tenants/prod/tenant.yaml:20:7: migration until 2027-01-31)
/// check: 1 error, 0 warnings, 1 suppressed by an exception
/// ```
/// Settings diagnostics come first, then findings, then suppressed findings, each sorted by location; notes
/// follow their diagnostic as `file:line:column: note: …`. Paths are prefixed by the tenant directory as the
/// user named it (``Diagnostic/rendered(directory:)``); names, keys, values and paths are escaped
/// (``TerminalText/escaped(_:)``). On a terminal (``TextStyle``) warning lines are bold.
public enum FindingsText {
    /// Renders `report`.
    /// - Parameters:
    ///   - report: The policy report.
    ///   - directory: The tenant directory argument, put in front of every path.
    ///   - style: Colour on a terminal (warnings bold), plain otherwise.
    /// - Returns: The text, ending in a newline.
    public static func render(_ report: PolicyReport, directory: String, style: TextStyle = .plain) -> String {
        func line(_ diagnostic: Diagnostic) -> String {
            let text = diagnostic.rendered(directory: directory)
            return diagnostic.severity == .warning ? style.bold(text) : text
        }
        var lines: [String] = []
        lines += report.settingsDiagnostics.map(line)
        lines += report.findings.map(line)
        for item in report.suppressed {
            let diagnostic = item.diagnostic
            let location = diagnostic.location.map { "\(TerminalText.escaped($0.prefixed(by: directory).description)): " }
                ?? ""
            let until = item.expires.map { " until \(TerminalText.escaped("\($0)"))" } ?? ""
            lines.append(
                "\(location)suppressed[\(TerminalText.escaped(diagnostic.ruleID ?? ""))]: "
                    + "\(TerminalText.escaped(diagnostic.message)) (exception at "
                    + "\(TerminalText.escaped(item.exception.prefixed(by: directory).description))\(until): "
                    + "\(TerminalText.escaped(item.reason)))")
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `check: 2 errors, 1 warning, 1 suppressed by an exception`, or `check: no findings (14 rules, 2
    /// organizations)`. The warnings counted are every warning line printed above: findings and policy-settings
    /// warnings (an expired exception); settings errors are counted apart (`1 error in policy settings`).
    public static func summary(_ report: PolicyReport) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let settingsWarnings = report.settingsDiagnostics.filter { $0.severity == .warning }.count
        let warnings = report.findings.count - errors + settingsWarnings
        var parts: [String] = []
        if report.findings.isEmpty && settingsWarnings == 0 {
            parts.append(
                "no findings (\(count(report.checkedRules.count, "rule")), "
                    + "\(count(report.organizations.count, "organization")))")
        } else {
            parts.append("\(count(errors, "error")), \(count(warnings, "warning"))")
        }
        if !report.suppressed.isEmpty {
            parts.append("\(report.suppressed.count) suppressed by an exception")
        }
        let settingsErrors = report.settingsDiagnostics.filter { $0.severity == .error }.count
        if settingsErrors > 0 {
            parts.append("\(count(settingsErrors, "error")) in policy settings")
        }
        return "check: " + parts.joined(separator: ", ")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

extension FindingsText: FindingsRenderer {
    /// The `text` entry of ``FindingsFormat``.
    public static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String {
        render(report, directory: context.directory, style: context.style)
    }
}
