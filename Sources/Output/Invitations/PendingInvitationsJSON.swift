import Invitations
import JSONValues

/// The `json` format of `tenantplan invitations` (versioned: `format_version: 1`).
public enum PendingInvitationsJSON {
    /// `{"format_version": 1, "tool": {"name", "version"}, "organization", "organization_id", "invitations": [{id, invitee, roles, created_at,
    /// expires_at, expired}], "revoked": [{id, status}]}` with sorted keys (`revoked` only with `--revoke-expired`).
    public static func render(
        _ pending: PendingInvitations, shown: [PendingInvitations.Entry], revocations: [PendingInvitations.Revocation]?
    ) -> String
    {
        var document: [String: JSONValue] = [
            "format_version": 1,
            "tool": .object(ToolIdentity.json.mapValues(JSONValue.string)),
            "organization": .string(pending.organization),
            "organization_id": .string(pending.organizationID),
            "invitations": .array(shown.map { entry in
                var item: [String: JSONValue] = [
                    "id": .string(entry.invitation.id), "invitee": .string(entry.invitation.inviteeEmail),
                    "roles": .array(entry.roleNames.map(JSONValue.string)), "expired": .bool(entry.expired),
                ]
                if let created = entry.invitation.createdAt { item["created_at"] = .string(created) }
                if let expiry = entry.invitation.expiresAt { item["expires_at"] = .string(expiry) }
                return .object(item)
            }),
        ]
        if let revocations {
            document["revoked"] = .array(revocations.map { revocation in
                var item: [String: JSONValue] = ["id": .string(revocation.entry.invitation.id)]
                switch revocation.status {
                case .revoked: item["status"] = "revoked"
                case .alreadyGone: item["status"] = "already_gone"
                case .failed(let error):
                    item["status"] = "failed"
                    item["error"] = .string(error)
                }
                return .object(item)
            })
        }
        return String(decoding: JSONValue.object(document).encoded(pretty: true), as: UTF8.self) + "\n"
    }
}
