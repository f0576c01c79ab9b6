import Apply
import Diff
import TerminalText

/// Renders a ``Plan`` for people, in the layout of README "Using it": a header with what was read, one block per
/// resource with its YAML location, field-level changes, kept keys and notes, the warnings (``PlanWarning``,
/// `! …`), then the summary line. Every name,
/// key, value and path in it passes through ``TerminalText/escaped(_:)``: one plan line is one line on the screen.
public struct PlanTextRenderer: Sendable {
    /// The tenant directory as the user named it.
    public let directory: String
    /// What the plan ran against: a domain or `local tenant PATH`.
    public let target: String
    /// The command word in the header (`plan`, `apply`).
    public let command: String
    /// Flags already given (`apply --allow-destroy`): their "apply needs" hints are left out.
    public let given: ApplyOptions
    /// Colour on a terminal, plain otherwise (``TextStyle``).
    public let style: TextStyle

    /// Where resource lines are padded to before the space and the YAML location, when every line fits.
    public static let locationColumn = 56
    /// The widest the location column grows to for long resource names; a resource line longer than this has
    /// its location on the next line, in the column.
    public static let widestLocationColumn = 96

    /// Creates a renderer.
    public init(
        directory: String, target: String, command: String = "plan", given: ApplyOptions = ApplyOptions(),
        style: TextStyle = .plain
    ) {
        self.directory = directory
        self.target = target
        self.command = command
        self.given = given
        self.style = style
    }

    /// The plan as text, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var lines: [String] = []
        lines.append("tenantplan \(command): \(TerminalText.escaped(directory)) against \(TerminalText.escaped(target))")
        let read = plan.read
        if let scope = read.scope { lines.append("  " + Self.scopeLine(scope)) }
        lines.append(
            "  read \(Self.count(read.organizations, "organization")), \(Self.count(read.connections, "connection")), "
                + "\(Self.count(read.clients, "client")), \(Self.count(read.roles, "role")) "
                + "in \(Self.count(read.requests, "request"))")
        if let impact = MemberImpactText.header(plan) { lines.append("  " + impact) }
        lines.append("")
        if plan.isEmpty {
            lines.append(Self.noChanges(plan))
            lines.append("")
        }
        let column = Self.column(for: plan.changes.filter { $0.location != nil }.map(Self.head))
        for change in plan.changes {
            let head = Self.head(change)
            let shown = "  \(style.symbol(change.action.symbol)) \(TerminalText.escaped(change.address))"
            if let location = change.location.map({ TerminalText.escaped($0.fileAndLine) }) {
                let width = TerminalWidth.of(head)
                if width <= column {
                    lines.append(shown + String(repeating: " ", count: column - width) + " " + location)
                } else {
                    lines.append(shown)
                    lines.append(String(repeating: " ", count: column) + " " + location)
                }
            } else {
                lines.append(shown)
            }
            for field in change.fields { lines.append("      " + Self.line(field, style: style)) }
            if !change.kept.isEmpty {
                lines.append("        kept (not managed here): " + change.kept.map(TerminalText.escaped).joined(separator: ", "))
            }
            for note in change.notes { lines.append("        note: \(TerminalText.escaped(note))") }
            if change.kind == .organization, let impact = plan.memberImpact(of: change.name) {
                let line = MemberImpactText.line(impact)
                lines.append("        " + (impact.isEmpty ? line : style.bold(line)))
            }
            for refusal in change.refusals {
                switch refusal {
                case .destroy where !given.allowDestroy:
                    lines.append("        " + style.bold("! apply needs --allow-destroy"))
                case .identityChange where !given.allowIdentityChange:
                    lines.append("        " + style.bold("! apply needs --allow-identity-change"))
                default: break
                }
            }
        }
        if !plan.isEmpty { lines.append("") }
        if !plan.warnings.isEmpty {
            lines += plan.warnings.map { style.bold("! " + TerminalText.escaped($0.message)) }
            lines.append("")
        }
        for refusal in refusals(plan) { lines.append(style.bold("! " + refusal)) }
        lines.append(Self.summary(plan))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why `apply` would refuse this plan as it stands, one line each, shown above the summary: unset `${env:}`
    /// secrets a request needs (``Plan/missingSecrets``), then flags not given (``ApplyOptions``), the last for
    /// members the plan would lock out (``MemberImpactText/refusal(_:)``).
    func refusals(_ plan: Plan) -> [String] {
        var lines = plan.missingSecrets.map {
            "apply refuses while \(TerminalText.escaped($0.name)) is unset (needed to \(TerminalText.escaped($0.change)))"
        }
        let destroys = plan.changes.filter { $0.refusals.contains(.destroy) }.count
        if destroys > 0, !given.allowDestroy {
            lines.append("apply needs --allow-destroy (\(Self.count(destroys, "resource")) destroyed)")
        }
        let identity = plan.changes.filter { change in
            change.refusals.contains { if case .identityChange = $0 { true } else { false } }
        }.count
        if identity > 0, !given.allowIdentityChange {
            lines.append("apply needs --allow-identity-change (\(Self.count(identity, "resource")) changing user identities)")
        }
        if !given.allowMemberLockout, let lockout = MemberImpactText.refusal(plan) { lines.append(lockout) }
        return lines
    }

    /// A resource line without colour: `  ~ organization "acme"`.
    static func head(_ change: ResourceChange) -> String {
        "  \(change.action.symbol) \(TerminalText.escaped(change.address))"
    }

    /// The location column of one plan: ``locationColumn``, or wider (up to ``widestLocationColumn``) so the
    /// longest resource line that fits ends there; one space follows before each location. Widths are terminal columns
    /// (``TerminalWidth``), so wide characters keep the column too.
    public static func column(for heads: [String]) -> Int {
        let widths = heads.map(TerminalWidth.of).filter { $0 <= widestLocationColumn }
        return max(locationColumn, widths.max() ?? 0)
    }

    /// The line of a plan without changes: `No changes. The live tenant matches the configuration.`, or, when
    /// the plan has warnings (``PlanWarning``: the live tenant does not match what the configuration means),
    /// `No changes to apply, but read the warnings below.`
    public static func noChanges(_ plan: Plan) -> String {
        plan.warnings.isEmpty
            ? "No changes. The live tenant matches the configuration."
            : "No changes to apply, but read the warnings below."
    }

    /// `scoped plan: organizations acme, globex only (no destroys; a full plan shows drift elsewhere)`.
    public static func scopeLine(_ scope: [String]) -> String {
        guard !scope.isEmpty else { return "scoped plan: no customer changed (a full plan shows drift elsewhere)" }
        let scope = scope.map(TerminalText.escaped)
        let what = scope.count == 1 ? "organization \(scope[0])" : "organizations \(scope.joined(separator: ", "))"
        return "scoped plan: \(what) only (no destroys; a full plan shows drift elsewhere)"
    }

    /// `Plan: 1 to add, 2 to change, 0 to destroy.` and, when any, the count of live objects left alone.
    public static func summary(_ plan: Plan) -> String {
        var text = "Plan: \(plan.toAdd) to add, \(plan.toChange) to change, \(plan.toDestroy) to destroy."
        let left = [
            (plan.unmanaged.organizations, "organization"), (plan.unmanaged.connections, "connection"),
            (plan.unmanaged.clients, "client"), (plan.unmanaged.roles, "role"),
            (plan.unmanaged.enabledConnections, "enabled connection"),
        ].filter { $0.0 > 0 }.map { count($0.0, $0.1) }
        if !left.isEmpty {
            let total = plan.unmanaged.total
            text += " \(list(left)) not managed here \(total == 1 ? "was" : "were") left alone."
        }
        return text
    }

    /// One field line: `~ options.passwordPolicy: "fair" -> "good"`, `= enabled connection "x" (not managed
    /// here: kept)`; the subject, values, flags and annotation escaped (``TerminalText/escaped(_:)``).
    static func line(_ field: FieldChange, style: TextStyle = .plain) -> String {
        let subject = TerminalText.escaped(field.subject)
        var text: String
        switch field.kind {
        case .add: text = "\(style.symbol("+")) \(subject)"
        case .change: text = "\(style.symbol("~")) \(subject)"
        case .remove: text = "\(style.symbol("-")) \(subject)"
        case .info: text = "  \(subject)"
        case .keep: text = "= \(subject) (not managed here: kept)"
        }
        let before = field.before.map { TerminalText.escaped($0.description) }
        let after = field.after.map { TerminalText.escaped($0.description) }
        switch (before, after) {
        case (let before?, let after?): text += ": \(before) -> \(after)"
        case (nil, let after?): text += ": \(after)"
        case (let before?, nil): text += ": \(before)"
        case (nil, nil): break
        }
        if let flags = field.flags { text += "  (\(TerminalText.escaped(flags)))" }
        if let annotation = field.annotation { text += "  [\(TerminalText.escaped(annotation))]" }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension PlanTextRenderer: PlanRenderer {
    /// Findings as text above the plan.
    public static var findingsPlacement: PlanFindingsPlacement { .textAbovePlan }

    /// The `text` entry of ``PlanFormat``: `plan`'s header and colour.
    public static func render(_ plan: Plan, context: PlanRenderContext) -> String {
        PlanTextRenderer(directory: context.directory, target: context.target, style: context.style).render(plan)
    }
}
