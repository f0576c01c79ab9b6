import Apply
import Diff

/// Renders a ``Plan`` for people, in the layout of SPEC section 3: a header with what was read, one block per
/// resource with its YAML location, field-level changes, kept keys and notes, then the summary line.
public struct PlanTextRenderer: Sendable {
    /// The tenant directory as the user named it.
    public let directory: String
    /// What the plan ran against: a domain or `local tenant PATH`.
    public let target: String
    /// The command word in the header (`plan`, `apply`).
    public let command: String
    /// Flags already given (`apply --allow-destroy`): their "apply needs" hints are left out.
    public let given: ApplyOptions

    /// Creates a renderer.
    public init(directory: String, target: String, command: String = "plan", given: ApplyOptions = ApplyOptions()) {
        self.directory = directory
        self.target = target
        self.command = command
        self.given = given
    }

    /// The plan as text, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var lines: [String] = []
        lines.append("tenantplan \(command): \(directory) against \(target)")
        let read = plan.read
        if let scope = read.scope { lines.append("  " + Self.scopeLine(scope)) }
        lines.append(
            "  read \(Self.count(read.organizations, "organization")), \(Self.count(read.connections, "connection")), "
                + "\(Self.count(read.clients, "client")), \(Self.count(read.roles, "role")) "
                + "in \(Self.count(read.requests, "request"))")
        lines.append("")
        if plan.isEmpty {
            lines.append("No changes. The live tenant matches the configuration.")
            lines.append("")
        }
        for change in plan.changes {
            let head = "  \(change.action.symbol) \(change.address)"
            if let location = change.location {
                lines.append(Self.pad(head, to: 56) + " " + location.fileAndLine)
            } else {
                lines.append(head)
            }
            for field in change.fields { lines.append("      " + Self.line(field)) }
            if !change.kept.isEmpty {
                lines.append("        kept (not managed here): " + change.kept.joined(separator: ", "))
            }
            for note in change.notes { lines.append("        note: \(note)") }
            for refusal in change.refusals {
                switch refusal {
                case .destroy where !given.allowDestroy: lines.append("        ! apply needs --allow-destroy")
                case .identityChange where !given.allowIdentityChange:
                    lines.append("        ! apply needs --allow-identity-change")
                default: break
                }
            }
        }
        if !plan.isEmpty { lines.append("") }
        lines.append(Self.summary(plan))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `scoped plan: organizations acme, globex only (no destroys; a full plan shows drift elsewhere)`.
    public static func scopeLine(_ scope: [String]) -> String {
        guard !scope.isEmpty else { return "scoped plan: no customer changed (a full plan shows drift elsewhere)" }
        let what = scope.count == 1 ? "organization \(scope[0])" : "organizations \(scope.joined(separator: ", "))"
        return "scoped plan: \(what) only (no destroys; a full plan shows drift elsewhere)"
    }

    /// `Plan: 1 to add, 2 to change, 0 to destroy.` and, when any, the count of live objects left alone.
    public static func summary(_ plan: Plan) -> String {
        var text = "Plan: \(plan.toAdd) to add, \(plan.toChange) to change, \(plan.toDestroy) to destroy."
        let left = [
            (plan.unmanaged.organizations, "organization"), (plan.unmanaged.connections, "connection"),
            (plan.unmanaged.clients, "client"), (plan.unmanaged.roles, "role"),
        ].filter { $0.0 > 0 }.map { count($0.0, $0.1) }
        if !left.isEmpty {
            let total = plan.unmanaged.organizations + plan.unmanaged.connections + plan.unmanaged.clients
                + plan.unmanaged.roles
            text += " \(list(left)) not managed here \(total == 1 ? "was" : "were") left alone."
        }
        return text
    }

    /// One field line: `~ options.passwordPolicy: "fair" -> "good"`.
    static func line(_ field: FieldChange) -> String {
        var text: String
        switch field.kind {
        case .add: text = "+ \(field.subject)"
        case .change: text = "~ \(field.subject)"
        case .remove: text = "- \(field.subject)"
        case .info: text = "  \(field.subject)"
        }
        switch (field.before, field.after) {
        case (let before?, let after?): text += ": \(before) -> \(after)"
        case (nil, let after?): text += ": \(after)"
        case (let before?, nil): text += ": \(before)"
        case (nil, nil): break
        }
        if let flags = field.flags { text += "  (\(flags))" }
        if let annotation = field.annotation { text += "  [\(annotation)]" }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
