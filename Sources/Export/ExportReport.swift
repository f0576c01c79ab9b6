import ManagementAPI

/// What an export read and wrote: the figures for its summary, the secrets a plan of it reads from the
/// environment, and what was left out.
public struct ExportReport: Sendable, Equatable {
    /// The domain written as `tenant.domain`, and where it came from.
    public let domain: ExportDomain
    /// The output directory as given.
    public let outputDirectory: String
    /// Live objects read.
    public let read: Counts
    /// Requests the read took.
    public let requests: Int
    /// Files written, relative to the output directory: `tenant.yaml`, then `customers/<name>.yaml` sorted.
    public let written: [String]
    /// Stale customer files removed (`--force`), relative paths, sorted.
    public let removed: [String]
    /// Shared connections in `tenant.yaml`.
    public let sharedConnections: Int
    /// Enterprise connections in customer files.
    public let enterpriseConnections: Int
    /// Clients in `tenant.yaml`.
    public let clients: Int
    /// Roles in `tenant.yaml`.
    public let roles: Int
    /// Secrets written as `${env:NAME}`, sorted by name.
    public let secrets: [SecretVariable]
    /// Values left out and objects not exported, with the reason, in file order.
    public let notes: [String]
    /// Errors of loading the written directory back (`file:line:column: error: …`); empty when it loads.
    public let loadErrors: [String]

    /// Creates a report.
    public init(
        domain: ExportDomain, outputDirectory: String,
        read: Counts, requests: Int, written: [String],
        removed: [String], sharedConnections: Int, enterpriseConnections: Int, clients: Int, roles: Int,
        secrets: [SecretVariable], notes: [String], loadErrors: [String]
    ) {
        self.domain = domain
        self.outputDirectory = outputDirectory
        self.read = read
        self.requests = requests
        self.written = written
        self.removed = removed
        self.sharedConnections = sharedConnections
        self.enterpriseConnections = enterpriseConnections
        self.clients = clients
        self.roles = roles
        self.secrets = secrets
        self.notes = notes
        self.loadErrors = loadErrors
    }

    /// Customer files written.
    public var customerFiles: Int { written.filter { $0.hasPrefix("customers/") }.count }

    /// How many live objects of each kind were read.
    public struct Counts: Sendable, Equatable {
        /// Organizations.
        public let organizations: Int
        /// Connections.
        public let connections: Int
        /// Clients.
        public let clients: Int
        /// Roles.
        public let roles: Int

        /// Creates counts.
        public init(organizations: Int, connections: Int, clients: Int, roles: Int) {
            self.organizations = organizations
            self.connections = connections
            self.clients = clients
            self.roles = roles
        }
    }
}
