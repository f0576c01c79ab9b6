import Auth0HTTP
import Foundation
import JSONValues
import ManagementAPI
import TestSupport
import Testing

@Suite("Verbose log and secrets")
struct VerboseLogTests {
    @Test("one line per request: method, path and query, status, duration; never a header or a body")
    func lines() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport()
        _ = try await transport.send(APIRequest(.get, "/api/v2/organizations", query: ["take": "100"]))
        _ = try await transport.send(
            APIRequest(.post, "/api/v2/organizations", body: ["name": "delta", "metadata": ["note": "body-Marker"]]))
        _ = try await transport.send(APIRequest(.get, "/api/v2/organizations/name/missing"))
        #expect(fake.log.all == [
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/organizations?take=100 -> 200 (0 ms)",
            "POST /api/v2/organizations -> 201 (0 ms)",
            "GET /api/v2/organizations/name/missing -> 404 (0 ms)",
        ])
        let text = fake.log.all.joined(separator: "\n")
        for forbidden in ["body-Marker", "Bearer", "uthorization", "application/json", "client_secret"] {
            #expect(!text.contains(forbidden))
        }
    }

    @Test("the client secret and the tokens appear in no log line, error or description")
    func secretsNeverShown() async throws {
        let fake = try ScriptedAuth0([
            .apiError(401, "Unauthorized", "Invalid token"), .apiError(429, "Too Many Requests", "slow down"),
            ExampleData.unavailable, .noAnswer, .noAnswer, .noAnswer,
            .apiError(404, "Not Found", "The client does not exist", errorCode: "inexistent_client"),
        ])
        let transport = try fake.transport()
        let client = ManagementClient(transport: transport)
        var outputs: [String] = [transport.tenantDescription, "\(transport.configuration)"]
        var dumped = ""
        dump(transport.configuration, to: &dumped)
        outputs.append(dumped)
        do {
            _ = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        } catch {
            outputs.append("\(error)")
        }
        do {
            try await client.call(APIRequest(.get, "/api/v2/clients"))
        } catch {
            outputs.append("\(error)")
        }
        let bad = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": fake.server.baseURL, "AUTH0_CLIENT_ID": "nobody", "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
            ]), clock: fake.clock.clock, log: fake.log.sink)
        do { try await bad.checkScopes(for: .plan) } catch { outputs.append("\(error)") }
        #expect(fake.log.all == [
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/roles -> 401 (0 ms)",
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/roles -> 429 (0 ms)",
            "rate limited by Auth0 on GET /api/v2/roles: waiting 0.75 s (429 without Retry-After or x-ratelimit-reset)",
            "GET /api/v2/roles -> 503 (0 ms)",
            "retrying GET /api/v2/roles in 0.75 s (503, attempt 2 of 4)",
            "GET /api/v2/roles -> no response: bad server response (0 ms)",
            "retrying GET /api/v2/roles in 1.5 s (no response: bad server response, attempt 3 of 4)",
            "GET /api/v2/roles -> no response: bad server response (0 ms)",
            "retrying GET /api/v2/roles in 3 s (no response: bad server response, attempt 4 of 4)",
            "GET /api/v2/roles -> no response: bad server response (0 ms)",
            "GET /api/v2/clients -> 404 (0 ms)",
            "POST /oauth/token -> 401 (0 ms)",
        ])
        outputs += fake.log.all
        #expect(outputs.count == 20)
        #expect(outputs[3] == "GET /api/v2/roles: no response (bad server response; gave up after 6 attempts)")
        #expect(outputs[4] == "GET /api/v2/clients: 404 Not Found: The client does not exist (inexistent_client)")
        let secrets = [ScriptedAuth0.secret] + fake.auth0.issuedTokens
        #expect(fake.auth0.issuedTokens.count == 2)
        for output in outputs {
            for secret in secrets { #expect(!output.contains(secret), "\(output)") }
        }
    }
}
