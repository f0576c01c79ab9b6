import Diff
import Foundation
import Invitations
import JSONValues
import ManagementAPI
import Members
import PlanModel

extension MemberRoster {
    /// Reads who is where in the organization `organization` (docs/sso-enforcement.md).
    ///
    /// Requests, one after the other: the scoped plan of the organization (``LivePlan/compute(for:through:scope:parallelism:progress:)``
    /// with ``LivePlan/Scope/organizations(_:)``: which connections stay enabled under the declared `login`), then
    /// `GET /api/v2/organizations/{id}/members` (checkpoint paging, `ceil(members / 100)` requests, at least 1),
    /// `GET /api/v2/users/{id}` once per member (`identities`, `app_metadata`), and
    /// `GET /api/v2/organizations/{id}/invitations` (offset paging). Scopes: the plan's, `read:organization_members`,
    /// `read:users`, `read:organization_invitations`.
    /// - Parameters:
    ///   - organization: The organization's `name`; a customer file must declare it.
    ///   - tenant: The loaded tenant directory.
    ///   - client: The live tenant.
    ///   - now: The time invitations expire against.
    ///   - parallelism: User reads in flight at once (1: one after the other, in member order).
    /// - Returns: The roster, or the refusal: the organization is not declared, or not live.
    /// - Throws: ``ManagementAPIError``, ``TransportError`` or ``UnexpectedResponse`` from a read; ``PlanError``.
    public static func read(
        organization: String, tenant: Tenant, client: ManagementClient, now: Date, parallelism: Int = 1
    ) async throws -> Result<MemberRoster, InvitationRefused> {
        guard let customer = tenant.customer(named: organization) else {
            return .failure(InvitationRefused([.organizationNotDeclared(organization: organization)]))
        }
        let memberKey = customer.invitations?.memberKey?.value ?? "member_id"
        var count = client.requestCount
        func taken() -> Int {
            defer { count = client.requestCount }
            return client.requestCount - count
        }
        let planned = try await LivePlan.compute(for: tenant, through: client, scope: .organizations([organization]))
        let planRequests = taken()
        guard let live = planned.live.organizations.first(where: { $0.name == organization }) else {
            return .failure(
                InvitationRefused([
                    .organizationNotLive(organization: organization, tenant: client.transport.tenantDescription)
                ]))
        }
        let after = planned.plan.enabledConnections(after: organization, live: planned.live) ?? []
        var strategies: [String: String] = [:]
        for connection in tenant.allConnections { strategies[connection.name.value] = connection.strategy.value }
        for link in live.enabledConnections ?? [] { strategies[link.name] = link.strategy }
        let sso = after.filter { strategies[$0].map { ConnectionKind(strategy: $0) == .enterprise } ?? false }

        let members = try await client.organizationMembers(organizationID: live.id)
        let memberPages = taken()
        let users = try await readUsers(members.map(\.userID), client: client, parallelism: max(1, parallelism))
            .compactMap { $0 }  // a user deleted since the member list was read is no member
        let userReads = taken()
        let pending = try await client.listInvitations(organizationID: live.id).filter { !$0.isExpired(at: now) }
        let invitationPages = taken()

        let entries = users.map { user in
            Entry(
                userID: user.userID, email: user.email, connections: user.identities.map(\.connection),
                memberID: user.appMetadata[memberKey], appMetadata: user.appMetadata,
                standing: standing(of: user, among: users, enabled: after, sso: sso, pending: pending, key: memberKey))
        }
        return .success(
            MemberRoster(
                organization: organization, organizationID: live.id, login: customer.login.value.rawValue,
                loginLocation: customer.login.location, memberKey: memberKey,
                connectionsAfter: after.sorted(), ssoConnections: sso.sorted(), members: entries,
                pendingInvitations: pending.count,
                requests: Requests(
                    plan: planRequests, memberPages: memberPages, users: userReads, invitationPages: invitationPages)))
    }

    /// The member id carried under `key`: a non-empty string, spaces around it removed; `nil` otherwise.
    public static func memberID(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    /// The standing of `user` once `enabled` are the organization's connections. Matching is by member id and
    /// identities only, never by e-mail.
    static func standing(
        of user: LiveUser, among users: [LiveUser], enabled: Set<String>, sso: Set<String>,
        pending: [LiveInvitation], key: String
    ) -> Standing {
        if case .signsIn(let connection) = MemberStanding(of: user, enabled: enabled) {
            return .signsIn(through: connection)
        }
        guard let id = memberID(user.appMetadata[key]) else {
            let reason = user.appMetadata[key] == nil ? "no \(key) in app_metadata" : "\(key) in app_metadata is not text"
            return .needsManualDecision(reason)
        }
        if let moved = users.first(where: { other in
            other.userID != user.userID && memberID(other.appMetadata[key]) == id
                && other.identities.contains { sso.contains($0.connection) }
        }) {
            return .moved(to: moved.userID)
        }
        if let invitation = pending.first(where: { memberID($0.appMetadata[key]) == id }) {
            return .invited(invitation: invitation.id, expiresAt: invitation.expiresAt)
        }
        guard let email = user.email, !email.isEmpty else {
            return .needsManualDecision("no e-mail address to send the invitation to")
        }
        return .notInvited
    }

    /// `GET /api/v2/users/{id}` for each id, at most `parallelism` at once; the users in the order of `ids`
    /// (`nil` for a user gone since the member list was read).
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
