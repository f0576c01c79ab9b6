import ManagementAPI

/// How an ``Inviter`` tells that an invitation is for the same person as another: what its idempotence and its
/// duplicate checks compare.
public enum InvitationMatch: Sendable, Equatable {
    /// By e-mail address, compared case-insensitively (``EmailAddress/key(_:)``): `invite --email` and
    /// `--from-csv`, where the address is what the operator gives.
    case address
    /// By the member id under `key` in `app_metadata` (`invite --migrate`, docs/sso-enforcement.md): two people may
    /// share an address, and the member id, never the address, binds the new SSO user to the member.
    case memberID(key: String)

    /// The value an invitee is matched by: its address key, or its member id exactly as stored (`""` when absent;
    /// never trimmed: `" G-1"` and `"G-1"` are two members, as the application that reads them sees them).
    func key(of invitee: Invitee) -> String {
        switch self {
        case .address: return EmailAddress.key(invitee.email)
        case .memberID(let key): return invitee.appMetadata[key] ?? ""
        }
    }

    /// The value a pending invitation is matched by; `nil` when it carries no member id as text.
    func key(of invitation: LiveInvitation) -> String? {
        switch self {
        case .address: return EmailAddress.key(invitation.inviteeEmail)
        case .memberID(let key):
            return invitation.appMetadata[key]?.stringValue
        }
    }
}
