import JSONValues
import Migration

/// The `json` format of `tenantplan members` (versioned: `format_version: 1`; docs/sso-enforcement.md).
///
/// `{"format_version": 1, "tool": {"name", "version"}, "organization", "organization_id", "login", "member_key",
/// "connections_after_plan", "sso_connections", "requests": {"total", "plan", "member_pages", "users",
/// "invitation_pages"}, "members": [...], "summary": {"members", "keeps_access", "at_risk", "moved", "invited",
/// "not_invited", "needs_manual_decision"}}` with sorted keys. Each member: `user_id`, `email` (when it has one),
/// `connections` (its identities' connection names), `member_id` (the value under `member_key`, `null` when
/// absent), `status` (`keeps_access`, `moved`, `invited`, `not_invited`, `needs_manual_decision`) and, as they
/// apply, `signs_in_through`, `moved_to`, `invitation_id`, `expires_at`, `note`.
public enum MembersJSON: MembersRenderer {
    /// The roster as one JSON document.
    public static func render(_ roster: MemberRoster, directory: String, target: String) -> String {
        let members: [JSONValue] = roster.members.map { member in
            var item: [String: JSONValue] = [
                "user_id": .string(member.userID),
                "connections": .array(member.connections.map(JSONValue.string)),
                "member_id": member.memberID ?? .null,
            ]
            if let email = member.email { item["email"] = .string(email) }
            switch member.standing {
            case .signsIn(let connection):
                item["status"] = "keeps_access"
                item["signs_in_through"] = .string(connection)
            case .moved(let to):
                item["status"] = "moved"
                item["moved_to"] = .string(to)
            case .invited(let invitation, let expiresAt):
                item["status"] = "invited"
                item["invitation_id"] = .string(invitation)
                if let expiresAt { item["expires_at"] = .string(expiresAt) }
            case .notInvited:
                item["status"] = "not_invited"
            case .needsManualDecision(let reason):
                item["status"] = "needs_manual_decision"
                item["note"] = .string(reason)
            }
            return .object(item)
        }
        let r = roster.requests
        let document: JSONValue = [
            "format_version": 1,
            "tool": .object(ToolIdentity.json.mapValues(JSONValue.string)),
            "organization": .string(roster.organization),
            "organization_id": .string(roster.organizationID),
            "login": .string(roster.login),
            "member_key": .string(roster.memberKey),
            "connections_after_plan": .array(roster.connectionsAfter.map(JSONValue.string)),
            "sso_connections": .array(roster.ssoConnections.map(JSONValue.string)),
            "requests": [
                "total": .int(r.total), "plan": .int(r.plan), "member_pages": .int(r.memberPages),
                "users": .int(r.users), "invitation_pages": .int(r.invitationPages),
            ],
            "members": .array(members),
            "summary": [
                "members": .int(roster.members.count), "keeps_access": .int(roster.signingIn),
                "at_risk": .int(roster.atRisk), "moved": .int(roster.moved), "invited": .int(roster.invited),
                "not_invited": .int(roster.notInvited), "needs_manual_decision": .int(roster.needManualDecision),
            ],
        ]
        return String(decoding: document.encoded(pretty: true), as: UTF8.self) + "\n"
    }
}
