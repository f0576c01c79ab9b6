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
        lines += report.done.map { "  " + progressLine(.done($0)) }
        lines += report.failed.map { "  " + progressLine(.failed($0)) }
        lines += report.notAttempted.map { "  not attempted: \(RequestSummary.text($0.planned))" }
        lines.append(
            "Nothing done is undone. "
                + (followUp ?? "Run `tenantplan plan \(ShellWord.quoted(directory))` to see the remainder; running apply again converges."))
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// One request's outcome as apply reports it while it goes (on stderr) and in a failed apply's report,
    /// unescaped: `done: create connection "acme-entra"`, `done: … (already gone (404))`,
    /// `failed: update organization "acme": REASON` (``RequestSummary``).
    public static func progressLine(_ progress: ApplyProgress) -> String {
        switch progress {
        case .done(let entry):
            return "done: \(RequestSummary.text(entry.planned))" + (entry.detail.map { " (\($0))" } ?? "")
        case .failed(let entry):
            return "failed: \(RequestSummary.text(entry.planned)): \(entry.detail ?? "")"
        }
    }
}
