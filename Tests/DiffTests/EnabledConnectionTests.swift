import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
@testable import Output
import Testing
import TestSupport

/// An organization's enabled connections: links to connections tenantplan does not manage are kept, and links
/// are added before links are removed.
@Suite struct EnabledConnectionTests {
    static let tenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
          - name: Username-Password-Authentication
            strategy: auth0
          - name: google-oauth2
            strategy: google-oauth2

        """

    static let acmeYAML = """
        organization:
          name: acme
        login: password-only
        connections:
          - connection: Username-Password-Authentication

        """

    static func link(_ id: String, _ name: String, _ strategy: String) -> JSONValue {
        ["connection_id": .string(id), "connection": ["name": .string(name), "strategy": .string(strategy)]]
    }

    /// acme links the declared database connection, the declared google-oauth2 (not in acme's list), the
    /// customer's self-service SSO made in the dashboard (neither declared nor marked), a partner connection another
    /// tool marked (`managed_by: terraform`), and a connection tenantplan marked but no file declares.
    static let live: JSONValue = [
        "organizations": [
            [
                "id": "org_ACME", "name": "acme", "metadata": ["managed_by": "tenantplan"],
                "enabled_connections": [
                    link("con_UPA", "Username-Password-Authentication", "auth0"),
                    link("con_GOOGLE", "google-oauth2", "google-oauth2"),
                    link("con_SELF", "acme-selfservice-sso", "waad"),
                    link("con_PARTNER", "acme-partner-okta", "okta"),
                    link("con_GITHUB", "github", "github"),
                ],
            ]
        ],
        "connections": [
            ["id": "con_UPA", "name": "Username-Password-Authentication", "strategy": "auth0", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
            ["id": "con_GOOGLE", "name": "google-oauth2", "strategy": "google-oauth2", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
            ["id": "con_SELF", "name": "acme-selfservice-sso", "strategy": "waad", "options": [:], "metadata": [:]],
            ["id": "con_PARTNER", "name": "acme-partner-okta", "strategy": "okta", "options": [:],
             "metadata": ["managed_by": "terraform"]],
            ["id": "con_GITHUB", "name": "github", "strategy": "github", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
        ],
        "clients": [], "roles": [],
    ]

    @Test func unmanagedLinksAreKeptManagedOnesRemoved() async throws {
        let harness = try EngineHarness(tenantFile: Self.tenantYAML, customers: ["acme": Self.acmeYAML])
        let live = try LocalTenant(json: Self.live)
        let (plan, text) = try await harness.plan(live)
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 5 connections, 0 clients, 0 roles in 5 requests
              + 1 request for member impact (0 members, 0 users read)

              ~ organization "acme"                                  customers/acme.yaml:2
                  - enabled connection "google-oauth2"
                  - enabled connection "github"
                  = enabled connection "acme-selfservice-sso" (not managed here: kept)
                  = enabled connection "acme-partner-okta" (not managed here: kept)
                    member impact: the organization has no members
              - connection "github" (github)
                    note: marked managed_by: tenantplan but no longer declared; deleting it removes its users
                    ! apply needs --allow-destroy

            ! apply needs --allow-destroy (1 resource destroyed)
            Plan: 0 to add, 1 to change, 1 to destroy. 2 connections and 2 enabled connections not managed here were left alone.

            """)
        #expect(plan.unmanaged == Plan.Unmanaged(connections: 2, enabledConnections: 2))
        #expect(plan.requests.map(\.line) == [
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_GOOGLE",
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_GITHUB",
            "DELETE /api/v2/connections/con_GITHUB",
        ])

        let report = try await harness.apply(live, options: ApplyOptions(allowDestroy: true))
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).map(\.description) == [
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_GOOGLE",
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_GITHUB",
            "DELETE /api/v2/connections/con_GITHUB",
        ])
        let linked = await live.snapshotJSON.organization(named: "acme")?["enabled_connections"]?.arrayValue?
            .compactMap { $0["connection_id"]?.stringValue }
        #expect(linked == ["con_UPA", "con_SELF", "con_PARTNER"])

        let (again, againText) = try await harness.plan(live)
        #expect(again.isEmpty)
        #expect(againText.hasSuffix("""
            No changes. The live tenant matches the configuration.

            Plan: 0 to add, 0 to change, 0 to destroy. 2 connections and 2 enabled connections not managed here were left alone.

            """))
    }

    /// The JSON plan names a kept link `"change": "keep"`.
    @Test func keptLinkInTheJSONPlan() {
        #expect(PlanJSONRenderer.field(FieldChange(.keep, "enabled connection \"acme-selfservice-sso\""))
            == ["change": "keep", "path": "enabled connection \"acme-selfservice-sso\""])
    }

    /// Without `--allow-destroy` and with no other change, the self-service link is still never removed.
    @Test func unmanagedLinkAloneMakesNoChange() async throws {
        let harness = try EngineHarness(tenantFile: Self.tenantYAML, customers: ["acme": Self.acmeYAML])
        var json = Self.live.objectValue!
        json["organizations"] = [
            [
                "id": "org_ACME", "name": "acme", "metadata": ["managed_by": "tenantplan"],
                "enabled_connections": [
                    Self.link("con_UPA", "Username-Password-Authentication", "auth0"),
                    Self.link("con_SELF", "acme-selfservice-sso", "waad"),
                ],
            ]
        ]
        json["connections"] = .array(json["connections"]!.arrayValue!.filter { $0["id"] != "con_GITHUB" })
        let live = try LocalTenant(json: .object(json))
        let (plan, text) = try await harness.plan(live)
        #expect(plan.isEmpty)
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 4 connections, 0 clients, 0 roles in 5 requests

            No changes. The live tenant matches the configuration.

            Plan: 0 to add, 0 to change, 0 to destroy. 2 connections and 1 enabled connection not managed here were left alone.

            """)
        let report = try await harness.apply(live)
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).isEmpty)
    }

    // MARK: Adds before removes

    static let ssoTenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com

        """

    static let ssoAcmeYAML = """
        organization:
          name: acme
        login: sso-only
        connections:
          - connection: acme-entra
        enterprise_connections:
          - name: acme-okta
            strategy: okta
          - name: acme-entra
            strategy: waad

        """

    static let ssoLive: JSONValue = [
        "organizations": [
            [
                "id": "org_ACME", "name": "acme", "metadata": ["managed_by": "tenantplan"],
                "enabled_connections": [link("con_OKTA", "acme-okta", "okta")],
            ]
        ],
        "connections": [
            ["id": "con_OKTA", "name": "acme-okta", "strategy": "okta", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
            ["id": "con_ENTRA", "name": "acme-entra", "strategy": "waad", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
        ],
        "clients": [], "roles": [],
    ]

    /// An SSO-only organization moving from one SSO connection to another: the new link is added first.
    @Test func addsComeBeforeRemoves() async throws {
        let harness = try EngineHarness(tenantFile: Self.ssoTenantYAML, customers: ["acme": Self.ssoAcmeYAML])
        let live = try LocalTenant(json: Self.ssoLive)
        let (plan, text) = try await harness.plan(live)
        #expect(text.contains("""
              ~ organization "acme"                                  customers/acme.yaml:2
                  - enabled connection "acme-okta"
                  + enabled connection "acme-entra"

            """))
        #expect(!text.contains("removed before they are added"))
        #expect(plan.requests.map(\.line) == [
            "POST /api/v2/organizations/org_ACME/enabled_connections",
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_OKTA",
        ])
        let report = try await harness.apply(live)
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).map(\.description) == [
            "POST /api/v2/organizations/org_ACME/enabled_connections",
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_OKTA",
        ])
    }

    /// The add fails: the removal is not attempted, so the organization keeps its old SSO connection.
    @Test func failedAddLeavesTheOldConnectionLinked() async throws {
        let harness = try EngineHarness(tenantFile: Self.ssoTenantYAML, customers: ["acme": Self.ssoAcmeYAML])
        let live = try LocalTenant(json: Self.ssoLive, faults: LocalTenant.Faults(failWritesAfter: 0))
        let report = try await harness.apply(live)
        #expect(!report.succeeded)
        #expect(report.done.map { RequestSummary.text($0.planned) } == [])
        #expect(report.failed.map { RequestSummary.text($0.planned) } == ["enable connection \"acme-entra\" on organization \"acme\""])
        #expect(report.notAttempted.map { RequestSummary.text($0.planned) } == ["disable connection \"acme-okta\" on organization \"acme\""])
        #expect(await live.servedRequests.filter(\.isWrite).map(\.description) == [
            "POST /api/v2/organizations/org_ACME/enabled_connections"
        ])
        let linked = await live.snapshotJSON.organization(named: "acme")?["enabled_connections"]?.arrayValue?
            .compactMap { $0["connection_id"]?.stringValue }
        #expect(linked == ["con_OKTA"])
    }

    /// Ten live links and one swapped: adding first would make eleven, so the removal goes first and the plan
    /// says why; with nine live links (room for the add) the add goes first.
    @Test(arguments: [(10, true), (9, false)])
    func limitForcesRemovalsFirst(linkedCount: Int, removalsFirst: Bool) async throws {
        var tenantYAML = "tenant:\n  domain: example-prod.eu.auth0.com\nconnections:\n"
        var connections: [JSONValue] = []
        for i in 1...11 {
            tenantYAML += "  - name: db-\(i)\n    strategy: auth0\n"
            connections.append(
                ["id": .string("con_\(i)"), "name": .string("db-\(i)"), "strategy": "auth0", "options": [:],
                 "metadata": ["managed_by": "tenantplan"]])
        }
        // Declared: db-2 … db-N and db-11; live: db-1 … db-N.
        var acmeYAML = "organization:\n  name: acme\nlogin: password-only\nconnections:\n"
        for i in 2...linkedCount { acmeYAML += "  - connection: db-\(i)\n" }
        acmeYAML += "  - connection: db-11\n"
        let harness = try EngineHarness(tenantFile: tenantYAML, customers: ["acme": acmeYAML])
        let live = try LocalTenant(json: [
            "organizations": [
                [
                    "id": "org_ACME", "name": "acme", "metadata": ["managed_by": "tenantplan"],
                    "enabled_connections": .array((1...linkedCount).map { Self.link("con_\($0)", "db-\($0)", "auth0") }),
                ]
            ],
            "connections": .array(connections), "clients": [], "roles": [],
        ])
        let (plan, text) = try await harness.plan(live)
        let note = "note: enabled connections are removed before they are added: 10 + 1 would pass Auth0's limit of "
            + "10 per organization"
        #expect(text.contains("""
              ~ organization "acme"                                  customers/acme.yaml:2
                  - enabled connection "db-1"
                  + enabled connection "db-11"
            \(removalsFirst ? "        \(note)\n" : "")        member impact: the organization has no members

            Plan: 0 to add, 1 to change, 0 to destroy.
            """))
        let expected = [
            "DELETE /api/v2/organizations/org_ACME/enabled_connections/con_1",
            "POST /api/v2/organizations/org_ACME/enabled_connections",
        ]
        #expect(plan.requests.map(\.line) == (removalsFirst ? expected : expected.reversed()))
        let report = try await harness.apply(live)
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).map(\.description)
            == (removalsFirst ? expected : expected.reversed()))
    }
}
