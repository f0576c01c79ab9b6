import Invitations
import TerminalText

/// The `text` format of `tenantplan invitations`: counts, one line per invitation, one line per revocation.
public enum PendingInvitationsText {
    /// A header with the counts, one line per invitation (`id  email  roles  expires AT[  expired]`), then one
    /// line per revocation.
    public static func render(
        _ pending: PendingInvitations, shown: [PendingInvitations.Entry], revocations: [PendingInvitations.Revocation]?
    ) -> String
    {
        var lines = [
            "Pending invitations of organization \(pending.organization) (\(pending.organizationID)): "
                + "\(pending.entries.count - pending.expired.count) pending, \(pending.expired.count) expired"
        ]
        for entry in shown {
            let roles = entry.roleNames.isEmpty ? "(no roles)" : entry.roleNames.joined(separator: ",")
            var line = "  \(entry.invitation.id)  \(entry.invitation.inviteeEmail)  \(roles)  "
                + "expires \(entry.invitation.expiresAt ?? "(unknown)")"
            if entry.expired { line += "  expired" }
            lines.append(line)
        }
        if let revocations {
            for revocation in revocations {
                let id = "\(revocation.entry.invitation.id) (\(revocation.entry.invitation.inviteeEmail))"
                switch revocation.status {
                case .revoked: lines.append("revoked \(id)")
                case .alreadyGone: lines.append("revoked \(id): already gone")
                case .failed(let error): lines.append("failed to revoke \(id): \(error)")
                }
            }
            let revoked = revocations.filter { !$0.status.isFailure }.count
            lines.append("Revoked \(revoked) expired invitation\(revoked == 1 ? "" : "s").")
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }
}

extension PendingInvitations.Revocation.Status {
    /// True for ``failed(_:)``.
    public var isFailure: Bool { if case .failed = self { true } else { false } }
}
