import JSONValues
import ManagementAPI

/// Reads the members a ``LoginPathChange`` would lock out: the organization's member list
/// (`GET /api/v2/organizations/{id}/members`, checkpoint paging), then `GET /api/v2/users/{id}` for each member
/// who could depend on a removed connection (its user id's provider is the strategy of one). A member whose user
/// has no identity on a connection still enabled after the change is at risk (``MemberStanding``).
///
/// Requests: `ceil(members / 100)` (at least 1) plus one per candidate; scopes `read:organization_members` and
/// `read:users`.
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
        let providers = Set(change.removed.map(\.strategy))
        let candidates = members.filter { member in member.provider.map(providers.contains) ?? true }
        let users = try await readUsers(candidates.map(\.userID), client: client, parallelism: max(1, parallelism))
        var atRisk: [MemberImpact.AtRisk] = []
        for (member, user) in zip(candidates, users) {
            // A user gone since the member list was read (the list is eventually consistent) is no one at risk.
            guard let user, MemberStanding(of: user, enabled: change.remaining) == .lockedOut else { continue }
            atRisk.append(
                MemberImpact.AtRisk(
                    userID: member.userID, email: user.email ?? member.email,
                    connections: user.identities.map(\.connection), memberKey: user.appMetadata[memberKey]))
        }
        return MemberImpact(
            change: change, memberCount: members.count, candidateCount: candidates.count,
            requests: client.requestCount - before, atRisk: atRisk)
    }

    /// `GET /api/v2/users/{id}` for each id, at most `parallelism` at once; the users in the order of `ids`.
    static func readUsers(_ ids: [String], client: ManagementClient, parallelism: Int) async throws -> [LiveUser?] {
        var users = [LiveUser?](repeating: nil, count: ids.count)
        try await withThrowingTaskGroup(of: (Int, LiveUser?).self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, try await client.user(id: ids[index])) }
            }
            while next < min(parallelism, ids.count) { start() }
            while let (index, user) = try await group.next() {
                users[index] = user
                if next < ids.count { start() }
            }
        }
        return users
    }
}
