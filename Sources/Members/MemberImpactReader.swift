import JSONValues
import ManagementAPI

/// Reads the members a ``LoginPathChange`` would lock out: the organization's member list
/// (`GET /api/v2/organizations/{id}/members`, checkpoint paging), then `GET /api/v2/users/{id}` for each member
/// who could depend on a removed connection (a candidate, ``isCandidate(_:of:)``). A member is at risk when the
/// change takes away its last way in: it has an identity on a removed connection and none on a connection still
/// enabled after the change (``MemberStanding``; identities only, never e-mail). A member with no identity on
/// any enabled connection before the change is not locked out by it, and a user deleted between the member list
/// and its read (404) is no one.
///
/// A member at risk whose member id (the invite policy's member key in `app_metadata`) another member carries
/// while signing in through a connection still enabled has *moved* (its migration invitation was accepted): it is
/// counted in ``MemberImpact/moved``, not at risk.
///
/// Requests: `ceil(members / 100)` (at least 1), plus one per candidate, plus one user search per member at risk
/// that carries a member id; scopes `read:organization_members` and `read:users`.
public enum MemberImpactReader {
    /// Reads the impact of `change`.
    /// - Parameters:
    ///   - memberKey: The `app_metadata` key holding the customer's member id (the invite policy's `member_key`).
    ///   - parallelism: User reads in flight at once (1 or more).
    /// - Throws: The client's errors (``ManagementAPIError``, ``UnexpectedResponse``, transport errors).
    public static func read(
        _ change: LoginPathChange, client: ManagementClient, memberKey: String, parallelism: Int = 1
    ) async throws -> MemberImpact {
        let before = client.requestCount
        let members = try await client.organizationMembers(organizationID: change.organizationID)
        let candidates = members.filter { isCandidate($0, of: change) }
        let users = try await client.users(ids: candidates.map(\.userID), parallelism: parallelism)
        let removed = Set(change.removed.map(\.name))
        let memberIDs = Set(members.map(\.userID))
        var atRisk: [MemberImpact.AtRisk] = []
        var moved: [MemberImpact.AtRisk] = []
        for (member, user) in zip(candidates, users) {
            // A user gone since the member list was read (the list is eventually consistent) is no one at risk.
            guard let user, MemberStanding(of: user, enabled: change.remaining) == .lockedOut,
                user.identities.contains(where: { removed.contains($0.connection) })
            else { continue }
            let account = MemberImpact.AtRisk(
                userID: member.userID, email: user.email ?? member.email,
                connections: user.identities.map(\.connection), memberKey: user.appMetadata[memberKey])
            if try await hasMoved(user, key: memberKey, change: change, members: memberIDs, client: client) {
                moved.append(account)
            } else {
                atRisk.append(account)
            }
        }
        return MemberImpact(
            change: change, memberCount: members.count, candidateCount: candidates.count,
            requests: client.requestCount - before, atRisk: atRisk, moved: moved)
    }

    /// Whether the person behind `user` has moved (``MemberStanding/hasMoved(_:to:key:enabled:)``) to another
    /// member of the organization: one user search by member id (``ManagementClient/users(appMetadata:equalTo:)``),
    /// none when `user` carries no member id. The member id binds, never the e-mail.
    static func hasMoved(
        _ user: LiveUser, key: String, change: LoginPathChange, members: Set<String>, client: ManagementClient
    ) async throws -> Bool {
        guard let id = MemberStanding.memberID(user.appMetadata[key]) else { return false }
        return try await client.users(appMetadata: key, equalTo: id).contains { successor in
            members.contains(successor.userID)
                && MemberStanding.hasMoved(user, to: successor, key: key, enabled: change.remaining)
        }
    }

    /// Whether `member` could depend on a connection `change` removes, so its user (all its identities, linked
    /// ones included) must be read. Only the member list's `user_id` is known before that read; Auth0 builds it
    /// as `{provider}|{id}`, and for enterprise connections `{strategy}|{connection}|{id}`
    /// (https://auth0.com/docs/manage-users/user-accounts/identify-users). A member is *not* a candidate only
    /// when its primary identity is certainly on a connection still enabled:
    /// - a user id of three parts or more whose second part names a connection in ``LoginPathChange/remaining``
    ///   (any other three-part id is read);
    /// - a two-part user id whose provider is the strategy of a remaining connection
    ///   (``LoginPathChange/remainingStrategies``) and of no removed one.
    ///
    /// Every other member is read: its provider is a removed connection's strategy (`auth0` for a database
    /// connection), or a connection not enabled for the organization (it may sign in through a linked identity
    /// on a removed connection), or its id has no `|`.
    public static func isCandidate(_ member: LiveMember, of change: LoginPathChange) -> Bool {
        guard let provider = member.provider else { return true }
        let parts = member.userID.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count >= 3 { return !change.remaining.contains(String(parts[1])) }
        let removedStrategies = Set(change.removed.map(\.strategy))
        return removedStrategies.contains(provider) || !change.remainingStrategies.contains(provider)
    }

}
