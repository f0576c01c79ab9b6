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

        /// Creates a summary.
        public init(organizations: Int, connections: Int, clients: Int, roles: Int, requests: Int) {
            self.organizations = organizations
            self.connections = connections
            self.clients = clients
            self.roles = roles
            self.requests = requests
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

        /// Creates counts.
        public init(organizations: Int = 0, connections: Int = 0, clients: Int = 0, roles: Int = 0) {
            self.organizations = organizations
            self.connections = connections
            self.clients = clients
            self.roles = roles
        }
    }

    /// What was read.
    public let read: ReadSummary
    /// Resource changes in apply order (creates and updates by phase, then destroys).
    public let changes: [ResourceChange]
    /// Counts of live objects left alone.
    public let unmanaged: Unmanaged

    /// Creates a plan.
    public init(read: ReadSummary, changes: [ResourceChange], unmanaged: Unmanaged) {
        self.read = read
        self.changes = changes
        self.unmanaged = unmanaged
    }

    /// Resources to add (a replacement counts as one add and one destroy, as in Terraform).
    public var toAdd: Int { changes.filter { $0.action == .create || $0.action == .replace }.count }
    /// Resources to change in place.
    public var toChange: Int { changes.filter { $0.action == .update }.count }
    /// Resources to destroy.
    public var toDestroy: Int { changes.filter { $0.action == .delete || $0.action == .replace }.count }
    /// True when the plan changes nothing.
    public var isEmpty: Bool { changes.isEmpty }

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
