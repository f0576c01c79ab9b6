import Auth0HTTP
import Foundation
import Synchronization
import JSONValues
import ManagementAPI
import TestSupport
import Testing

@Suite("Requests and responses on the wire")
struct ResponseDecodingTests {
    @Test("query sorted and percent-encoded; path kept; bearer token and JSON body sent")
    func requestShape() async throws {
        let seen = SeenRequests()
        let server = try LoopbackServer { request in
            seen.add(request)
            return .json(200, ["ok": true])
        }
        defer { server.stop() }
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "static-token",
        ]))
        _ = try await transport.send(APIRequest(
            .patch, "/api/v2/organizations/org_1", query: ["z": "a b", "from": "cDo+/=", "a": "x&y"],
            body: ["display_name": "Acme & Co"]))
        let request = try #require(seen.all.first)
        #expect(request.method == "PATCH")
        #expect(request.path == "/api/v2/organizations/org_1")
        #expect(request.query == ["z": "a b", "from": "cDo+/=", "a": "x&y"])
        #expect(request.line == "PATCH /api/v2/organizations/org_1?a=x&y&from=cDo+/=&z=a b")
        #expect(request.bearerToken == "static-token")
        #expect(request.headers["content-type"] == "application/json")
        #expect(try JSONValue(data: request.body) == ["display_name": "Acme & Co"])
    }

    @Test(
        "bodies decoded tolerantly; header names lowercased",
        arguments: [
            (LoopbackResponse(status: 204), nil),
            (LoopbackResponse(status: 200, body: Data("  \n".utf8)), nil),
            (LoopbackResponse(status: 200, body: Data(#"{"a":[1,2]}"#.utf8)), JSONValue.object(["a": [1, 2]])),
            (LoopbackResponse(status: 502, body: Data("<html>oops</html>".utf8)), JSONValue.string("<html>oops</html>")),
            (LoopbackResponse(status: 200, body: Data([0xFF, 0xFE, 0x7B])), JSONValue.string("\u{FFFD}\u{FFFD}{")),
        ] as [(LoopbackResponse, JSONValue?)])
    func bodies(answer: LoopbackResponse, expected: JSONValue?) async throws {
        var withHeader = answer
        withHeader.headers["X-RateLimit-Limit"] = "50"
        let fixed = withHeader
        let server = try LoopbackServer { _ in fixed }
        defer { server.stop() }
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "t",
            ]), options: Auth0TransportOptions(maxRequestsPerSecond: 0, maxAttempts: 1))
        let response = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        #expect(response.status == answer.status)
        #expect(response.body == expected)
        #expect(response.headers["x-ratelimit-limit"] == "50")
    }

    @Test("remoteDomain and tenantDescription of a loopback transport")
    func loopbackNames() throws {
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "http://127.0.0.1:4000", "AUTH0_API_TOKEN": "t",
        ]))
        #expect(transport.remoteDomain == nil)
        #expect(transport.tenantDescription == "loopback Auth0 endpoint http://127.0.0.1:4000 (tenant.domain not checked)")
    }
}
