/// An organization whose login paths shrink: the connections a plan removes from its enabled connections, and
/// those still enabled after it (docs/sso-enforcement.md).
public struct LoginPathChange: Sendable, Equatable {
    /// A connection removed from the organization: its name and strategy (`auth0` for a database connection).
    public struct Removed: Sendable, Equatable {
        /// The connection's name.
        public var name: String
        /// The connection's strategy, which is also the identity provider of its users (`auth0`, `samlp`, …).
        public var strategy: String

        /// A removed connection.
        public init(name: String, strategy: String) {
            self.name = name
            self.strategy = strategy
        }
    }

    /// The organization's id (`org_…`).
    public var organizationID: String
    /// The organization's name.
    public var organization: String
    /// The connections removed from it, in plan order.
    public var removed: [Removed]
    /// The names of the connections enabled for it after the plan (kept, added and unmanaged links).
    public var remaining: Set<String>
    /// The strategies of the ``remaining`` connections, where known (a strategy left out only makes more members
    /// candidates for a user read, never fewer: ``MemberImpactReader/isCandidate(_:of:)``).
    public var remainingStrategies: Set<String>

    /// A login path change.
    public init(
        organizationID: String, organization: String, removed: [Removed], remaining: Set<String>,
        remainingStrategies: Set<String> = []
    ) {
        self.organizationID = organizationID
        self.organization = organization
        self.removed = removed
        self.remaining = remaining
        self.remainingStrategies = remainingStrategies
    }
}
