import Diff
import TerminalText

/// Renders a ``SavedPlanStaleness`` as `apply FILE`'s refusal on stderr (docs/saved-plans.md, "`apply FILE`"):
///
/// ```
/// tenantplan: apply refused: plan.json is stale: the live tenant changed since the plan was made:
///   organization "acme" changed since the plan: display_name
/// Run tenantplan plan again, review the new plan, and apply that; nothing was applied.
/// ```
///
/// A plan made against another tenant is one line: `tenantplan: apply refused: plan.json was planned against A,
/// but this apply reaches B: run it with the AUTH0_DOMAIN or --tenant the plan was made with; nothing was applied`.
public enum SavedPlanStalenessText {
    /// The refusal, ending with a newline.
    /// - Parameter file: The saved plan's path as the user gave it.
    public static func render(_ staleness: SavedPlanStaleness, file: String) -> String {
        switch staleness {
        case .anotherTenant(let planned, let reached):
            return "tenantplan: apply refused: \(file) was planned against \(planned), but this apply reaches "
                + "\(reached): run it with the AUTH0_DOMAIN or --tenant the plan was made with; nothing was applied\n"
        case .inputChanged(let directory, let files):
            return stale(file, "\(directory) changed since the plan was made:", files.map { "\($0.file) (\($0.kind.rawValue))" })
        case .liveObjectsChanged(let objects):
            return stale(file, "the live tenant changed since the plan was made:", objects.map(line))
        case .requestsDiffer(let differences):
            return stale(file, "apply would no longer make the reviewed changes:", differences.map(line))
        case .membersAtRiskChanged(let organizations):
            return stale(file, "the members the plan would lock out changed since the plan was made:", organizations.map(line))
        }
    }

    /// `tenantplan: apply refused: FILE is stale: REASON`, one indented line per item, and what to do.
    static func stale(_ file: String, _ reason: String, _ items: [String]) -> String {
        var text = "tenantplan: apply refused: \(TerminalText.escaped(file)) is stale: \(reason)\n"
        for item in items { text += "  \(TerminalText.escaped(item))\n" }
        return text + "Run tenantplan plan again, review the new plan, and apply that; nothing was applied.\n"
    }

    /// `organization "acme" changed since the plan: display_name, metadata`.
    static func line(_ object: SavedPlanStaleness.ObjectChange) -> String {
        switch object.kind {
        case .created: return "\(object.address) was created since the plan"
        case .deleted: return "\(object.address) was deleted since the plan"
        case .recreated: return "\(object.address) was deleted and created again since the plan (new id)"
        case .fields(let fields): return "\(object.address) changed since the plan: " + fields.joined(separator: ", ")
        }
    }

    /// `organization "globex": 3 members at risk when planned, 4 now`, or `… 3 then and now, not the same members`.
    static func line(_ change: SavedPlanStaleness.MembersAtRiskChange) -> String {
        let now = change.planned == change.now ? "\(change.now) now, not the same members" : "\(change.now) now"
        return "organization \"\(change.organization)\": \(change.planned) member\(change.planned == 1 ? "" : "s") "
            + "at risk when planned, \(now)"
    }

    /// `organization "acme": the requests differ from the plan (set or unset since the plan: SECRET)`.
    static func line(_ difference: SavedPlanStaleness.ChangeDifference) -> String {
        func hint(_ flipped: [String]) -> String {
            flipped.isEmpty ? "" : " (set or unset since the plan: \(flipped.joined(separator: ", ")))"
        }
        switch difference {
        case .notInPlan(let address, let action, let flipped):
            return "\(address): \(action) is not in the plan\(hint(flipped))"
        case .actionChanged(let address, let planned, let now, let flipped):
            return "\(address): planned \(planned), would now \(now)\(hint(flipped))"
        case .requestsChanged(let address, let flipped):
            return "\(address): the requests differ from the plan\(hint(flipped))"
        case .noLongerNeeded(let address, let action):
            return "\(address): planned \(action), no longer needed"
        case .orderChanged:
            return "the order of the changes differs from the plan"
        }
    }
}
