import Apply
import TerminalText

/// Renders an ``ApplyReport``: what was done, what failed, what was not attempted, and what to do next.
public enum ApplyReportRenderer {
    /// The report as text, ending with a newline.
    /// - Parameter followUp: What to do after a failure, with the exact commands (the caller knows the options the
    ///   run was given); by default `Run \`tenantplan plan DIR\` to see the remainder; running apply again converges.`
    public static func render(_ report: ApplyReport, directory: String, followUp: String? = nil) -> String {
        var lines: [String] = []
        if report.succeeded {
            lines.append("Apply complete: \(PlanTextRenderer.count(report.done.count, "request")) done.")
            return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
        }
        lines.append(
            "Apply failed: \(report.done.count) done, \(report.failed.count) failed, "
                + "\(report.notAttempted.count) not attempted.")
        for entry in report.done { lines.append("  done: \(entry.summary)" + (entry.detail.map { " (\($0))" } ?? "")) }
        for entry in report.failed { lines.append("  failed: \(entry.summary): \(entry.detail ?? "")") }
        for entry in report.notAttempted { lines.append("  not attempted: \(entry.summary)") }
        lines.append(
            "Nothing done is undone. "
                + (followUp ?? "Run `tenantplan plan \(ShellWord.quoted(directory))` to see the remainder; running apply again converges."))
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }
}
