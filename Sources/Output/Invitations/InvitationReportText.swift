import Invitations
import PlanModel
import TerminalText

/// The `text` format of `tenantplan invite`: one line per invitee (`invited`, `would invite`, `skipped`,
/// `rejected`, `failed`). The invitation URL (a bearer secret) only when `showURL`.
public enum InvitationReportText {
    /// One line per invitee (and `invitation_url` under it when shown), then, when an invitation was (or would be)
    /// created, the roles granted (``rolesLine(_:)``), then, for a CSV run or a dry run, a summary; locations in refusals carry `directory` in front. Ends with a newline.
    public static func render(_ report: InvitationReport, showURL: Bool, bulk: Bool, directory: String) -> String {
        var lines: [String] = []
        for outcome in report.outcomes {
            let who = Self.who(outcome)
            switch outcome.status {
            case .created(let invitation, let recovered):
                var line = "invited \(who): \(invitation.id), expires \(invitation.expiresAt ?? "(unknown)")"
                if recovered { line += " (response lost; found among the pending invitations, not sent again)" }
                lines.append(line)
                if showURL, let url = invitation.invitationURL { lines.append("  invitation_url: \(url)") }
            case .wouldCreate(let body):
                let t = report.template
                var parts = ["client \(t.client)"]
                if let connection = t.connection { parts.append("connection \(connection)") }
                if !t.roles.isEmpty { parts.append("roles \(t.roles.joined(separator: ", "))") }
                parts.append("ttl \(DurationText.text(t.ttlSeconds))")
                parts.append("send_invitation_email \(t.sendInvitationEmail)")
                let metadata = body.appMetadata.keys.sorted().map { "\($0)=\(body.appMetadata[$0]!.stringValue ?? "")" }
                if !metadata.isEmpty { parts.append("app_metadata \(metadata.joined(separator: " "))") }
                lines.append("would invite \(who): \(parts.joined(separator: ", "))")
            case .skipped(let pending):
                lines.append(
                    "skipped \(who): pending invitation \(pending.id) expires \(pending.expiresAt ?? "(unknown)")")
            case .duplicate(let earlier):
                lines.append("skipped \(who): the same address as " + (earlier.map { "line \($0)" } ?? "above"))
            case .rejected(let refusals):
                lines.append("rejected \(who.isEmpty ? "invitee" : who): "
                    + refusals.map { $0.rendered(directory: directory) }.joined(separator: "; "))
            case .failed(let error):
                lines.append("failed \(who): \(error)")
            case .needsManualDecision(let reason):
                lines.append("needs a manual decision \(who): \(reason); not invited")
            case .moved(let to):
                let key = report.template.memberKey ?? "member id"
                lines.append("skipped \(who): moved; \(to) signs in through SSO with the same \(key)")
            }
        }
        if report.created + report.wouldCreate > 0 { lines.append(rolesLine(report.template)) }
        if bulk || report.dryRun {
            let created = report.dryRun ? "\(report.wouldCreate) to create" : "\(report.created) created"
            var summary = "Invitations to organization \(report.organization): \(created), \(report.skipped) skipped, "
                + "\(report.rejected) rejected, \(report.failed) failed"
            if report.needManualDecision > 0 {
                summary += ", \(report.needManualDecision) \(report.needManualDecision == 1 ? "needs" : "need") a manual decision"
            }
            summary += "."
            if report.dryRun { summary += " Dry run: nothing was sent." }
            lines.append(summary)
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// Who an outcome is for: `ana@example.com (line 3)` for `--email` and CSV rows, `auth0|… (ana@example.com)`
    /// for a member of `invite --migrate`.
    static func who(_ outcome: InvitationOutcome) -> String {
        if let userID = outcome.userID { return "\(userID) (\(outcome.email ?? "no e-mail"))" }
        return [outcome.email, outcome.line.map { "(line \($0))" }].compactMap { $0 }.joined(separator: " ")
    }

    /// Which roles the invitations grant and why: `roles: member (the policy's roles; no --role given)`,
    /// `roles: (none; the policy lists no roles)`, `roles: admin (--role)`.
    static func rolesLine(_ template: InvitationTemplate) -> String {
        guard template.rolesFromPolicy else { return "roles: \(template.roles.joined(separator: ", ")) (--role)" }
        guard !template.roles.isEmpty else { return "roles: (none; the policy lists no roles)" }
        return "roles: \(template.roles.joined(separator: ", ")) (the policy's roles; no --role given)"
    }
}

extension InvitationReportText: InvitationReportRenderer {
    /// The `text` entry of ``InvitationReportFormat`` for `invitations`: ``PendingInvitationsText``.
    public static func render(
        _ pending: PendingInvitations, shown: [PendingInvitations.Entry], revocations: [PendingInvitations.Revocation]?
    ) -> String {
        PendingInvitationsText.render(pending, shown: shown, revocations: revocations)
    }
}
