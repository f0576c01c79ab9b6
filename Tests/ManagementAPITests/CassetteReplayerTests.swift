import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// The recorded cassettes load with the project's YAML parser, and the replayer answers by method, path and
/// query, identical requests in recorded order, and names any request it cannot answer.
@Suite struct CassetteReplayerTests {
    static let pagination = "go-auth0/TestOrganizationManager_ListCheckpointPagination"
    static let azureAD = "terraform-provider-auth0/TestAccConnectionAzureAD"

    @Test func everyCassetteLoads() throws {
        #expect(Cassette.allNames == [
            "go-auth0/TestConnectionManager_EnabledClients",
            "go-auth0/TestConnectionManager_Update/It_can_successfully_update_a_Auth0_Connection",
            "go-auth0/TestOrganizationManager_DeleteInvitation",
            "go-auth0/TestOrganizationManager_ListCheckpointPagination",
            "go-auth0/TestOrganizationManager_UpdateDBConnection/When_signup_enabled_with_assign_membership_false_should_fail",
            "terraform-provider-auth0/TestAccConnectionAzureAD",
        ])
        let statuses = try Cassette.allNames.map { try Cassette.load($0).interactions.map(\.response.status) }
        #expect(statuses == [
            [201, 201, 204, 200, 204, 200, 202, 204],
            [201, 200, 200, 202],
            [201, 201, 201, 204, 404, 204, 204],
            [201, 201, 201, 200, 200, 204, 204, 204],
            [201, 201, 201, 201, 400, 202, 204, 204],
            [201, 200, 200, 200, 200, 200, 200, 200, 202],
        ])
    }

    @Test func requestsAndResponsesAreDecoded() throws {
        let cassette = try Cassette.load(Self.pagination)
        let create = cassette.interactions[0]
        #expect(create.request == APIRequest(.post, "/api/v2/organizations", body: [
            "name": "test-organization745", "display_name": "Test Organization",
            "branding": ["logo_url": "https://example.com/logo.gif"],
        ]))
        #expect(create.response.headers == ["content-type": "application/json; charset=utf-8"])
        #expect(create.url == "https://go-auth0-dev.eu.auth0.com/api/v2/organizations")
        // A GET's recorded body `null\n` is dropped; the query is decoded into a map.
        let secondPage = cassette.interactions[4]
        #expect(secondPage.request == APIRequest(.get, "/api/v2/organizations", query: [
            "from": "MjAyMy0wMy0xNCAxMToxNzoxOS40NjYwMDBVVEMsb3JnX1d6MnVNd0FWUW1mUmIwM0k",
            "include_totals": "true", "per_page": "50", "take": "2",
        ]))
        #expect(secondPage.response.body?["next"] == nil)
        #expect(secondPage.description
            == "#4 GET /api/v2/organizations?from=MjAyMy0wMy0xNCAxMToxNzoxOS40NjYwMDBVVEMsb3JnX1d6MnVNd0FWUW1mUmIwM0k"
            + "&include_totals=true&per_page=50&take=2 -> 200")
        // 204: an empty body is nil.
        #expect(cassette.interactions[5].response == APIResponse(
            status: 204, headers: ["content-type": "application/json; charset=utf-8"], body: nil))
        #expect(cassette.interactions[5].request == APIRequest(.delete, "/api/v2/organizations/org_cGR0immZcgIoQziO"))
    }

    @Test func anUnmatchedRequestIsAnErrorNamingIt() async throws {
        let replayer = try CassetteReplayer(named: Self.pagination)
        // The typed call pages with `take` alone; the recording also carries per_page and include_totals.
        let client = ManagementClient(transport: replayer, pageSize: 2)
        await #expect(throws: CassetteError.unmatched(
            cassette: Self.pagination, request: "GET /api/v2/organizations?take=2",
            recorded: [
                "POST /api/v2/organizations", "POST /api/v2/organizations", "POST /api/v2/organizations",
                "GET /api/v2/organizations?include_totals=true&per_page=50&take=2",
                "GET /api/v2/organizations?from=MjAyMy0wMy0xNCAxMToxNzoxOS40NjYwMDBVVEMsb3JnX1d6MnVNd0FWUW1mUmIwM0k"
                    + "&include_totals=true&per_page=50&take=2",
                "DELETE /api/v2/organizations/org_cGR0immZcgIoQziO", "DELETE /api/v2/organizations/org_Wz2uMwAVQmfRb03I",
                "DELETE /api/v2/organizations/org_SST1yp2pazgSiMYi",
            ])) {
            _ = try await client.listOrganizations()
        }
        let error = CassetteError.unmatched(cassette: "c", request: "GET /x", recorded: [])
        #expect(error.description == "cassette 'c' has no recorded answer for GET /x (unused interactions: none left)")
    }

    @Test func identicalRequestsAreAnsweredInRecordedOrder() async throws {
        let replayer = try CassetteReplayer(named: Self.azureAD)
        let path = "/api/v2/connections/con_RTxbg9uQVo9lcPpu"
        var seen: [String] = []
        // Four GETs were recorded before the PATCH (userid_attribute oid), two after it (sub). Sent without the
        // PATCH, the fifth GET takes the first answer recorded after it.
        for _ in 0..<6 {
            let response = try await replayer.send(APIRequest(.get, path))
            seen.append(response.body?["options"]?["userid_attribute"]?.stringValue ?? "-")
        }
        #expect(seen == ["oid", "oid", "oid", "oid", "sub", "sub"])
        await #expect(throws: CassetteError.self) { _ = try await replayer.send(APIRequest(.get, path)) }
        #expect(replayer.unusedInteractions.map(\.description) == [
            "#0 POST /api/v2/connections -> 201", "#5 PATCH /api/v2/connections/con_RTxbg9uQVo9lcPpu -> 200",
            "#8 DELETE /api/v2/connections/con_RTxbg9uQVo9lcPpu -> 202",
        ])
        #expect(replayer.servedRequests.count == 7)
        #expect(replayer.remoteDomain == "terraform-provider-auth0-dev.eu.auth0.com")
    }

    @Test func bodiesAreComparedOnlyWhenAsked() async throws {
        let other = APIRequest(.post, "/api/v2/organizations", body: ["name": "someone-else"])
        let strict = try CassetteReplayer(named: Self.pagination, matchBodies: true)
        await #expect(throws: CassetteError.bodyMismatch(
            cassette: Self.pagination, request: "POST /api/v2/organizations",
            recorded: #"{"branding":{"logo_url":"https://example.com/logo.gif"},"display_name":"Test Organization","name":"test-organization745"}"#,
            sent: #"{"name":"someone-else"}"#)) {
            _ = try await strict.send(other)
        }
        // The same body with its keys in another order matches.
        let same = try await strict.send(APIRequest(.post, "/api/v2/organizations", body: .object([
            "branding": ["logo_url": "https://example.com/logo.gif"], "name": "test-organization745",
            "display_name": "Test Organization",
        ])))
        #expect(same.body?["id"] == "org_SST1yp2pazgSiMYi")
        // A GET's body is never compared.
        let page = try await strict.send(APIRequest(
            .get, "/api/v2/organizations", query: ["include_totals": "true", "per_page": "50", "take": "2"], body: nil))
        #expect(page.status == 200)
        let lenient = try CassetteReplayer(named: Self.pagination)
        #expect(try await lenient.send(other).body?["id"] == "org_SST1yp2pazgSiMYi")
    }
}
