/// What `tenantplan export` is asked to do: where to write, and what it may use to name the tenant.
public struct ExportRequest: Sendable, Equatable {
    /// The directory to write `tenant.yaml` and `customers/` into (`--out`).
    public var outputDirectory: String
    /// Replace `tenant.yaml` and `customers/*.yaml` in a non-empty output directory (`--force`).
    public var force: Bool
    /// `--domain`: the tenant's domain for `tenant.domain`, when the live tenant does not know its own.
    public var domain: String?
    /// The tenant directory (`DIR`): its `tenant.yaml` may name the domain of a local tenant.
    public var tenantDirectory: String

    /// Creates a request.
    public init(outputDirectory: String, force: Bool = false, domain: String? = nil, tenantDirectory: String = ".") {
        self.outputDirectory = outputDirectory
        self.force = force
        self.domain = domain
        self.tenantDirectory = tenantDirectory
    }
}
