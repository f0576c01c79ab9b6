import Apply
import Diff
import ManagementAPI
import Output
import Testing
import TestSupport

/// The one wording of planned requests (``RequestSummary``), read by apply's progress lines, its report and saved
/// plans: every kind of request the planner makes, exactly.
@Suite struct RequestSummaryTests {
    static let cases: [(PlannedRequest, String)] = [
        (.init(phase: .roles, operation: .createRole, path: "/api/v2/roles", subject: .resource(.role, "admin")),
         "create role \"admin\""),
        (.init(phase: .roles, operation: .updateRole, path: "/api/v2/roles/rol_1", subject: .resource(.role, "admin")),
         "update role \"admin\""),
        (.init(phase: .clients, operation: .createClient, path: "/api/v2/clients", subject: .resource(.client, "web")),
         "create client \"web\""),
        (.init(phase: .clients, operation: .updateClient, path: "/api/v2/clients/c1", subject: .resource(.client, "web")),
         "update client \"web\""),
        (.init(phase: .clientDeletes, operation: .deleteClient, path: "/api/v2/clients/c1", subject: .resource(.client, "web")),
         "delete client \"web\""),
        (.init(phase: .connections, operation: .createConnection, path: "/api/v2/connections",
               subject: .resource(.connection, "acme-entra")),
         "create connection \"acme-entra\""),
        (.init(phase: .connections, operation: .updateConnection, path: "/api/v2/connections/con_1",
               subject: .resource(.connection, "acme-entra")),
         "update connection \"acme-entra\""),
        (.init(phase: .connectionReplacements, operation: .deleteConnection, path: "/api/v2/connections/con_1",
               subject: .resource(.connection, "acme-entra")),
         "delete connection \"acme-entra\" (replaced)"),
        (.init(phase: .connectionDeletes, operation: .deleteConnection, path: "/api/v2/connections/con_1",
               subject: .resource(.connection, "acme-entra")),
         "delete connection \"acme-entra\""),
        (.init(phase: .connectionClients, operation: .updateConnectionClients, path: "/api/v2/connections/con_1/clients",
               subject: .resource(.connection, "acme-entra")),
         "update enabled clients of connection \"acme-entra\""),
        (.init(phase: .organizations, operation: .createOrganization, path: "/api/v2/organizations",
               subject: .resource(.organization, "acme")),
         "create organization \"acme\""),
        (.init(phase: .organizations, operation: .updateOrganization, path: "/api/v2/organizations/org_1",
               subject: .resource(.organization, "acme")),
         "update organization \"acme\""),
        (.init(phase: .organizationDeletes, operation: .deleteOrganization, path: "/api/v2/organizations/org_1",
               subject: .resource(.organization, "acme")),
         "delete organization \"acme\""),
        (.init(phase: .enabledConnections, operation: .addEnabledConnection,
               path: "/api/v2/organizations/org_1/enabled_connections",
               subject: .enabledConnection(organization: "acme", connection: "acme-entra")),
         "enable connection \"acme-entra\" on organization \"acme\""),
        (.init(phase: .enabledConnections, operation: .updateEnabledConnection,
               path: "/api/v2/organizations/org_1/enabled_connections/con_1",
               subject: .enabledConnection(organization: "acme", connection: "acme-entra")),
         "update connection \"acme-entra\" on organization \"acme\""),
        (.init(phase: .enabledConnectionRemovals, operation: .deleteEnabledConnection,
               path: "/api/v2/organizations/org_1/enabled_connections/con_1",
               subject: .enabledConnection(organization: "acme", connection: "acme-entra")),
         "disable connection \"acme-entra\" on organization \"acme\""),
        (.init(phase: .enabledConnectionRemovalsFirst, operation: .deleteEnabledConnection,
               path: "/api/v2/organizations/org_1/enabled_connections/con_1",
               subject: .enabledConnection(organization: "acme", connection: "acme-entra")),
         "disable connection \"acme-entra\" on organization \"acme\""),
    ]

    @Test(arguments: cases)
    func wording(request: PlannedRequest, summary: String) {
        #expect(RequestSummary.text(request) == summary)
    }

    /// The engine harness planned against an empty tenant: its requests in apply order, worded.
    @Test func harnessPlanAgainstAnEmptyTenant() async throws {
        let (plan, _) = try await EngineHarness().plan(try emptyTenant())
        #expect(plan.requests.map(RequestSummary.text) == [
            "create role \"member\"",
            "create client \"saas-web\"",
            "create connection \"Username-Password-Authentication\"",
            "update enabled clients of connection \"Username-Password-Authentication\"",
            "create organization \"acme\"",
            "enable connection \"Username-Password-Authentication\" on organization \"acme\"",
        ])
    }

    /// Progress lines and the failed report's lines share the wording, with the detail after it.
    @Test func progressLines() {
        let request = Self.cases[0].0
        #expect(ApplyReportRenderer.progressLine(.done(.init(planned: request, request: "POST /api/v2/roles", detail: nil)))
            == "done: create role \"admin\"")
        #expect(ApplyReportRenderer.progressLine(
            .done(.init(planned: request, request: "POST /api/v2/roles", detail: "already existed (409): used the existing role rol_1")))
            == "done: create role \"admin\" (already existed (409): used the existing role rol_1)")
        #expect(ApplyReportRenderer.progressLine(.failed(.init(planned: request, request: "POST /api/v2/roles", detail: "403 Forbidden")))
            == "failed: create role \"admin\": 403 Forbidden")
    }
}
