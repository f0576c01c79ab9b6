/// The desired state of one Auth0 tenant: a loaded and validated tenant directory.
///
/// An optional section that is `nil` was absent from the YAML and is not managed: live objects of that kind are
/// left alone, marked or not. An empty list means "managed, none wanted".
public struct Tenant: Sendable, Equatable {
    /// `tenant.domain`: the Auth0 tenant this directory belongs to (`example-prod.eu.auth0.com`).
    public let domain: Located<String>
    /// `connections:` in `tenant.yaml` (shared connections); `nil` when absent.
    public let sharedConnections: [Connection]?
    /// Customer files in file-name order; `nil` when there is no `customers/` directory (organizations not managed).
    public let customers: [Customer]?
    /// `clients:`; `nil` when absent.
    public let clients: [Client]?
    /// `roles:`; `nil` when absent.
    public let roles: [Role]?
    /// `policy:` settings for the policy engine.
    public let policy: PolicySettings
    /// Every declared connection: shared ones first, then each customer's enterprise connections.
    public let allConnections: [Connection]
    private let connectionsByName: [String: Connection]
    private let clientsByName: [String: Client]
    private let customersByName: [String: Customer]

    /// Creates a tenant.
    public init(
        domain: Located<String>, sharedConnections: [Connection]?, customers: [Customer]?, clients: [Client]?,
        roles: [Role]?, policy: PolicySettings
    ) {
        self.domain = domain
        self.sharedConnections = sharedConnections
        self.customers = customers
        self.clients = clients
        self.roles = roles
        self.policy = policy
        allConnections = (sharedConnections ?? []) + (customers ?? []).flatMap(\.enterpriseConnections)
        connectionsByName = Dictionary(allConnections.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        clientsByName = Dictionary((clients ?? []).map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        customersByName = Dictionary(
            (customers ?? []).map { ($0.organization.name.value, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declared connection named `name`, if any.
    public func connection(named name: String) -> Connection? { connectionsByName[name] }

    /// The declared client named `name`, if any.
    public func client(named name: String) -> Client? { clientsByName[name] }

    /// The customer whose organization is named `name`, if any.
    public func customer(named name: String) -> Customer? { customersByName[name] }
}

/// `policy:` in `tenant.yaml`: rule settings and exceptions, validated by the policy engine (which knows the
/// rule ids); the loader checks only their shape.
public struct PolicySettings: Sendable, Equatable {
    /// Settings per rule id, e.g. `invitation-ttl: { max: 7d }` or `{ severity: warning }`.
    public let rules: [String: RuleSettings]
    /// Exceptions in file order.
    public let exceptions: [PolicyException]

    /// Creates settings.
    public init(rules: [String: RuleSettings] = [:], exceptions: [PolicyException] = []) {
        self.rules = rules
        self.exceptions = exceptions
    }

    /// One rule's settings.
    public struct RuleSettings: Sendable, Equatable {
        /// Where the rule id is written.
        public let location: SourceLocation
        /// `severity`: `error`, `warning` or `off`.
        public let severity: Located<String>?
        /// Other keys (rule parameters) as scalar text, e.g. `max: 7d`.
        public let parameters: [String: Located<String>]

        /// Creates rule settings.
        public init(location: SourceLocation, severity: Located<String>?, parameters: [String: Located<String>]) {
            self.location = location
            self.severity = severity
            self.parameters = parameters
        }
    }
}

/// An accepted policy finding: rule, organization, reason, optional expiry (`YYYY-MM-DD`, UTC, inclusive).
public struct PolicyException: Sendable, Equatable {
    /// Where the exception starts.
    public let location: SourceLocation
    /// The rule id.
    public let rule: Located<String>
    /// The organization name the exception covers.
    public let organization: Located<String>?
    /// Why the finding is accepted (required).
    public let reason: String
    /// The last day it applies, as written.
    public let expires: Located<String>?

    /// Creates an exception.
    public init(
        location: SourceLocation, rule: Located<String>, organization: Located<String>?, reason: String,
        expires: Located<String>?
    ) {
        self.location = location
        self.rule = rule
        self.organization = organization
        self.reason = reason
        self.expires = expires
    }
}
