import Diff
import Members
import TerminalText

/// The wording of a plan's member impact (``MemberImpact``), shared by the text and markdown plans and by the
/// refusal note above the summary (README, "What the plan promises"; docs/plan-json.md for the JSON shape).
///
/// ```
///       ! 3 of 250 members would be locked out (they sign in only with "globex-db"): auth0|a1 ana@globex.example, …
///       member impact: none of 250 members would be locked out
/// ```
///
/// Every user id, e-mail address and connection name passes through ``TerminalText/escaped(_:)``.
public enum MemberImpactText {
    /// How many members at risk a plan names per organization (the rest are counted): enough to recognise who
    /// is affected in a review, few enough that a plan in a CI log is not a member directory.
    public static let shown = 5

    /// The line under the organization's change, without indentation or colour: `! 3 of 250 members would be
    /// locked out (they sign in only with "globex-db"): auth0|a1 ana@globex.example, auth0|a2 (no e-mail), and 1
    /// more`, or `member impact: none of 250 members would be locked out` (`member impact: the organization has no
    /// members`).
    public static func line(_ impact: MemberImpact) -> String {
        guard impact.memberCount > 0 else { return "member impact: the organization has no members" }
        let members = count(impact.memberCount, "member")
        guard !impact.isEmpty else { return "member impact: none of \(members) would be locked out" + movedNote(impact) }
        return "! " + sentence(impact)
    }

    /// ` (2 moved members not counted)` when accounts that would be locked out belong to people who moved
    /// (``MemberImpact/moved``), else empty.
    static func movedNote(_ impact: MemberImpact) -> String {
        guard !impact.moved.isEmpty else { return "" }
        return " (\(count(impact.moved.count, "moved member")) not counted)"
    }

    /// `3 of 250 members would be locked out (they sign in only with "globex-db"): auth0|a1 ana@globex.example, …`:
    /// the count, the removed connections and the first ``shown`` members at risk (user id, e-mail).
    public static func sentence(_ impact: MemberImpact) -> String {
        let members = count(impact.memberCount, "member")
        let connections = impact.change.removed.map { "\"\(TerminalText.escaped($0.name))\"" }
        var people = impact.atRisk.prefix(shown).map { member in
            TerminalText.escaped(member.userID) + " " + (member.email.map(TerminalText.escaped) ?? "(no e-mail)")
        }
        if impact.atRisk.count > shown { people.append("and \(impact.atRisk.count - shown) more") }
        return "\(impact.atRisk.count) of \(members) would be locked out (they sign in only with "
            + connections.joined(separator: " or ") + ")" + movedNote(impact) + ": " + people.joined(separator: ", ")
    }

    /// The header line stating the member impact read's requests (`+ 8 requests for member impact (250 members, 5
    /// users read)`), or `nil` when the plan removes no login path.
    public static func header(_ plan: Plan) -> String? {
        guard !plan.memberImpacts.isEmpty else { return nil }
        let members = plan.memberImpacts.reduce(0) { $0 + $1.memberCount }
        let users = plan.memberImpacts.reduce(0) { $0 + $1.candidateCount }
        return "+ \(count(plan.memberImpactRequests, "request")) for member impact "
            + "(\(count(members, "member")), \(count(users, "user")) read)"
    }

    /// Why apply refuses while members would be locked out, above the summary: `apply needs --allow-member-lockout
    /// (would lock out 3 members of organization "globex")`; `nil` when no member would be.
    public static func refusal(_ plan: Plan) -> String? {
        let lockouts = plan.memberLockouts
        guard !lockouts.isEmpty else { return nil }
        let parts = lockouts.map {
            "\(count($0.atRisk.count, "member")) of organization \"\(TerminalText.escaped($0.change.organization))\""
        }
        return "apply needs \(Plan.memberLockoutFlag) (would lock out \(parts.joined(separator: ", ")))"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
