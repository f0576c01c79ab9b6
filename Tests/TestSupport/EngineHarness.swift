import Apply
import Diff
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Output
import PlanModel
import Testing

/// A small tenant directory (a ``CaseWorkspace`` with the tenant at `t`) and an in-memory local tenant, planned
/// and applied through the real engine.
public struct EngineHarness {
    /// The tenant file: one database connection enabled for one client, and one role.
    public static let tenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
          - name: Username-Password-Authentication
            strategy: auth0
            options:
              passwordPolicy: good
            enabled_clients: [saas-web]
        clients:
          - name: saas-web
            app_type: regular_web
            organization_usage: require
        roles:
          - name: member
            description: Member

        """

    /// The customer file of organization `acme`: password-only, on the database connection.
    public static let acmeYAML = """
        organization:
          name: acme
          display_name: Acme Corp
          metadata:
            customer_id: c-1
        login: password-only
        connections:
          - connection: Username-Password-Authentication
            assign_membership_on_login: false

        """

    /// The scratch workspace the tenant directory is written in.
    public let work: CaseWorkspace
    /// The tenant directory as loaded.
    public let tenant: Tenant

    /// Writes `tenantFile` and the customer files (name -> YAML) under `t` in a scratch workspace and loads them.
    /// - Parameter environment: What `${env:NAME}` references read (none by default).
    /// - Throws: What writing the workspace or loading the tenant directory throws.
    public init(
        tenantFile: String = tenantYAML, customers: [String: String] = ["acme": acmeYAML],
        environment: [String: String] = [:]
    ) throws {
        work = try CaseWorkspace("engine", tenant: tenantFile, customers: customers, at: "t")
        tenant = try work.loadTenant("t", environment: environment)
    }

    /// Plans against `live` and renders the plan with the directory shown as `t`.
    public func plan(_ live: LocalTenant) async throws -> (plan: Plan, text: String) {
        let client = ManagementClient(transport: live)
        let plan = try await LivePlan.compute(for: tenant, through: client).plan
        return (plan, PlanTextRenderer(directory: "t", target: "local").render(plan))
    }

    /// Plans and applies against `live`.
    public func apply(_ live: LocalTenant, options: ApplyOptions = ApplyOptions()) async throws -> ApplyReport {
        let (plan, _) = try await plan(live)
        return try await Applier(client: ManagementClient(transport: live)).apply(plan, options: options)
    }
}

/// An empty local tenant in memory.
public func emptyTenant(_ faults: LocalTenant.Faults = LocalTenant.Faults()) throws -> LocalTenant {
    try LocalTenant(json: [:], faults: faults)
}
