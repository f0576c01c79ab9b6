import Auth0HTTP
import Foundation
import JSONValues
import ManagementAPI
import TestSupport
import Testing

@Suite("Retries: 5xx and lost answers, idempotent requests only")
struct RetryTests {
    @Test("a GET answering 5xx is sent up to 4 times with jittered backoff, then a clear error")
    func fiveHundredsCapped() async throws {
        let fake = try ScriptedAuth0(Array(repeating: ExampleData.unavailable, count: 4))
        let transport = try fake.transport()
        let client = ManagementClient(transport: transport)
        let error = await #expect(throws: ManagementAPIError.self) {
            try await client.call(APIRequest(.get, "/api/v2/roles", query: ["per_page": "100"]))
        }
        #expect(
            error?.description
                == "GET /api/v2/roles?per_page=100: 503 Service Unavailable: upstream unavailable (gave up after 4 attempts)")
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest] + Array(repeating: "GET /api/v2/roles?per_page=100", count: 4))
        #expect(fake.clock.sleeps == [.milliseconds(750), .milliseconds(1500), .milliseconds(3000)])
        #expect(fake.log.all == [
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/roles?per_page=100 -> 503 (0 ms)",
            "retrying GET /api/v2/roles?per_page=100 in 0.75 s (503, attempt 2 of 4)",
            "GET /api/v2/roles?per_page=100 -> 503 (0 ms)",
            "retrying GET /api/v2/roles?per_page=100 in 1.5 s (503, attempt 3 of 4)",
            "GET /api/v2/roles?per_page=100 -> 503 (0 ms)",
            "retrying GET /api/v2/roles?per_page=100 in 3 s (503, attempt 4 of 4)",
            "GET /api/v2/roles?per_page=100 -> 503 (0 ms)",
        ])
        let stats = transport.statistics.snapshot
        #expect(stats.retries == 3)
        #expect(stats.retryWait == .milliseconds(5250))
        #expect(stats.requestsSent == 4)
    }

    @Test("a 5xx without a JSON body still gives a clear error")
    func fiveHundredWithoutJSON() async throws {
        let gateway = LoopbackResponse(status: 502, body: Data("<html>Bad Gateway</html>".utf8))
        let fake = try ScriptedAuth0([gateway, gateway])
        let client = ManagementClient(transport: try fake.transport(Auth0TransportOptions(maxRequestsPerSecond: 0, maxAttempts: 2)))
        let error = await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.delete, "/api/v2/roles/rol_x")) }
        #expect(error?.description == "DELETE /api/v2/roles/rol_x: 502 Bad Gateway: gave up after 2 attempts")
    }

    @Test("a PATCH answering 502 once succeeds on the second attempt")
    func recovers() async throws {
        let fake = try ScriptedAuth0([.apiError(502, "Bad Gateway", "upstream")])
        let response = try await fake.transport().send(
            APIRequest(.patch, "/api/v2/roles/rol_admin00000000001", body: ["description": "Admins"]))
        #expect(response.status == 200)
        #expect(response.body?["description"] == "Admins")
        #expect(fake.clock.sleeps == [.milliseconds(750)])
    }

    @Test("a POST answering 5xx is not sent again")
    func postNotRetried() async throws {
        let fake = try ScriptedAuth0([ExampleData.unavailable])
        let client = ManagementClient(transport: try fake.transport())
        let error = await #expect(throws: ManagementAPIError.self) {
            try await client.call(APIRequest(.post, "/api/v2/organizations", body: ["name": "delta"]))
        }
        #expect(error?.description == "POST /api/v2/organizations: 503 Service Unavailable: upstream unavailable")
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest, "POST /api/v2/organizations"])
        #expect(fake.clock.sleeps == [])
    }

    @Test("a GET without an answer is sent up to 4 times, then a TransportError saying so")
    func lostAnswersCapped() async throws {
        let fake = try ScriptedAuth0(Array(repeating: LoopbackResponse.noAnswer, count: 4))
        let error = await #expect(throws: TransportError.self) {
            try await fake.transport().send(APIRequest(.get, "/api/v2/roles"))
        }
        #expect(error?.description == "GET /api/v2/roles: no response (bad server response; gave up after 4 attempts)")
        #expect(fake.clock.sleeps == [.milliseconds(750), .milliseconds(1500), .milliseconds(3000)])
        #expect(fake.server.requests.count == 5)
    }

    @Test("a POST without an answer is not sent again")
    func lostPostNotRetried() async throws {
        let fake = try ScriptedAuth0([.noAnswer])
        let error = await #expect(throws: TransportError.self) {
            try await fake.transport().send(APIRequest(.post, "/api/v2/organizations", body: ["name": "delta"]))
        }
        #expect(error?.description == "POST /api/v2/organizations: no response (bad server response; POST is not retried)")
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest, "POST /api/v2/organizations"])
    }

    @Test("nothing listening: the reason names the failure, after the retries")
    func nothingListening() async throws {
        let fake = try ScriptedAuth0()
        let base = fake.server.baseURL
        fake.server.stop()
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment(["AUTH0_DOMAIN": base, "AUTH0_API_TOKEN": "t"]),
            clock: fake.clock.clock)
        let error = await #expect(throws: TransportError.self) { try await transport.send(APIRequest(.get, "/api/v2/roles")) }
        #expect(error?.description == "GET /api/v2/roles: no response (could not connect to host; gave up after 4 attempts)")
    }

    @Test("backoff: equal jitter over a doubling base, capped")
    func backoffTable() {
        let options = Auth0TransportOptions()
        #expect((1...6).map { options.backoffMilliseconds(retry: $0, jitter: 0) } == [500, 1000, 2000, 4000, 4000, 4000])
        #expect((1...6).map { options.backoffMilliseconds(retry: $0, jitter: 1) } == [1000, 2000, 4000, 8000, 8000, 8000])
    }
}
