import Foundation
import PlanModel
import Testing

extension CaseWorkspace {
    /// Writes a tenant directory at `folder`: `tenant.yaml` holding `tenantFile` and `customers/NAME.yaml` for each
    /// entry of `customers` (none: no `customers/` folder).
    public func writeTenant(_ tenantFile: String, customers: [String: String] = [:], at folder: String = "tenant") throws {
        try write("\(folder)/tenant.yaml", tenantFile)
        for (name, text) in customers { try write("\(folder)/customers/\(name).yaml", text) }
    }

    /// A workspace holding one tenant directory at `folder` (``writeTenant(_:customers:at:)``).
    /// - Parameter label: Names the temporary directory.
    public convenience init(
        _ label: String, tenant tenantFile: String, customers: [String: String] = [:], at folder: String = "tenant"
    ) throws {
        try self.init(empty: label)
        try writeTenant(tenantFile, customers: customers, at: folder)
    }

    /// Loads the tenant directory at `folder` with the loader every command uses.
    /// - Parameter environment: What `${env:NAME}` references read (none by default).
    public func load(_ folder: String = "tenant", environment: [String: String] = [:]) -> LoadResult {
        TenantLoader.load(directory: path(folder), environment: environment)
    }

    /// Loads the tenant directory at `folder`; a load with errors fails the test with every diagnostic.
    public func loadTenant(
        _ folder: String = "tenant", environment: [String: String] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Tenant {
        let result = load(folder, environment: environment)
        return try #require(
            result.tenant, "load failed:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }
}
