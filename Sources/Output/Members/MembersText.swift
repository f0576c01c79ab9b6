import JSONValues
import Migration
import PlanModel
import TerminalText

/// The `text` format of `tenantplan members`: a header (the organization, its declared `login`, the connections
/// enabled once its plan is applied, the requests), one line per member, a summary.
///
/// ```
/// tenantplan members: tenants/example-prod against local tenant live.json
///   organization globex: login sso-only (tenants/example-prod/customers/globex.yaml:8)
///   connections once its plan is applied: globex-okta (SSO: globex-okta); member key: member_id
///   read 2 members, 2 users, 0 pending invitations in 8 requests (5 to plan, 1 member page, 2 user reads, 1 invitation page)
///
///   keeps access  samlp|globex-okta|… (ana@globex.example) on globex-okta; member_id G-1; signs in through globex-okta
///   not invited   auth0|… (bob@globex.example) on Username-Password-Authentication; member_id G-2; at risk
///
/// 2 members: 1 keeps access, 1 at risk once the plan is applied (0 moved, 0 invited, 1 not invited, 0 need a manual decision).
/// Invite the members not invited: tenantplan invite tenants/example-prod --organization globex --migrate
/// ```
public enum MembersText: MembersRenderer {
    /// The roster as text; every printed name and value escaped (``TerminalText/escaped(_:)``).
    public static func render(_ roster: MemberRoster, directory: String, target: String) -> String {
        var lines: [String] = []
        lines.append("tenantplan members: \(directory) against \(target)")
        let file = roster.loginLocation.prefixed(by: directory).fileAndLine
        lines.append("  organization \(roster.organization): login \(roster.login) (\(file))")
        let after = roster.connectionsAfter.isEmpty ? "none" : roster.connectionsAfter.joined(separator: ", ")
        let sso = roster.ssoConnections.isEmpty ? "none" : roster.ssoConnections.joined(separator: ", ")
        lines.append("  connections once its plan is applied: \(after) (SSO: \(sso)); member key: \(roster.memberKey)")
        let r = roster.requests
        lines.append(
            "  read \(count(roster.members.count, "member")), \(count(r.users, "user")), "
                + "\(count(roster.pendingInvitations, "pending invitation")) in \(count(r.total, "request")) "
                + "(\(r.plan) to plan, \(count(r.memberPages, "member page")), \(count(r.users, "user read")), "
                + "\(count(r.invitationPages, "invitation page")))")
        lines.append("")
        let width = roster.members.map { status($0.standing).count }.max() ?? 0
        for member in roster.members {
            let word = status(member.standing)
            let id = member.memberID.map { "\(roster.memberKey) \(text($0))" } ?? "no \(roster.memberKey)"
            let on = member.connections.isEmpty ? "no identity" : "on " + member.connections.joined(separator: ", ")
            lines.append(
                "  \(word)\(String(repeating: " ", count: width - word.count))  \(member.userID) "
                    + "(\(member.email ?? "no e-mail")) \(on); \(id); \(detail(member.standing))")
        }
        if !roster.members.isEmpty { lines.append("") }
        let manual = roster.needManualDecision
        lines.append(
            "\(count(roster.members.count, "member")): \(roster.signingIn) \(roster.signingIn == 1 ? "keeps" : "keep") "
                + "access, \(roster.atRisk) at risk once the plan is applied (\(roster.moved) moved, "
                + "\(roster.invited) invited, \(roster.notInvited) not invited, \(manual) "
                + "\(manual == 1 ? "needs" : "need") a manual decision).")
        if roster.notInvited > 0 {
            lines.append(
                "Invite the members not invited: tenantplan invite \(directory) --organization \(roster.organization) "
                    + "--migrate")
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// The status column: `keeps access`, `moved`, `invited`, `not invited`, `manual`.
    static func status(_ standing: MemberRoster.Standing) -> String {
        switch standing {
        case .signsIn: return "keeps access"
        case .moved: return "moved"
        case .invited: return "invited"
        case .notInvited: return "not invited"
        case .needsManualDecision: return "manual"
        }
    }

    /// What follows the member id: how it signs in, where it moved, its invitation, or why it needs a decision.
    static func detail(_ standing: MemberRoster.Standing) -> String {
        switch standing {
        case .signsIn(let connection): return "signs in through \(connection)"
        case .moved(let to): return "at risk, moved: \(to) signs in through SSO with the same member id"
        case .invited(let invitation, let expiresAt):
            return "at risk, invited: \(invitation) expires \(expiresAt ?? "(unknown)")"
        case .notInvited: return "at risk, not invited"
        case .needsManualDecision(let reason): return "at risk, needs a manual decision: \(reason)"
        }
    }

    /// A member id as text: a string as it is, any other JSON value encoded.
    static func text(_ value: JSONValue) -> String {
        value.stringValue ?? String(decoding: value.encoded(pretty: false), as: UTF8.self)
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
