import Auth0HTTP
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import TestSupport
import Testing

/// Found by the second new-user pass: answers a proxy or a broken endpoint may give. None may leak the token, and
/// none may be read as an empty tenant (which would plan every resource as new, or export an empty tenant).
@Suite("Hostile answers: echoed tokens, unreadable 200s, looping cursors")
struct HostileAnswerTests {
    /// A server whose token endpoint is the loopback Auth0 and whose every other answer is `answer(request)`.
    func server(_ answer: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws
        -> (LoopbackServer, LoopbackAuth0)
    {
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(json: [:]), clientSecret: ScriptedAuth0.secret)
        let server = try LoopbackServer { request in
            request.path == "/oauth/token" ? await auth0.handle(request) : answer(request)
        }
        return (server, auth0)
    }

    func client(_ server: LoopbackServer, _ auth0: LoopbackAuth0) throws -> ManagementClient {
        ManagementClient(transport: Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID,
                "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
            ]),
            options: Auth0TransportOptions(maxRequestsPerSecond: 0, maxAttempts: 1)))
    }

    @Test("an error body that echoes the Authorization header never carries the token out")
    func echoedTokenRedacted() async throws {
        let (server, auth0) = try server { request in
            .json(400, ["statusCode": 400, "error": "Bad Request",
                        "message": .string("bad auth header: Bearer \(request.bearerToken ?? "")")])
        }
        defer { server.stop() }
        let error = await #expect(throws: ManagementAPIError.self) { try await client(server, auth0).listRoles() }
        let token = try #require(auth0.issuedTokens.first)
        #expect(!(error?.description.contains(token) ?? true))
        #expect(error?.description == "GET /api/v2/roles?include_totals=true&page=0&per_page=100: 400 Bad Request: "
            + "bad auth header: Bearer [redacted]")
    }

    @Test("a 200 that is not the list is an error naming the request, never an empty list", arguments: [
        (LoopbackResponse(status: 200, headers: ["content-type": "text/html"], body: Data("<!DOCTYPE html><p>Sign in</p>".utf8)),
         "an HTML page"),
        (LoopbackResponse(status: 200, body: Data("{\"organizations\": [".utf8)), "a body that is not JSON"),
        (LoopbackResponse(status: 200, body: Data()), "an empty body"),
        (LoopbackResponse.json(200, ["organizations": "nope"]), "a JSON object with organizations"),
    ])
    func unreadableListIsAnError(answer: LoopbackResponse, kind: String) async throws {
        let (server, auth0) = try server { _ in answer }
        defer { server.stop() }
        let error = await #expect(throws: UnexpectedResponse.self) { try await client(server, auth0).listOrganizations() }
        #expect(error?.description == "GET /api/v2/organizations?take=100: unexpected answer: expected "
            + "{\"organizations\": [...]}, got \(kind)")
    }

    @Test("an item without an id is an error, not an organization left out")
    func unreadableItemIsAnError() async throws {
        let (server, auth0) = try server { _ in .json(200, ["organizations": [["name": "acme"]]]) }
        defer { server.stop() }
        let error = await #expect(throws: UnexpectedResponse.self) { try await client(server, auth0).listOrganizations() }
        #expect(error?.description == "GET /api/v2/organizations: unexpected answer: an item is not a readable "
            + "organization: a JSON object with name")
    }

    @Test("a page cursor that repeats stops the read instead of looping forever")
    func loopingCursor() async throws {
        let (server, auth0) = try server { _ in
            .json(200, ["organizations": [["id": "org_1", "name": "acme"]], "next": "samecursor"])
        }
        defer { server.stop() }
        let error = await #expect(throws: UnexpectedResponse.self) { try await client(server, auth0).listOrganizations() }
        #expect(error?.description == "GET /api/v2/organizations?from=samecursor&take=100: unexpected answer: "
            + "the page cursor `next` repeats an earlier one")
        #expect(server.requests.filter { $0.hasPrefix("GET ") }.count == 2)
    }

    @Test("a redirect is not followed and says so")
    func redirect() async throws {
        let (server, auth0) = try server { _ in
            LoopbackResponse(status: 302, headers: ["location": "https://evil.example/steal"], body: Data())
        }
        defer { server.stop() }
        let error = await #expect(throws: ManagementAPIError.self) { try await client(server, auth0).listRoles() }
        #expect(error?.description == "GET /api/v2/roles?include_totals=true&page=0&per_page=100: 302: "
            + "a redirect, not followed: the token is only sent to AUTH0_DOMAIN")
    }
}
