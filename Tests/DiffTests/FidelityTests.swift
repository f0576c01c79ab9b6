import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// Auth0 behaviours the catalogue documents (docs/auth0-fidelity.md, "Side effects"), followed by the local
/// tenant and planned for by the planner: the display-name reset of a connection PATCH, the metadata limits on
/// adoption, metadata type changes, and the offset-paging cap.
@Suite struct FidelityTests {
    /// A tenant whose only declared connection is an enterprise one without `display_name` in the YAML.
    static let entraYAML = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
          - name: acme-entra
            strategy: waad
            options:
              domain: acme.example

        """

    static func entraLive(displayName: String?, metadata: JSONValue = ["managed_by": "tenantplan"]) -> JSONValue {
        var connection: [String: JSONValue] = [
            "id": "con_ENTRA", "name": "acme-entra", "strategy": "waad", "metadata": metadata,
            "options": [
                "client_id": "8f1c2b7e-0000-4000-8000-000000000001", "domain": "old.example", "app_domain": "a.example",
                "thumbprints": [], "waad_common_endpoint": false,
            ],
        ]
        if let displayName { connection["display_name"] = .string(displayName) }
        return ["connections": [.object(connection)]]
    }

    // MARK: Display-name reset

    /// The options of a `waad` PATCH: Auth0 requires `client_id` in them (`ConnectionOptionsAzureAD`).
    static let entraOptions: JSONValue = ["client_id": "8f1c2b7e-0000-4000-8000-000000000001", "domain": "acme.example"]

    /// Auth0 overwrites `display_name` with the name on a PATCH without it; a connection without one keeps none.
    @Test(arguments: [
        (JSONValue.string("Acme (Entra ID)"), JSONValue.object(["display_name": "Other"]), JSONValue.string("Other")),
        (.string("Acme (Entra ID)"), .object(["options": FidelityTests.entraOptions]), .string("acme-entra")),
        (.string("Acme (Entra ID)"), .object(["metadata": ["managed_by": "tenantplan"]]), .string("acme-entra")),
        (.null, .object(["options": FidelityTests.entraOptions]), .null),
    ] as [(JSONValue, JSONValue, JSONValue)])
    func localTenantResetsDisplayNameOnPatch(before: JSONValue, body: JSONValue, after: JSONValue) async throws {
        let live = try LocalTenant(json: Self.entraLive(displayName: before.stringValue))
        let response = try await live.send(APIRequest(.patch, "/api/v2/connections/con_ENTRA", body: body))
        #expect(response.status == 200)
        #expect(response.body?["display_name"]?.stringValue == after.stringValue)
        #expect(response.body?.objectValue?.keys.contains("display_name") == (after != .null))
    }

    /// Every connection PATCH carries `display_name`: the live value when the YAML declares none or the same, the
    /// YAML's when it changes it; none when the live connection has none.
    @Test(arguments: [
        ("", JSONValue.string("Acme (Entra ID)"), JSONValue.string("Acme (Entra ID)")),
        ("    display_name: Acme (Entra ID)\n", .string("Acme (Entra ID)"), .string("Acme (Entra ID)")),
        ("    display_name: Acme SSO\n", .string("Acme (Entra ID)"), .string("Acme SSO")),
        ("", .null, .null),
    ])
    func connectionPatchCarriesDisplayName(declared: String, live: JSONValue, sent: JSONValue) async throws {
        let yaml = Self.entraYAML.replacingOccurrences(of: "    strategy: waad\n", with: "    strategy: waad\n" + declared)
        let harness = try EngineHarness(tenantFile: yaml, customers: [:])
        let tenant = try LocalTenant(json: Self.entraLive(displayName: live.stringValue))
        let (plan, _) = try await harness.plan(tenant)
        var body: [String: JSONValue] = [
            "options": [
                "client_id": "8f1c2b7e-0000-4000-8000-000000000001", "domain": "acme.example", "app_domain": "a.example",
                "thumbprints": [], "waad_common_endpoint": false,
            ],
        ]
        if sent != .null { body["display_name"] = sent }
        #expect(plan.requests.map(\.line) == ["PATCH /api/v2/connections/con_ENTRA"])
        #expect(plan.requests.map(\.operation) == [.updateConnection])
        #expect(plan.requests.first?.body == .object(body))
        // Applied against the local tenant, which resets a missing display_name as Auth0 does: nothing left.
        let report = try await Applier(client: ManagementClient(transport: tenant)).apply(plan, options: ApplyOptions())
        #expect(report.succeeded)
        #expect(try await harness.plan(tenant).plan.requests.isEmpty)
        let stored = await tenant.snapshotJSON.connection(named: "acme-entra")?.objectValue
        #expect(stored?["display_name"]?.stringValue == sent.stringValue)
        #expect(stored?.keys.contains("display_name") == (sent != .null))
    }

    // MARK: Metadata limits on adoption

    static func metadata(_ count: Int, marker: String? = nil) -> JSONValue {
        var map = Dictionary(uniqueKeysWithValues: (1...count).map { ("k\($0)", JSONValue.string("v")) })
        if let marker { map["k1"] = nil; map["managed_by"] = .string(marker) }
        return .object(map)
    }

    /// Adopting an object whose metadata is at its limit is a plan error, whole, before any write; one key fewer,
    /// or a map already marked by another tool (the marker replaces that value), adopts.
    @Test(arguments: [
        ("organization", 25, nil as String?,
         "organization \"acme\" cannot be adopted: its metadata holds 25 keys and the ownership marker managed_by: "
            + "tenantplan would make 26, over Auth0's limit of 25; remove a key from the live metadata (or declare "
            + "the complete metadata in the YAML) and plan again"),
        ("organization", 24, nil, nil),
        ("organization", 25, "terraform", nil),
        ("connection", 10, nil,
         "connection \"acme-entra\" cannot be adopted: its metadata holds 10 keys and the ownership marker managed_by: "
            + "tenantplan would make 11, over Auth0's limit of 10; remove a key from the live metadata (or declare "
            + "the complete metadata in the YAML) and plan again"),
        ("connection", 9, nil, nil),
        ("client", 10, nil,
         "client \"saas-web\" cannot be adopted: its client_metadata holds 10 keys and the ownership marker "
            + "managed_by: tenantplan would make 11, over Auth0's limit of 10; remove a key from the live "
            + "client_metadata (or declare the complete client_metadata in the YAML) and plan again"),
        ("client", 9, nil, nil),
    ])
    func adoptionOverAMetadataLimit(kind: String, keys: Int, marker: String?, error: String?) async throws {
        let map = Self.metadata(keys, marker: marker)
        var live: JSONValue
        var yaml = Self.entraYAML
        var customers: [String: String] = [:]
        switch kind {
        case "organization":
            live = ["organizations": [["id": "org_ACME", "name": "acme", "metadata": map]]]
            yaml = "tenant:\n  domain: example-prod.eu.auth0.com\n"
            customers = ["acme": "organization:\n  name: acme\nlogin: password-only\n"]
        case "connection":
            live = Self.entraLive(displayName: "Acme", metadata: map)
        default:
            live = ["clients": [["client_id": "cli_SAAS", "name": "saas-web", "app_type": "regular_web", "client_metadata": map]]]
            yaml = "tenant:\n  domain: example-prod.eu.auth0.com\nclients:\n  - name: saas-web\n    app_type: regular_web\n"
        }
        let harness = try EngineHarness(tenantFile: yaml, customers: customers)
        let tenant = try LocalTenant(json: live)
        if let error {
            do {
                _ = try await harness.plan(tenant)
                Issue.record("planned without an error")
            } catch let thrown as PlanError {
                #expect(thrown.description == error)
            }
            #expect(await tenant.servedRequests.filter(\.isWrite).isEmpty)
        } else {
            let report = try await harness.apply(tenant)
            #expect(report.succeeded, "\(report.failed)")
            #expect(try await harness.plan(tenant).plan.requests.isEmpty)
        }
    }

    /// The local tenant answers a write past a metadata limit with Auth0's 400.
    @Test func localTenantRefusesMetadataPastTheLimit() async throws {
        let tenant = try LocalTenant(json: Self.entraLive(displayName: "Acme"))
        let response = try await tenant.send(
            APIRequest(.patch, "/api/v2/connections/con_ENTRA", body: ["metadata": Self.metadata(11)]))
        #expect(response.status == 400)
        #expect(response.body?["message"] == """
            Payload validation error: 'Too many properties defined (11), maximum 10' on property metadata (Metadata \
            associated with the connection in the form of an object with string values (max 255 chars).  Maximum of \
            10 metadata properties allowed).
            """)
        #expect(response.body?["errorCode"] == "invalid_body")
    }

    // MARK: Metadata types

    /// A live value of another type than the YAML string is a change of that key, never an addition.
    @Test(arguments: [
        (JSONValue.int(1042), "c-1042", "~ metadata.customer_id: 1042 -> \"c-1042\""),
        (.int(1042), "1042", "~ metadata.customer_id: 1042 -> \"1042\""),
        (.bool(true), "true", "~ metadata.customer_id: true -> \"true\""),
        (.string("c-1"), "c-1042", "~ metadata.customer_id: \"c-1\" -> \"c-1042\""),
    ])
    func metadataTypeChangeIsAChange(live: JSONValue, declared: String, line: String) async throws {
        let customer = "organization:\n  name: acme\n  metadata:\n    customer_id: \"\(declared)\"\nlogin: password-only\n"
        let harness = try EngineHarness(tenantFile: "tenant:\n  domain: example-prod.eu.auth0.com\n", customers: ["acme": customer])
        let tenant = try LocalTenant(json: [
            "organizations": [["id": "org_ACME", "name": "acme", "metadata": ["customer_id": live, "managed_by": "tenantplan"]]],
        ])
        let (plan, text) = try await harness.plan(tenant)
        let fields = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains("metadata.") }
        #expect(fields == [line])
        #expect(plan.requests.first?.body == ["metadata": ["customer_id": .string(declared), "managed_by": "tenantplan"]])
    }

    // MARK: Offset cap

    /// Offset paging stops at 1,000 records on the lists whose OpenAPI description says so; checkpoint paging and
    /// the lists without a stated cap go on.
    @Test(arguments: [
        ("/api/v2/organizations", ["page": "10", "per_page": "100"], 400),
        ("/api/v2/organizations", ["page": "9", "per_page": "100"], 200),
        ("/api/v2/organizations", ["page": "20", "per_page": "50"], 400),
        ("/api/v2/organizations", ["page": "10", "per_page": "100", "take": "100"], 200),
        ("/api/v2/connections", ["page": "10", "per_page": "100"], 400),
        ("/api/v2/connections", ["page": "9", "per_page": "100", "include_totals": "true"], 200),
        ("/api/v2/organizations/org_ACME/invitations", ["page": "10", "per_page": "100"], 400),
        ("/api/v2/organizations/org_ACME/invitations", ["page": "9", "per_page": "100"], 200),
        ("/api/v2/clients", ["page": "10", "per_page": "100"], 200),
        ("/api/v2/roles", ["page": "10", "per_page": "100"], 200),
        ("/api/v2/organizations/org_ACME/enabled_connections", ["page": "10", "per_page": "100"], 200),
    ])
    func offsetCapPerList(path: String, query: [String: String], status: Int) async throws {
        let tenant = try LocalTenant(json: ["organizations": [["id": "org_ACME", "name": "acme"]]])
        let response = try await tenant.send(APIRequest(.get, path, query: query))
        #expect(response.status == status)
        if status == 400 {
            #expect(response.body == [
                "statusCode": 400, "error": "Bad Request",
                "message": "Requesting page exceeds the allowed maximum of 1000 records", "errorCode": "invalid_query_string",
            ])
        }
        #expect(ManagementOperation.route(.get, path: path)?.operation.paging.offsetRecordCap == (
            ["/api/v2/clients", "/api/v2/roles", "/api/v2/organizations/org_ACME/enabled_connections"].contains(path)
                ? nil : 1000))
    }

    // MARK: Request log

    /// The local tenant logs each request in the Auth0 client's format (``RequestLog``), durations from its clock.
    @Test func localTenantLogsRequestsLikeTheAuth0Client() async throws {
        let tenant = try LocalTenant(json: [:])
        let lines = LockedLines()
        await tenant.setRequestLog({ lines.append($0) }, clock: { 7 })
        _ = try await tenant.send(APIRequest(.get, "/api/v2/organizations", query: ["take": "100"]))
        _ = try await tenant.send(APIRequest(.post, "/api/v2/roles", body: ["name": "member"]))
        _ = try await tenant.send(APIRequest(.get, "/api/v2/roles/rol_missing"))
        await tenant.setFaults(LocalTenant.Faults(failAfterRequests: 3))
        await #expect(throws: TransportError.self) { try await tenant.send(APIRequest(.get, "/api/v2/roles")) }
        #expect(lines.all == [
            "GET /api/v2/organizations?take=100 -> 200 (0 ms)",
            "POST /api/v2/roles -> 200 (0 ms)",
            "GET /api/v2/roles/rol_missing -> 404 (0 ms)",
            "GET /api/v2/roles -> no response: injected fault after 3 requests (0 ms)",
        ])
        #expect(RequestLog.line("GET /api/v2/roles", status: 200, milliseconds: 12) == "GET /api/v2/roles -> 200 (12 ms)")
    }
}
