import Diff
import Foundation
import PlanModel
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// The one read-then-plan (``LivePlan``): what each scope reads, in order, and what it plans.
@Suite struct LivePlanTests {
    static let globexYAML = """
        organization:
          name: globex
          display_name: Globex
        login: password-only
        connections:
          - connection: Username-Password-Authentication

        """

    /// A local tenant holding acme and globex as applied, and the directory with acme's display name changed.
    func renamedAcme() async throws -> (live: LocalTenant, tenant: Tenant, served: Int) {
        let live = try emptyTenant()
        let applied = try await EngineHarness(customers: ["acme": EngineHarness.acmeYAML, "globex": Self.globexYAML])
            .apply(live)
        #expect(applied.succeeded)
        let changed = try EngineHarness(customers: [
            "acme": EngineHarness.acmeYAML.replacingOccurrences(of: "Acme Corp", with: "Acme Inc"),
            "globex": Self.globexYAML,
        ])
        return (live, changed.tenant, await live.servedRequests.count)
    }

    /// The requests served after the first `served`, organization and client ids written `ID`.
    func reads(_ live: LocalTenant, after served: Int) async -> [String] {
        await live.servedRequests.dropFirst(served).map { request in
            request.description
                .replacingOccurrences(of: #"org_[A-Za-z0-9]+"#, with: "org_ID", options: .regularExpression)
                .replacingOccurrences(of: #"/clients/[A-Za-z0-9]+/"#, with: "/clients/ID/", options: .regularExpression)
        }
    }

    @Test func fullReadsEveryListAndPlansEveryResource() async throws {
        let (live, tenant, served) = try await renamedAcme()
        let planned = try await LivePlan.compute(for: tenant, through: ManagementClient(transport: live))
        let requests = await reads(live, after: served)
        #expect(requests == [
            "GET /api/v2/organizations?take=100",
            "GET /api/v2/organizations/org_ID/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/organizations/org_ID/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/connections?take=100",
            "GET /api/v2/clients?take=100",
            "GET /api/v2/clients/ID/connections?fields=id,name&include_fields=true&take=100",
            "GET /api/v2/roles?include_totals=true&page=0&per_page=100",
        ])
        #expect(planned.plan.changes.map(\.address) == ["organization \"acme\""])
        #expect(planned.live.requestCount == 7)
        #expect(planned.plan.read.scope == nil)
    }

    @Test func organizationsReadOnlyTheirTargetsAndPlanOnlyThem() async throws {
        let (live, tenant, served) = try await renamedAcme()
        let planned = try await LivePlan.compute(
            for: tenant, through: ManagementClient(transport: live), scope: .organizations(["acme"]))
        let requests = await reads(live, after: served)
        #expect(requests == [
            "GET /api/v2/organizations/name/acme",
            "GET /api/v2/organizations/org_ID/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/connections?name=Username-Password-Authentication&take=100",
            "GET /api/v2/clients?take=100",
        ])
        #expect(planned.plan.changes.map(\.address) == ["organization \"acme\""])
        #expect(planned.plan.read.scope == ["acme"])
    }

    @Test func anotherOrganizationPlansNoChange() async throws {
        let (live, tenant, served) = try await renamedAcme()
        let planned = try await LivePlan.compute(
            for: tenant, through: ManagementClient(transport: live), scope: .organizations(["globex"]))
        let requests = await reads(live, after: served)
        #expect(requests == [
            "GET /api/v2/organizations/name/globex",
            "GET /api/v2/organizations/org_ID/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/connections?name=Username-Password-Authentication&take=100",
            "GET /api/v2/clients?take=100",
        ])
        #expect(planned.plan.isEmpty)
        #expect(planned.plan.read.scope == ["globex"])
    }

    @Test func noOrganizationsReadNothingAndPlanNothing() async throws {
        let (live, tenant, served) = try await renamedAcme()
        let planned = try await LivePlan.compute(
            for: tenant, through: ManagementClient(transport: live), scope: .organizations([]))
        let requests = await reads(live, after: served)
        #expect(requests == [])
        #expect(planned.live == LiveSnapshot())
        #expect(planned.plan.isEmpty)
        #expect(planned.plan.read.scope == [])
    }
}
