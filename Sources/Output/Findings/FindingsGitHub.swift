import PlanModel
import Policy
import TerminalText

/// The `github` findings format: GitHub Actions workflow commands that annotate the pull request's files
/// (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions).
///
/// One line per finding and per policy settings diagnostic:
/// `::error file=tenants/prod/customers/acme.yaml,line=14,col=7,title=sso-only-password-connection::message`
/// (`::warning` for warnings; settings diagnostics have `title=policy settings`). Property values escape `%`,
/// CR, LF, `:` and `,`; messages escape `%`, CR and LF, as the runner expects; both show control characters
/// visibly first (``TerminalText/escaped(_:)``). Suppressed findings are not
/// annotated.
public enum FindingsGitHub {
    /// Renders `report`.
    /// - Parameters:
    ///   - report: The policy report.
    ///   - directory: The tenant directory argument, put in front of every path (relative to the checkout).
    /// - Returns: One command per line, ending in a newline (empty when there is nothing to annotate).
    public static func render(_ report: PolicyReport, directory: String) -> String {
        var lines: [String] = []
        for diagnostic in report.settingsDiagnostics {
            lines.append(command(diagnostic, title: "policy settings", directory: directory))
        }
        for diagnostic in report.findings {
            lines.append(command(diagnostic, title: diagnostic.ruleID ?? "policy", directory: directory))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func command(_ diagnostic: Diagnostic, title: String, directory: String) -> String {
        var properties: [String] = []
        if let location = diagnostic.location?.prefixed(by: directory) {
            properties.append("file=\(escapeProperty(location.file))")
            if location.line > 0 {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        properties.append("title=\(escapeProperty(title))")
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
    }

    /// Escapes a workflow command's message: control and bidi characters first (``TerminalText/escaped(_:)``, so
    /// an escape sequence cannot reach the log viewer and a line break in a key is shown as `\n`), then `%`, CR
    /// and LF as the runner expects.
    static func escapeData(_ text: String) -> String {
        TerminalText.escaped(text).replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow command's property value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

extension FindingsGitHub: FindingsRenderer {
    /// The `github` entry of ``FindingsFormat``.
    public static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String {
        render(report, directory: context.directory)
    }
}
