import Auth0HTTP
import Foundation
import JSONValues
import ManagementAPI
import TestSupport
import Testing

/// A connection the server closes or resets without answering is noticed at once and takes the lost-answer path:
/// GET, PATCH and DELETE are sent again after the backoff, a POST is not (the engine looks the object up instead).
/// Writes go on a connection of their own, so libcurl never resends one by itself on a fresh connection.
@Suite("Lost connections: closed or reset by the server, noticed at once", .serialized)
struct ConnectionLossTests {
    /// A body over 1,024 bytes: libcurl sends it after `Expect: 100-continue` and cannot rewind it.
    static let largeBody: JSONValue = ["name": "delta", "description": .string(String(repeating: "x", count: 5000))]

    /// An answer on a connection the server keeps open for the next request, as Auth0's servers do.
    static let keptAlive = LoopbackResponse.json(200, ["id": "org_1"]).keepingConnectionOpen

    /// A transport with a static token (no token request) over a server answering `script` in order.
    ///
    /// The server waits 60 s for a request body, longer than the client's 30 s timeout: a client stalled on a
    /// body it cannot resend ends in `timed out`, not in the server's close, so the error names the path taken
    /// (the tests assert paths, not durations: the machine may be busy).
    static func transport(_ script: [LoopbackResponse], clock: RecordingClock, log: LogLines = LogLines()) throws
        -> (Auth0Transport, LoopbackServer)
    {
        let queue = ResponseQueue(script)
        let server = try LoopbackServer(readTimeoutSeconds: 60) { _ in queue.next() ?? .json(200, ["id": "org_1"]) }
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "static-token-for-tests",
            ]),
            options: Auth0TransportOptions(maxRequestsPerSecond: 0), clock: clock.clock,
            log: log.sink)
        return (transport, server)
    }

    @Test(
        "a connection reset or closed after the request was read: a GET is sent again after the backoff",
        arguments: [(LoopbackResponse.reset, "connection lost"), (LoopbackResponse.noAnswer, "bad server response")])
    func getRetried(drop: LoopbackResponse, reason: String) async throws {
        let clock = RecordingClock()
        let log = LogLines()
        let queue = ResponseQueue([drop])
        let server = try LoopbackServer(readTimeoutSeconds: 60) { _ in queue.next() ?? .json(200, []) }
        defer { server.stop() }
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "static-token-for-tests",
            ]),
            options: Auth0TransportOptions(maxRequestsPerSecond: 0), clock: clock.clock, log: log.sink)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(server.requests == ["GET /api/v2/roles", "GET /api/v2/roles"])
        #expect(clock.sleeps == [.milliseconds(750)])
        #expect(log.all == [
            "GET /api/v2/roles -> no response: \(reason) (0 ms)",
            "retrying GET /api/v2/roles in 0.75 s (no response: \(reason), attempt 2 of 4)",
            "GET /api/v2/roles -> 200 (0 ms)",
        ])
    }

    @Test(
        "a POST on a connection the server then closes or resets fails at once and is sent once, small body or large",
        arguments: [
            (LoopbackResponse.noAnswer, false, "bad server response"), (LoopbackResponse.noAnswer, true, "bad server response"),
            (LoopbackResponse.reset, false, "connection lost"), (LoopbackResponse.reset, true, "connection lost"),
        ])
    func postAfterKeptAliveConnection(drop: LoopbackResponse, large: Bool, reason: String) async throws {
        let clock = RecordingClock()
        let (transport, server) = try Self.transport([Self.keptAlive, drop], clock: clock)
        defer { server.stop() }
        let body: JSONValue = large ? Self.largeBody : ["name": "delta"]
        #expect(try await transport.send(APIRequest(.post, "/api/v2/organizations", body: body)).status == 200)
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(APIRequest(.post, "/api/v2/organizations", body: body))
        }
        // Before: libcurl resent the POST on a fresh connection by itself (three POSTs on the server), and with a
        // large body it stalled until the timeout (`timed out`; the 30 s timeout against Auth0).
        #expect(error?.description == "POST /api/v2/organizations: no response (\(reason); POST is not retried)")
        #expect(server.requests == ["POST /api/v2/organizations", "POST /api/v2/organizations"])
        #expect(clock.sleeps == [])
    }

    @Test("a PATCH with a large body on a connection the server then resets is noticed at once and sent again")
    func patchAfterKeptAliveConnection() async throws {
        let clock = RecordingClock()
        let log = LogLines()
        let (transport, server) = try Self.transport([Self.keptAlive, .reset], clock: clock, log: log)
        defer { server.stop() }
        let request = APIRequest(.patch, "/api/v2/organizations/org_1", body: Self.largeBody)
        #expect(try await transport.send(request).status == 200)
        // Before: the PATCH stalled until the timeout and was then retried (`no response: timed out`).
        #expect(try await transport.send(request).status == 200)
        #expect(server.requests == Array(repeating: "PATCH /api/v2/organizations/org_1", count: 3))
        #expect(clock.sleeps == [.milliseconds(750)])
        #expect(log.all == [
            "PATCH /api/v2/organizations/org_1 -> 200 (0 ms)",
            "PATCH /api/v2/organizations/org_1 -> no response: connection lost (0 ms)",
            "retrying PATCH /api/v2/organizations/org_1 in 0.75 s (no response: connection lost, attempt 2 of 4)",
            "PATCH /api/v2/organizations/org_1 -> 200 (0 ms)",
        ])
    }

    @Test("a GET after a kept-alive connection the server closed is answered (libcurl reconnects for a GET)")
    func getAfterKeptAliveConnection() async throws {
        let clock = RecordingClock()
        let (transport, server) = try Self.transport([Self.keptAlive, .noAnswer], clock: clock)
        defer { server.stop() }
        #expect(try await transport.send(APIRequest(.get, "/api/v2/organizations/org_1")).status == 200)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/organizations/org_1")).status == 200)
        #expect(server.requests == Array(repeating: "GET /api/v2/organizations/org_1", count: 3))
    }
}
