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
    /// Requests, one after the other: the scoped plan of the organization (``LivePlan/read(for:through:scope:parallelism:progress:)`` and ``LivePlan/plan(for:live:scope:)``, without the plan's member impact,
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
        // The plan without its member impact: the roster reads every member itself.
        let scope = LivePlan.Scope.organizations([organization])
        let snapshot = try await LivePlan.read(for: tenant, through: client, scope: scope)
        let planned = LivePlan(plan: try LivePlan.plan(for: tenant, live: snapshot, scope: scope), live: snapshot)
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
        let users = try await client.users(ids: members.map(\.userID), parallelism: parallelism)
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

    /// The standing of `user` once `enabled` are the organization's connections. Matching is by member id and
    /// identities only, never by e-mail.
    static func standing(
        of user: LiveUser, among users: [LiveUser], enabled: Set<String>, sso: Set<String>,
        pending: [LiveInvitation], key: String
    ) -> Standing {
        if case .signsIn(let connection) = MemberStanding(of: user, enabled: enabled) {
            return .signsIn(through: connection)
        }
        guard let id = MemberStanding.memberID(user.appMetadata[key]) else {
            let value = user.appMetadata[key]
            let reason =
                value == nil
                ? "no \(key) in app_metadata"
                : value?.stringValue != nil ? "\(key) in app_metadata is blank" : "\(key) in app_metadata is not text"
            return .needsManualDecision(reason)
        }
        if let moved = users.first(where: { MemberStanding.hasMoved(user, to: $0, key: key, enabled: sso) }) {
            return .moved(to: moved.userID)
        }
        if let invitation = pending.first(where: {
            MemberStanding.memberID($0.appMetadata[key]).map { MemberStanding.sameMemberID($0, id) } ?? false
        }) {
            return .invited(invitation: invitation.id, expiresAt: invitation.expiresAt)
        }
        guard let email = user.email, !email.isEmpty else {
            return .needsManualDecision("no e-mail address to send the invitation to")
        }
        return .notInvited
    }

}
