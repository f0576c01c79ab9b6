import JSONValues
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// The local tenant's `GET /api/v2/clients/{id}/connections` ("Get enabled connections for a client"):
/// checkpoint pagination, `ConnectionForList` items, 404 for an unknown client, held to the OpenAPI excerpt.
@Suite struct ClientConnectionsEndpointTests {
    static let database: JSONValue = [
        "id": "con_A", "name": "db", "strategy": "auth0", "options": ["passwordPolicy": "good"], "realms": ["db"],
        "is_domain_connection": false, "metadata": ["managed_by": "tenantplan"],
    ]
    static let entra: JSONValue = [
        "id": "con_B", "name": "acme-entra", "display_name": "Acme", "strategy": "waad", "show_as_button": true,
        "options": ["tenant_domain": "acme.example"], "realms": ["acme-entra"], "is_domain_connection": false,
        "provisioning_ticket_url": "https://local-tenant.tenantplan.invalid/local-tenant/p/waad/abcdefgh",
    ]
    static let saml: JSONValue = ["id": "con_C", "name": "globex-saml", "strategy": "samlp"]
    static let other: JSONValue = ["id": "con_D", "name": "other", "strategy": "google-oauth2"]

    static func tenant() throws -> LocalTenant {
        try LocalTenant(json: [
            "connections": [database, entra, saml, other],
            "connection_clients": [
                "con_A": ["cli_1"], "con_B": ["cli_2", "cli_1"], "con_C": ["cli_1"], "con_D": ["cli_2"],
            ],
            "clients": [
                ["client_id": "cli_1", "name": "portal"], ["client_id": "cli_2", "name": "admin"],
                ["client_id": "cli_3", "name": "none"],
            ],
        ])
    }

    /// `con_B` as a `ConnectionForList`: no `provisioning_ticket_url`, no `enabled_clients`.
    static let entraForList: JSONValue = [
        "id": "con_B", "name": "acme-entra", "display_name": "Acme", "strategy": "waad", "show_as_button": true,
        "options": ["tenant_domain": "acme.example"], "realms": ["acme-entra"], "is_domain_connection": false,
    ]

    @Test func listsTheConnectionsEnabledForTheClient() async throws {
        let local = try Self.tenant()
        let all = try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections"))
        #expect(all.status == 200)
        #expect(all.body == ["connections": [Self.database, Self.entraForList, Self.saml]])
        let admin = try await local.send(APIRequest(.get, "/api/v2/clients/cli_2/connections"))
        #expect(admin.body == ["connections": [Self.entraForList, Self.other]])
        #expect(try await local.send(APIRequest(.get, "/api/v2/clients/cli_3/connections")).body == ["connections": []])
    }

    @Test func checkpointPaginationWithNextOnlyWhileMoreRemain() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/clients/cli_1/connections"
        let first = try await local.send(APIRequest(.get, path, query: ["take": "2"]))
        let next = try #require(first.body?["next"]?.stringValue)
        #expect(first.body == ["connections": [Self.database, Self.entraForList], "next": .string(next)])
        let second = try await local.send(APIRequest(.get, path, query: ["take": "2", "from": next]))
        #expect(second.body == ["connections": [Self.saml]])
        let exact = try await local.send(APIRequest(.get, path, query: ["take": "3"]))
        #expect(exact.body?["next"] == nil && exact.body?["connections"]?.arrayValue?.count == 3)
        // Through the client's checkpoint reader: one request per page, stopping when `next` is absent.
        let client = ManagementClient(transport: local, pageSize: 1)
        let ids = try await client.checkpointList(path, key: "connections").compactMap { $0["id"]?.stringValue }
        #expect(ids == ["con_A", "con_B", "con_C"])
        #expect(await local.servedRequests.suffix(3).map(\.description) == [
            "GET /api/v2/clients/cli_1/connections?take=1",
            "GET /api/v2/clients/cli_1/connections?from=cDox&take=1",
            "GET /api/v2/clients/cli_1/connections?from=cDoy&take=1",
        ])
    }

    @Test func takeDefaultsTo50() async throws {
        let connections = (0..<51).map { JSONValue.object(["id": .string("con_\($0)"), "name": .string("c\($0)"), "strategy": "samlp"]) }
        let local = try LocalTenant(json: [
            "connections": .array(connections),
            "connection_clients": .object(Dictionary(uniqueKeysWithValues: (0..<51).map { ("con_\($0)", JSONValue.array(["cli_1"])) })),
            "clients": [["client_id": "cli_1", "name": "portal"]],
        ])
        let first = try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections"))
        #expect(first.body?["connections"]?.arrayValue == Array(connections.prefix(50)))
        let next = try #require(first.body?["next"]?.stringValue)
        let rest = try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections", query: ["from": next]))
        #expect(rest.body == ["connections": [connections[50]]])
    }

    @Test func strategyAndFieldsFilters() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/clients/cli_1/connections"
        #expect(try await local.send(APIRequest(.get, path, query: ["strategy": "waad"])).body
            == ["connections": [Self.entraForList]])
        #expect(try await local.send(APIRequest(.get, path, query: ["fields": "id,name"])).body == ["connections": [
            ["id": "con_A", "name": "db"], ["id": "con_B", "name": "acme-entra"], ["id": "con_C", "name": "globex-saml"],
        ]])
        let excluded = "options,realms,metadata,show_as_button,display_name,is_domain_connection"
        let query = ["fields": excluded, "include_fields": "false"]
        #expect(try await local.send(APIRequest(.get, path, query: query)).body == ["connections": [
            ["id": "con_A", "name": "db", "strategy": "auth0"], ["id": "con_B", "name": "acme-entra", "strategy": "waad"],
            ["id": "con_C", "name": "globex-saml", "strategy": "samlp"],
        ]])
    }

    /// Ten connections, the client enabled for four of them (`con_1`, `con_4`, `con_5`, `con_9`), `con_5` a SAML one.
    static func sparseTenant() throws -> LocalTenant {
        let connections = (0..<10).map {
            JSONValue.object(["id": .string("con_\($0)"), "name": .string("c\($0)"), "strategy": $0 == 5 ? "samlp" : "waad"])
        }
        return try LocalTenant(json: [
            "connections": .array(connections),
            "connection_clients": ["con_1": ["cli_1"], "con_2": ["cli_2"], "con_4": ["cli_1"], "con_5": ["cli_2", "cli_1"],
                                   "con_9": ["cli_1"]],
            "clients": [["client_id": "cli_1", "name": "portal"], ["client_id": "cli_2", "name": "admin"]],
        ])
    }

    /// Pages of a client whose connections are spread over the tenant's list: each page holds the next `take` of
    /// them, `next` points at the first connection of the next page and is absent after the last.
    @Test func pagesOverConnectionsSpreadOverTheList() async throws {
        let local = try Self.sparseTenant()
        let client = ManagementClient(transport: local, pageSize: 2)
        let path = "/api/v2/clients/cli_1/connections"
        let ids = try await client.checkpointList(path, key: "connections").compactMap { $0["id"]?.stringValue }
        #expect(ids == ["con_1", "con_4", "con_5", "con_9"])
        #expect(await local.servedRequests.map(\.description) == [
            "GET /api/v2/clients/cli_1/connections?take=2",
            "GET /api/v2/clients/cli_1/connections?from=cDo1&take=2",  // "p:5": con_5 starts the second page
        ])
        let last = try await local.send(APIRequest(.get, path, query: ["take": "3", "from": "cDo1"]))
        #expect(last.body == ["connections": [
            ["id": "con_5", "name": "c5", "strategy": "samlp"], ["id": "con_9", "name": "c9", "strategy": "waad"],
        ]])
        let one = try await local.send(APIRequest(.get, path, query: ["take": "1", "from": "cDo1"]))
        #expect(one.body == ["connections": [["id": "con_5", "name": "c5", "strategy": "samlp"]], "next": "cDo5"])
        let strategy = try await local.send(APIRequest(.get, path, query: ["take": "1", "strategy": "waad"]))
        #expect(strategy.body == ["connections": [["id": "con_1", "name": "c1", "strategy": "waad"]], "next": "cDo0"])
        let pastTheEnd = try await local.send(APIRequest(.get, path, query: ["take": "5", "from": "cDoxMA=="]))
        #expect(pastTheEnd.body == ["connections": []])
    }

    /// 250 connections enabled for the client: three pages of 100, 100 and 50, in the tenant's order.
    @Test func everyPageOfALargeClientIsReadOnce() async throws {
        let connections = (0..<250).map { JSONValue.object(["id": .string("con_\($0)"), "name": .string("c\($0)"), "strategy": "waad"]) }
        let local = try LocalTenant(json: [
            "connections": .array(connections),
            "connection_clients": .object(Dictionary(uniqueKeysWithValues: (0..<250).map { ("con_\($0)", JSONValue.array(["cli_1"])) })),
            "clients": [["client_id": "cli_1", "name": "portal"]],
        ])
        let ids = try await ManagementClient(transport: local).clientConnections(clientID: "cli_1")
        #expect(ids == (0..<250).map { "con_\($0)" })
        #expect(await local.servedRequests.map(\.description) == [
            "GET /api/v2/clients/cli_1/connections?fields=id,name&include_fields=true&take=100",
            "GET /api/v2/clients/cli_1/connections?fields=id,name&from=cDoxMDA=&include_fields=true&take=100",
            "GET /api/v2/clients/cli_1/connections?fields=id,name&from=cDoyMDA=&include_fields=true&take=100",
        ])
    }

    @Test func unknownClientIs404() async throws {
        let response = try await Self.tenant().send(APIRequest(.get, "/api/v2/clients/cli_missing/connections"))
        #expect(response.status == 404)
        #expect(response.body == [
            "statusCode": 404, "error": "Not Found", "message": "The client does not exist", "errorCode": "inexistent_client",
        ])
    }

    @Test(arguments: [
        ("0", "'Value 0 is less than minimum 1'"),
        ("101", "'Value 101 is greater than maximum 100'"),
        ("ten", "'Expected type integer but found type string'"),
    ])
    func takeOutsideItsRangeIs400(_ take: String, _ problem: String) async throws {
        let response = try await Self.tenant().send(APIRequest(.get, "/api/v2/clients/cli_1/connections", query: ["take": take]))
        #expect(response.status == 400)
        #expect(response.body == [
            "statusCode": 400, "error": "Bad Request",
            "message": .string("Query validation error: \(problem) on property take (Number of results per page. Defaults to 50)."),
            "errorCode": "invalid_query_string",
        ])
    }

    @Test func followsConnectionClientChanges() async throws {
        let local = try Self.tenant()
        let path = "/api/v2/clients/cli_3/connections"
        let enable = try await local.send(APIRequest(
            .patch, "/api/v2/connections/con_C/clients", body: [["client_id": "cli_3", "status": true]]))
        #expect(enable.status == 204)
        #expect(try await local.send(APIRequest(.get, path)).body == ["connections": [Self.saml]])
        #expect(try await local.send(APIRequest(.delete, "/api/v2/connections/con_C")).status == 202)
        #expect(try await local.send(APIRequest(.get, path)).body == ["connections": []])
    }

    /// The answer holds only what the OpenAPI document allows: `ListClientConnectionsResponseContent` members,
    /// and `ConnectionForList` items (`additionalProperties: false`); `take` is documented as 1–100.
    @Test func answersFollowTheOpenAPIExcerpt() async throws {
        let api = try Cassette.managementAPIExcerpt()
        let schemas = try #require(api["components"]?["schemas"])
        let itemKeys = try #require(schemas["ConnectionForList"]?["properties"]?.objectValue?.keys)
        #expect(schemas["ConnectionForList"]?["additionalProperties"] == false)
        let pageKeys = try #require(schemas["ListClientConnectionsResponseContent"]?["properties"]?.objectValue?.keys)
        let operation = try #require(api["paths"]?["/clients/{id}/connections"]?["get"])
        #expect(operation["operationId"] == "get_client_connections")
        let take = operation["parameters"]?.arrayValue?.first { $0["name"] == "take" }
        #expect(take?["schema"] == ["type": "integer", "minimum": 1, "maximum": 100])

        let local = try Self.tenant()
        let first = try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections", query: ["take": "1"]))
        let page = try #require(first.body?.objectValue)
        #expect(Set(page.keys) == Set(pageKeys))
        let all = try await local.send(APIRequest(.get, "/api/v2/clients/cli_1/connections"))
        let items = all.body?["connections"]?.arrayValue ?? []
        #expect(items.count == 3)
        for item in items {
            #expect(Set(item.objectValue.map { Array($0.keys) } ?? []).isSubset(of: Set(itemKeys)), "\(item)")
        }
    }
}
