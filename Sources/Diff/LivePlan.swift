import ManagementAPI
import PlanModel

/// A plan and the live snapshot it was computed from: the result of tenantplan's one "read, then plan"
/// (README, "Architecture").
///
/// `plan`, `apply`, `apply FILE`, the tenant generator and the tests all get their plan from
/// ``compute(for:through:scope:parallelism:progress:)``, so a read step the plan needs is added there once: first
/// ``read(for:through:scope:parallelism:progress:)`` (what the live tenant holds), then
/// ``plan(for:live:scope:)`` (desired x live).
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
    /// - Returns: The plan and the snapshot.
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` from a read (a partial read is never planned);
    ///   ``PlanError`` when the plan cannot be computed.
    public static func compute(
        for tenant: Tenant, through client: ManagementClient, scope: Scope = .full, parallelism: Int = 1,
        progress: (@Sendable (SnapshotReader.Progress) -> Void)? = nil
    ) async throws -> LivePlan {
        let live = try await read(
            for: tenant, through: client, scope: scope, parallelism: parallelism, progress: progress)
        return LivePlan(plan: try plan(for: tenant, live: live, scope: scope), live: live)
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
