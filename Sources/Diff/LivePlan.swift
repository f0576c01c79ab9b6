import ManagementAPI
import Members
import PlanModel

/// A plan and the live snapshot it was computed from: the result of tenantplan's one "read, then plan"
/// (README, "Architecture").
///
/// `plan`, `apply`, `apply FILE`, the tenant generator and the tests all get their plan from
/// ``compute(for:through:scope:parallelism:progress:)``, so a read step the plan needs is added there once: first
/// ``read(for:through:scope:parallelism:progress:)`` (what the live tenant holds), then
/// ``plan(for:live:scope:)`` (desired x live), then, only when the plan removes an enabled connection from an
/// organization, ``memberImpacts(of:tenant:live:through:parallelism:)`` (who would be locked out).
public struct LivePlan: Sendable, Equatable {
    /// Which part of the tenant a plan covers (docs/saved-plans.md, "Scoped plans").
    public enum Scope: Sendable, Equatable {
        /// Every resource: the four top-level lists and the relationships of declared objects
        /// (``Planner/readScope(for:)``), planned whole.
        case full
        /// The customers declaring these organization names (`--target organization:NAME`, `--changed-since
        /// REV`): their organizations, the enterprise connections they own and the shared connections they enable
        /// (``Planner/targets(for:organizations:)``); nothing is destroyed. An empty set reads and plans nothing.
        case organizations(Set<String>)
    }

    /// The ordered plan.
    public let plan: Plan
    /// What the plan was computed from: a saved plan fingerprints it, `apply FILE` compares it.
    public let live: LiveSnapshot

    /// Pairs a plan with the snapshot it was computed from.
    public init(plan: Plan, live: LiveSnapshot) {
        self.plan = plan
        self.live = live
    }

    /// Reads the live tenant through `client`, then plans `tenant` against it.
    /// - Parameters:
    ///   - tenant: The desired state (``TenantLoader/load(directory:environment:)``).
    ///   - client: The live tenant, either side of the seam.
    ///   - scope: The whole tenant, or some customers' organizations.
    ///   - parallelism: The most requests in flight while a full read lists organizations' enabled connections
    ///     (1: one after the other, in a fixed order).
    ///   - progress: Called as a full read goes through the organizations (``SnapshotReader/Progress``).
    /// - Returns: The plan, carrying its ``Plan/memberImpacts``, and the snapshot.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from a read (a partial read is never planned);
    ///   ``PlanError`` when the plan cannot be computed; the transport's missing-scopes error when the plan
    ///   removes a login path and the credentials cannot read members and users.
    public static func compute(
        for tenant: Tenant, through client: ManagementClient, scope: Scope = .full, parallelism: Int = 1,
        progress: (@Sendable (SnapshotReader.Progress) -> Void)? = nil
    ) async throws -> LivePlan {
        let live = try await read(
            for: tenant, through: client, scope: scope, parallelism: parallelism, progress: progress)
        var plan = try plan(for: tenant, live: live, scope: scope)
        plan.memberImpacts = try await memberImpacts(
            of: plan, tenant: tenant, live: live, through: client, parallelism: parallelism)
        return LivePlan(plan: plan, live: live)
    }

    /// The member impact of each organization whose login paths `plan` shrinks (``Plan/loginPathChanges(live:)``),
    /// in plan order; no request at all when there is none. Before the first member request the transport checks
    /// the credentials carry `read:organization_members` and `read:users`
    /// (``ManagementTransport/preflight(reads:purpose:)``). Each organization's member key is its invite policy's
    /// `invitations.member_key` (default `member_id`, docs/onboarding.md).
    /// - Parameter parallelism: User reads in flight at once.
    /// - Throws: The transport's missing-scopes error; ``ManagementAPIError`` or ``TransportError`` from a read.
    public static func memberImpacts(
        of plan: Plan, tenant: Tenant, live: LiveSnapshot, through client: ManagementClient, parallelism: Int = 1
    ) async throws -> [MemberImpact] {
        let changes = plan.loginPathChanges(live: live)
        guard !changes.isEmpty else { return [] }
        let names = changes.map { "\"\($0.organization)\"" }
        let purpose = "read the members who would be locked out of organization"
            + (names.count == 1 ? " " : "s ") + names.joined(separator: ", ")
            + " (the plan removes enabled connections)"
        try await client.transport.preflight(reads: [.listOrganizationMembers, .getUser], purpose: purpose)
        var impacts: [MemberImpact] = []
        for change in changes {
            let key = tenant.customer(named: change.organization)?.invitations?.memberKey?.value ?? "member_id"
            impacts.append(
                try await MemberImpactReader.read(change, client: client, memberKey: key, parallelism: parallelism))
        }
        return impacts
    }

    /// What a plan of `tenant` reads: for ``Scope/full`` the snapshot of ``Planner/readScope(for:)``
    /// (``SnapshotReader/read(_:scope:parallelism:progress:)``); for some organizations only their targets
    /// (``SnapshotReader/read(_:targets:)``, a few requests, one after the other), nothing for none.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from any request.
    public static func read(
        for tenant: Tenant, through client: ManagementClient, scope: Scope = .full, parallelism: Int = 1,
        progress: (@Sendable (SnapshotReader.Progress) -> Void)? = nil
    ) async throws -> LiveSnapshot {
        switch scope {
        case .full:
            return try await SnapshotReader.read(
                client, scope: Planner.readScope(for: tenant), parallelism: parallelism, progress: progress)
        case .organizations(let organizations):
            guard !organizations.isEmpty else { return LiveSnapshot() }
            return try await SnapshotReader.read(
                client, targets: Planner.targets(for: tenant, organizations: organizations).read)
        }
    }

    /// The plan of `tenant` against `live`: whole for ``Scope/full``, else kept to the organizations' changes
    /// (``Plan/scoped(organizations:connections:)``).
    /// - Throws: ``PlanError``.
    public static func plan(for tenant: Tenant, live: LiveSnapshot, scope: Scope = .full) throws -> Plan {
        let plan = try Planner(tenant: tenant, live: live).plan()
        guard case .organizations(let organizations) = scope else { return plan }
        let owned = Planner.targets(for: tenant, organizations: organizations).ownedConnections
        return plan.scoped(organizations: organizations, connections: owned)
    }
}
