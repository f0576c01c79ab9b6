import Diff
import Members
import TerminalText

/// The `markdown` format of `tenantplan plan`: a pull-request comment. A summary (the plan line, the warnings
/// (``PlanWarning``) and a table of counts per kind and action) that always stays whole, then one collapsible section per resource with its
/// field-level changes. GitHub refuses comments over 65,536 characters: past ``limit``, the sections that do not
/// fit are left out and counted, never the summary.
public struct PlanMarkdownRenderer: Sendable {
    /// The most characters a comment may have (GitHub's limit for an issue or pull-request comment).
    public static let limit = 65_536

    /// The tenant directory as the user named it.
    public let directory: String
    /// What the plan ran against.
    public let target: String
    /// The character budget (``limit`` unless a test sets a smaller one).
    public let budget: Int

    /// Creates a renderer.
    public init(directory: String, target: String, budget: Int = PlanMarkdownRenderer.limit) {
        self.directory = directory
        self.target = target
        self.budget = budget
    }

    /// The comment, ending with a newline; never longer than ``budget`` characters.
    public func render(_ plan: Plan) -> String {
        var summary = "### tenantplan plan: `\(TerminalText.escaped(directory))` against `\(TerminalText.escaped(target))`\n\n"
        if let scope = plan.read.scope {
            let line = PlanTextRenderer.scopeLine(scope)
            summary += "_\(line.count > 1_000 ? String(line.prefix(1_000)) + "…" : line)_, \(plan.read.requests) requests\n\n"
        }
        if let impact = MemberImpactText.header(plan) { summary += "_\(impact)_\n\n" }
        summary += "**\(PlanTextRenderer.summary(plan))**\n"
        if !plan.warnings.isEmpty {
            summary += "\n" + plan.warnings.map { ":warning: \(Self.escape($0.message))\n" }.joined()
        }
        if !plan.memberLockouts.isEmpty {
            summary += "\n" + plan.memberLockouts.map { impact in
                ":no_entry: " + Self.escape("organization \"\(impact.change.organization)\": ")
                    + Self.escape(MemberImpactText.sentence(impact)) + "\n"
            }.joined()
            summary += "\n:warning: apply refuses while members would be locked out, unless given `\(Plan.memberLockoutFlag)`.\n"
        }
        if plan.isEmpty { return summary + "\n\(PlanTextRenderer.noChanges(plan))\n" }
        summary += "\n| kind | to add | to change | to destroy |\n|---|---:|---:|---:|\n"
        for kind in [ResourceKind.organization, .connection, .client, .role] {
            let changes = plan.changes.filter { $0.kind == kind }
            guard !changes.isEmpty else { continue }
            let add = changes.filter { $0.action == .create || $0.action == .replace }.count
            let change = changes.filter { $0.action == .update }.count
            let destroy = changes.filter { $0.action == .delete || $0.action == .replace }.count
            summary += "| \(kind.rawValue) | \(add) | \(change) | \(destroy) |\n"
        }
        let needsFlags = plan.changes.contains { !$0.refusals.isEmpty }
        if needsFlags {
            summary += "\n:warning: Some changes need `--allow-destroy` or `--allow-identity-change` to apply.\n"
        }
        summary += "\n"

        var details = ""
        var shown = 0
        let reserve = 200  // room for the closing line
        for change in plan.changes {
            let section = Self.section(
                change, impact: change.kind == .organization ? plan.memberImpact(of: change.name) : nil)
            guard summary.count + details.count + section.count + reserve <= budget else { break }
            details += section
            shown += 1
        }
        var text = summary + details
        if shown < plan.changes.count {
            text += "\n… and \(plan.changes.count - shown) more resource changes, left out to keep this comment under "
                + "\(budget) characters. Run `tenantplan plan \(ShellWord.quoted(directory))` for the whole plan.\n"
        }
        return text
    }

    /// One collapsible section: the resource, its location, and a `diff` block of its lines.
    /// - Parameter impact: The organization's member impact, shown as the section's last line.
    static func section(_ change: ResourceChange, impact: MemberImpact? = nil) -> String {
        var lines = change.fields.map { PlanTextRenderer.line($0) }
        if !change.kept.isEmpty {
            lines.append("  kept (not managed here): " + change.kept.map(TerminalText.escaped).joined(separator: ", "))
        }
        lines += change.notes.map { "  note: \(TerminalText.escaped($0))" }
        if let impact { lines.append("  " + MemberImpactText.line(impact)) }
        let body = lines.joined(separator: "\n")
        // A fence longer than any run of backticks in the body, so values cannot close it.
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let location = change.location.map { " — `\(TerminalText.escaped($0.fileAndLine))`" } ?? ""
        let title = "\(change.action.symbol) \(escape(change.address))\(location)"
        guard !lines.isEmpty else { return "- \(title)\n" }
        return "<details><summary>\(title)</summary>\n\n\(fence)diff\n\(body)\n\(fence)\n</details>\n"
    }

    /// Escapes characters that HTML or Markdown would interpret in a summary line, and control characters
    /// (``TerminalText/escaped(_:)``).
    static func escape(_ text: String) -> String {
        TerminalText.escaped(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension PlanMarkdownRenderer: PlanRenderer {
    /// `a pull-request comment`.
    public static var formatNote: String? { "a pull-request comment" }
    /// Findings on stderr: stdout is the comment only.
    public static var findingsPlacement: PlanFindingsPlacement { .textOnStderr }

    /// The `markdown` entry of ``PlanFormat``, within GitHub's comment limit (``limit``).
    public static func render(_ plan: Plan, context: PlanRenderContext) -> String {
        PlanMarkdownRenderer(directory: context.directory, target: context.target).render(plan)
    }
}
