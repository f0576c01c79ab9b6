import Auth0HTTP
import Foundation
import ManagementAPI
import TestSupport
import Testing

@Suite("Token: client credentials, cache, refresh, errors")
struct TokenTests {
    @Test("the token is requested once, with the loopback audience, and cached across requests")
    func cached() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport()
        for _ in 0..<3 {
            #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        }
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest] + Array(repeating: "GET /api/v2/roles", count: 3))
        #expect(fake.auth0.audiences == ["\(fake.server.baseURL)/api/v2/"])
        #expect(fake.auth0.issuedTokens.count == 1)
        #expect(transport.statistics.snapshot.tokenRequests == 1)
        #expect(transport.statistics.snapshot.requestsSent == 3)
    }

    @Test("a cached token is replaced a tenth of its lifetime (at most 60 s) before expires_in")
    func refreshedBeforeExpiry() async throws {
        let fake = try ScriptedAuth0(expiresIn: 120)
        let transport = try fake.transport()
        _ = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        fake.clock.advance(seconds: 107)
        _ = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        fake.clock.advance(seconds: 1)
        _ = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        #expect(fake.server.requests == [
            ScriptedAuth0.tokenRequest, "GET /api/v2/roles", "GET /api/v2/roles",
            ScriptedAuth0.tokenRequest, "GET /api/v2/roles",
        ])
    }

    @Test("a 401 gets exactly one new token and the request is sent once more")
    func refreshOn401() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport()
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        fake.auth0.revokeIssuedTokens()
        #expect(try await transport.send(APIRequest(.get, "/api/v2/clients")).status == 200)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.server.requests == [
            ScriptedAuth0.tokenRequest, "GET /api/v2/roles",
            "GET /api/v2/clients", ScriptedAuth0.tokenRequest, "GET /api/v2/clients",
            "GET /api/v2/roles",
        ])
        #expect(fake.auth0.issuedTokens.count == 2)
    }

    @Test("a 401 that persists after the new token is returned, with one token request only")
    func persistent401() async throws {
        let denied = LoopbackResponse.apiError(401, "Unauthorized", "Invalid token")
        let fake = try ScriptedAuth0([denied, denied, denied])
        let client = ManagementClient(transport: try fake.transport())
        let error = await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.get, "/api/v2/roles")) }
        #expect(error?.description == "GET /api/v2/roles: 401 Unauthorized: Invalid token")
        #expect(fake.server.requests == [
            ScriptedAuth0.tokenRequest, "GET /api/v2/roles", ScriptedAuth0.tokenRequest, "GET /api/v2/roles",
        ])
    }

    @Test("AUTH0_API_TOKEN is sent as is and a 401 is returned without a token request")
    func apiTokenNotRefreshed() async throws {
        let fake = try ScriptedAuth0([.apiError(401, "Unauthorized", "Expired token")])
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": fake.server.baseURL, "AUTH0_API_TOKEN": "ready-Token-Value",
            ]), clock: fake.clock.clock)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 401)
        #expect(fake.server.requests == ["GET /api/v2/roles"])
    }

    @Test("a token endpoint error is reported with its error_description, never with the secret")
    func tokenEndpointError() async throws {
        let fake = try ScriptedAuth0()
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": fake.server.baseURL, "AUTH0_CLIENT_ID": fake.auth0.clientID,
                "AUTH0_CLIENT_SECRET": "wrong-\(ScriptedAuth0.secret)",
            ]), clock: fake.clock.clock, log: fake.log.sink)
        let error = await #expect(throws: Auth0TokenError.self) { try await transport.send(APIRequest(.get, "/api/v2/roles")) }
        #expect(
            error?.description
                == "cannot get a Management API token: POST \(fake.server.baseURL)/oauth/token: 401 access_denied: Unauthorized")
        #expect(fake.log.all == ["POST /oauth/token -> 401 (0 ms)"])
        for text in [error?.description ?? ""] + fake.log.all { #expect(!text.contains(ScriptedAuth0.secret)) }
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest])
    }

    @Test(
        "every field of a token error body is optional",
        arguments: [
            (LoopbackResponse.json(403, [:]), "403 (no error description)"),
            (LoopbackResponse.json(403, ["error": "unauthorized_client"]), "403 unauthorized_client"),
            (
                LoopbackResponse.json(400, ["error_description": "Service not enabled within domain"]),
                "400: Service not enabled within domain"
            ),
            (LoopbackResponse(status: 400, body: Data("<html>bad</html>".utf8)), "400 (no error description)"),
        ])
    func tokenErrorFieldsOptional(response: LoopbackResponse, tail: String) async throws {
        let fake = try ScriptedAuth0(tokenResponses: [response])
        let transport = try fake.transport()
        let error = await #expect(throws: Auth0TokenError.self) { try await transport.checkScopes(for: .plan) }
        #expect(error?.description == "cannot get a Management API token: POST \(fake.server.baseURL)/oauth/token: \(tail)")
    }

    @Test("a 2xx token answer without access_token is an error")
    func tokenWithoutAccessToken() async throws {
        let fake = try ScriptedAuth0(tokenResponses: [.json(200, ["token_type": "Bearer"])])
        let error = await #expect(throws: Auth0TokenError.self) { try await fake.transport().checkScopes(for: .plan) }
        #expect(
            error?.description
                == "cannot get a Management API token: POST \(fake.server.baseURL)/oauth/token: 200 without an access_token")
    }

    @Test("a token request answering 503 is retried with backoff")
    func tokenRetriedOn5xx() async throws {
        let fake = try ScriptedAuth0(tokenResponses: [.json(503, ["error": "temporarily_unavailable"])])
        try await fake.transport().checkScopes(for: .apply)
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest, ScriptedAuth0.tokenRequest])
        #expect(fake.clock.sleeps == [.milliseconds(750)])
        #expect(fake.log.all == [
            "POST /oauth/token -> 503 (0 ms)",
            "retrying POST /oauth/token in 0.75 s (503, attempt 2 of 4)",
            "POST /oauth/token -> 200 (0 ms)",
        ])
    }

    @Test("concurrent first requests share one token request")
    func concurrentShareToken() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await transport.send(APIRequest(.get, "/api/v2/roles")).status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(fake.server.requests.filter { $0 == ScriptedAuth0.tokenRequest }.count == 1)
        #expect(fake.server.requests.count == 7)
    }
}
