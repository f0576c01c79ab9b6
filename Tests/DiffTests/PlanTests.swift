import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// Plans asserted whole, and the requests apply sends for them.
@Suite struct PlanTests {
    @Test func createFromEmpty() async throws {
        let harness = try EngineHarness()
        let (plan, text) = try await harness.plan(try emptyTenant())
        #expect(text == """
            tenantplan plan: t against local
              read 0 organizations, 0 connections, 0 clients, 0 roles in 4 requests

              + role "member"                                         tenant.yaml:14
                  + description: "Member"
              + client "saas-web"                                     tenant.yaml:10
                  + app_type: "regular_web"
                  + organization_usage: "require"
              + connection "Username-Password-Authentication" (auth0) tenant.yaml:4
                  + options.passwordPolicy: "good"
                  + enabled client "saas-web"
              + organization "acme"                                   customers/acme.yaml:2
                  + display_name: "Acme Corp"
                  + metadata.customer_id: "c-1"
                  + enabled connection "Username-Password-Authentication"  (assign_membership_on_login: false)

            Plan: 4 to add, 0 to change, 0 to destroy.

            """)
        #expect(plan.requests.map(\.line) == [
            "POST /api/v2/roles",
            "POST /api/v2/clients",
            "POST /api/v2/connections",
            "PATCH /api/v2/connections/{{connection:Username-Password-Authentication}}/clients",
            "POST /api/v2/organizations",
            "POST /api/v2/organizations/{{organization:acme}}/enabled_connections",
        ])
    }

    @Test func applyThenPlanIsEmpty() async throws {
        let harness = try EngineHarness()
        let live = try emptyTenant()
        let report = try await harness.apply(live)
        #expect(report.succeeded)
        #expect(report.done.count == 6)
        let state = await live.snapshotJSON
        let connectionID = try #require(state.connection(named: "Username-Password-Authentication")?["id"]?.stringValue)
        let orgID = try #require(state.organization(named: "acme")?["id"]?.stringValue)
        let clientID = try #require(state["clients"]?.arrayValue?.first?["client_id"]?.stringValue)
        let writes = await live.servedRequests.filter(\.isWrite)
        #expect(writes.map(\.description) == [
            "POST /api/v2/roles",
            "POST /api/v2/clients",
            "POST /api/v2/connections",
            "PATCH /api/v2/connections/\(connectionID)/clients",
            "POST /api/v2/organizations",
            "POST /api/v2/organizations/\(orgID)/enabled_connections",
        ])
        #expect(writes[3].body == [["client_id": .string(clientID), "status": true]])
        #expect(writes[4].body == [
            "name": "acme", "display_name": "Acme Corp", "metadata": ["customer_id": "c-1", "managed_by": "tenantplan"],
        ])
        #expect(writes[5].body == ["connection_id": .string(connectionID), "assign_membership_on_login": false])

        let (plan, text) = try await harness.plan(live)
        #expect(plan.isEmpty)
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 1 connection, 1 client, 1 role in 6 requests

            No changes. The live tenant matches the configuration.

            Plan: 0 to add, 0 to change, 0 to destroy.

            """)
    }

    static let driftedPlan = """
        tenantplan plan: t against local
          read 3 organizations, 2 connections, 2 clients, 1 role in 6 requests

          ~ client "saas-web"                                     tenant.yaml:10
              ~ organization_usage: "allow" -> "require"
          ~ connection "Username-Password-Authentication" (auth0) tenant.yaml:4
              ~ options.passwordPolicy: "fair" -> "good"
              + enabled client "saas-web"
                kept (not managed here): options.mfa
                note: adopt: exists but is not marked; apply marks it managed_by: tenantplan
          ~ organization "acme"                                   customers/acme.yaml:2
              ~ display_name: "ACME" -> "Acme Corp"
              - metadata.legacy: "x"
              ~ enabled connection "Username-Password-Authentication"  (assign_membership_on_login: true -> false)
              = enabled connection "google-oauth2" (not managed here: kept)
          - organization "oldco"
                note: marked managed_by: tenantplan but no longer declared; deleting it removes its members and invitations
                ! apply needs --allow-destroy

        ! apply needs --allow-destroy (1 resource destroyed)
        Plan: 0 to add, 3 to change, 1 to destroy. 1 organization, 1 connection, 1 client and 1 enabled connection not managed here were left alone.

        """

    @Test func driftUpdateMergeAdoptDestroy() async throws {
        let harness = try EngineHarness()
        let live = try LocalTenant(json: driftedLive)
        let (_, text) = try await harness.plan(live)
        #expect(text == Self.driftedPlan)
    }

    @Test func destroyRefusedWithoutFlagAndNothingWritten() async throws {
        let harness = try EngineHarness()
        let live = try LocalTenant(json: driftedLive)
        await #expect(throws: ApplyRefusal.destroyNotAllowed(["organization \"oldco\""])) {
            _ = try await harness.apply(live)
        }
        #expect(await live.servedRequests.filter(\.isWrite).isEmpty)
    }

    @Test func destroyAllowedAppliesInOrderAndConverges() async throws {
        let harness = try EngineHarness()
        let live = try LocalTenant(json: driftedLive)
        let report = try await harness.apply(live, options: ApplyOptions(allowDestroy: true))
        #expect(report.succeeded)
        let writes = await live.servedRequests.filter(\.isWrite)
        #expect(writes.map(\.description) == [
            "PATCH /api/v2/clients/cli_SAAS",
            "PATCH /api/v2/connections/con_UPA",
            "PATCH /api/v2/connections/con_UPA/clients",
            "PATCH /api/v2/organizations/org_ACME",
            "PATCH /api/v2/organizations/org_ACME/enabled_connections/con_UPA",
            "DELETE /api/v2/organizations/org_OLD",
        ])
        #expect(writes[0].body == ["organization_usage": "require"])
        #expect(writes[1].body == [
            "options": ["passwordPolicy": "good", "mfa": ["active": true]], "metadata": ["managed_by": "tenantplan"],
        ])
        #expect(writes[2].body == [["client_id": "cli_SAAS", "status": true]])
        #expect(writes[3].body == [
            "display_name": "Acme Corp", "metadata": ["customer_id": "c-1", "managed_by": "tenantplan"],
        ])
        #expect(writes[4].body == ["assign_membership_on_login": false])
        let state = await live.snapshotJSON
        #expect(state["connection_clients"]?["con_UPA"] == ["cli_REPORTING", "cli_SAAS"])
        #expect(state.organization(named: "other") != nil)
        #expect(state.connection(named: "google-oauth2") != nil)

        let (plan, _) = try await harness.plan(live)
        #expect(plan.isEmpty)
        #expect(plan.unmanaged == Plan.Unmanaged(organizations: 1, connections: 1, clients: 1, enabledConnections: 1))
    }

    @Test func missingOptionsReadIsAnError() async throws {
        var json = driftedLive.objectValue!
        var connections = json["connections"]!.arrayValue!
        var upa = connections[0].objectValue!
        upa["options"] = nil
        connections[0] = .object(upa)
        json["connections"] = .array(connections)
        let harness = try EngineHarness()
        await #expect(throws: PlanError.optionsNotReadable(connection: "Username-Password-Authentication")) {
            _ = try await harness.plan(try LocalTenant(json: .object(json)))
        }
    }
}

/// Found by a new user: an organization marked by another tool was described as "not marked".
@Suite struct ForeignMarkerTests {
    @Test func adoptionFromAnotherToolSaysSo() async throws {
        let work = try CaseWorkspace(empty: "foreign-marker")
        try ExampleTenant.copy(into: work)
        let applied = await work.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: ExampleTenant.secrets)
        #expect(applied.exitCode == 0)
        var live = try work.json().objectValue!
        live["organizations"] = .array(live["organizations"]!.arrayValue!.map { organization in
            guard organization["name"] == "initech", case .object(var object) = organization else { return organization }
            object["metadata"] = ["customer_id": "c-3007", "managed_by": "terraform"]
            return .object(object)
        })
        try work.write("live.json", String(decoding: JSONValue.object(live).encoded(), as: UTF8.self))
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json"], environment: ExampleTenant.secrets)
        #expect(plan.planLines.contains(
            "note: adopt: exists and is marked managed_by: terraform; apply takes it over and marks it managed_by: tenantplan"))
    }
}
