import Members

/// The ordered result of comparing the desired state with the live tenant.
public struct Plan: Sendable, Equatable {
    /// What was read: counts of live objects and the requests the read took.
    public struct ReadSummary: Sendable, Equatable {
        /// Live organizations read.
        public var organizations: Int
        /// Live connections read.
        public var connections: Int
        /// Live clients read.
        public var clients: Int
        /// Live roles read.
        public var roles: Int
        /// Requests the read took.
        public var requests: Int
        /// The organizations a scoped plan (`--target`, `--changed-since`) was limited to, sorted; `nil` for a
        /// full plan.
        public var scope: [String]?

        /// Creates a summary.
        public init(
            organizations: Int, connections: Int, clients: Int, roles: Int, requests: Int, scope: [String]? = nil
        ) {
            self.organizations = organizations
            self.connections = connections
            self.clients = clients
            self.roles = roles
            self.requests = requests
            self.scope = scope
        }
    }

    /// Live objects neither declared nor planned for destroy: left alone.
    public struct Unmanaged: Sendable, Equatable {
        /// Organizations left alone.
        public var organizations = 0
        /// Connections left alone.
        public var connections = 0
        /// Clients left alone.
        public var clients = 0
        /// Roles left alone.
        public var roles = 0
        /// Enabled connections of managed organizations kept because tenantplan does not manage their connection
        /// (neither declared nor marked `managed_by: tenantplan`).
        public var enabledConnections = 0

        /// Creates counts.
        public init(
            organizations: Int = 0, connections: Int = 0, clients: Int = 0, roles: Int = 0, enabledConnections: Int = 0
        ) {
            self.organizations = organizations
            self.connections = connections
            self.clients = clients
            self.roles = roles
            self.enabledConnections = enabledConnections
        }

        /// Every object left alone, all kinds together.
        public var total: Int { organizations + connections + clients + roles + enabledConnections }
    }

    /// What was read.
    public let read: ReadSummary
    /// Resource changes in apply order (creates and updates by phase, then destroys).
    public let changes: [ResourceChange]
    /// Counts of live objects left alone.
    public let unmanaged: Unmanaged
    /// What a reviewer must know that the plan does not change (``PlanWarning``), by organization and connection.
    public let warnings: [PlanWarning]
    /// The members each organization whose login paths the plan shrinks would lose (``MemberImpact``), one per
    /// ``loginPathChanges(live:)`` entry in plan order; read by ``LivePlan/compute(for:through:scope:parallelism:progress:)``,
    /// empty for a plan that removes no login path (docs/plan-json.md, README "What the plan promises").
    public var memberImpacts: [MemberImpact]

    /// Creates a plan.
    public init(
        read: ReadSummary, changes: [ResourceChange], unmanaged: Unmanaged, warnings: [PlanWarning] = [],
        memberImpacts: [MemberImpact] = []
    ) {
        self.read = read
        self.changes = changes
        self.unmanaged = unmanaged
        self.warnings = warnings
        self.memberImpacts = memberImpacts
    }

    /// The requests the member impact read took, all organizations together: per organization
    /// `ceil(members / 100)` (at least 1) plus one per candidate (``MemberImpact/requests``); 0 when no login path
    /// shrinks.
    public var memberImpactRequests: Int { memberImpacts.reduce(0) { $0 + $1.requests } }

    /// The `apply` flag that allows a plan with ``memberLockouts``.
    public static let memberLockoutFlag = "--allow-member-lockout"

    /// The impacts that lock at least one member out: what `apply` refuses without `--allow-member-lockout`.
    public var memberLockouts: [MemberImpact] { memberImpacts.filter { !$0.isEmpty } }

    /// The member impact of the organization `name`, when the plan shrinks its login paths.
    public func memberImpact(of organization: String) -> MemberImpact? {
        memberImpacts.first { $0.change.organization == organization }
    }

    /// Resources to add (a replacement counts as one add and one destroy, as in Terraform).
    public var toAdd: Int { changes.filter { $0.action == .create || $0.action == .replace }.count }
    /// Resources to change in place.
    public var toChange: Int { changes.filter { $0.action == .update }.count }
    /// Resources to destroy.
    public var toDestroy: Int { changes.filter { $0.action == .delete || $0.action == .replace }.count }
    /// True when the plan changes nothing.
    public var isEmpty: Bool { changes.isEmpty }

    /// The plan limited to the resources of some customers (a scoped plan, docs/saved-plans.md): their
    /// organizations, their warnings and the enterprise connections they own, never a destroy (a scoped read cannot see what
    /// is no longer declared) and no count of what was left alone.
    /// - Parameters:
    ///   - organizations: Names of the organizations in scope (sorted into ``ReadSummary/scope``).
    ///   - connections: Names of the connections in scope.
    public func scoped(organizations: Set<String>, connections: Set<String>) -> Plan {
        var read = self.read
        read.scope = organizations.sorted()
        let kept = changes.filter { change in
            guard change.action != .delete else { return false }
            switch change.kind {
            case .organization: return organizations.contains(change.name)
            case .connection: return connections.contains(change.name)
            case .client, .role: return false
            }
        }
        return Plan(
            read: read, changes: kept, unmanaged: Unmanaged(),
            warnings: warnings.filter { organizations.contains($0.organization) },
            memberImpacts: memberImpacts.filter { organizations.contains($0.change.organization) })
    }

    /// Every request of the plan in apply order (stable within a phase).
    public var requests: [PlannedRequest] {
        let all = changes.flatMap(\.requests).enumerated()
        return all.sorted { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }.map(\.element)
    }

    /// Environment variables the apply needs but that are unset, with the change that needs each.
    public var missingSecrets: [(name: String, change: String)] {
        changes.flatMap { change in
            change.requests.flatMap(\.missingSecrets).map { (name: $0, change: "\(change.action.rawValue) \(change.address)") }
        }
    }
}
