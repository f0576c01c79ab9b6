import Auth0HTTP
import Foundation
import ManagementAPI
import TestSupport
import Testing

@Suite("Rate limits: 429, the bucket share, pacing, concurrency")
struct RateLimitTests {
    static let start = RecordingClock.start

    static func tooMany(_ headers: [String: String]) -> LoopbackResponse {
        .apiError(429, "Too Many Requests", "Global limit has been reached", headers: headers)
    }

    @Test("a 429 with x-ratelimit-reset waits until the reset, then succeeds")
    func waitsUntilReset() async throws {
        let fake = try ScriptedAuth0([
            Self.tooMany(["x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(Self.start + 5)"])
        ])
        let transport = try fake.transport()
        let response = try await transport.send(APIRequest(.get, "/api/v2/roles"))
        #expect(response.status == 200)
        #expect(fake.clock.sleeps == [.seconds(5)])
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest, "GET /api/v2/roles", "GET /api/v2/roles"])
        #expect(fake.log.all == [
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/roles -> 429 (0 ms)",
            "rate limited by Auth0 on GET /api/v2/roles: waiting 5 s (x-ratelimit-reset)",
            "GET /api/v2/roles -> 200 (0 ms)",
        ])
        #expect(fake.notices.all == ["rate limited by Auth0 on GET /api/v2/roles: waiting 5 s (x-ratelimit-reset)"])
        let stats = transport.statistics.snapshot
        #expect(stats.rateLimitWait == .seconds(5))
        #expect(stats.secondsWaitedOnRateLimits == 5)
        #expect(stats.rateLimitedResponses == 1)
        #expect(stats.requestsSent == 2)
    }

    @Test("Retry-After wins over x-ratelimit-reset")
    func retryAfterWins() async throws {
        let fake = try ScriptedAuth0([
            Self.tooMany(["Retry-After": "2", "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "\(Self.start + 30)"])
        ])
        let transport = try fake.transport()
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(2)])
        #expect(fake.notices.all == ["rate limited by Auth0 on GET /api/v2/roles: waiting 2 s (Retry-After)"])
    }

    @Test("a 429 without either header waits the jittered backoff")
    func noHeaders() async throws {
        let fake = try ScriptedAuth0([Self.tooMany([:]), Self.tooMany([:])])
        #expect(try await fake.transport().send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.milliseconds(750), .milliseconds(1500)])
    }

    /// An HTTP date (`Retry-After` form) `offset` seconds from the recording clock's start.
    static func httpDate(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(start + offset)))
    }

    @Test(
        "a Retry-After of zero, below zero or in the past waits the 1 s minimum, announced",
        arguments: ["-5", "0", "-0.5", "0.0", " -3600 ", httpDate(-10), httpDate(0)])
    func retryAfterNotInTheFuture(value: String) async throws {
        let fake = try ScriptedAuth0(Array(repeating: Self.tooMany(["Retry-After": value]), count: 3))
        let transport = try fake.transport()
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(1), .seconds(1), .seconds(1)])
        #expect(fake.notices.all == Array(repeating:
            "rate limited by Auth0 on GET /api/v2/roles: waiting 1 s (Retry-After not in the future, the 1 s minimum)",
            count: 3))
        #expect(transport.statistics.snapshot.rateLimitWait == .seconds(3))
    }

    @Test("a Retry-After in the future is waited as given: a date 7 s ahead, 0.25 s, 1 s")
    func retryAfterPositive() async throws {
        let fake = try ScriptedAuth0([
            Self.tooMany(["Retry-After": Self.httpDate(7)]), Self.tooMany(["Retry-After": "0.25"]),
            Self.tooMany(["Retry-After": "1"]),
        ])
        #expect(try await fake.transport().send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(7), .milliseconds(250), .seconds(1)])
    }

    @Test("an unreadable Retry-After is named as such; x-ratelimit-reset or the backoff decides the wait")
    func retryAfterUnreadable() async throws {
        let fake = try ScriptedAuth0([
            Self.tooMany(["Retry-After": "Tomorrow", "x-ratelimit-reset": "\(Self.start + 4)"]),
            Self.tooMany(["Retry-After": "soon"]),
            Self.tooMany(["Retry-After": "inf", "x-ratelimit-reset": "\(Self.start - 4)"]),
        ])
        #expect(try await fake.transport().send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(4), .milliseconds(1500), .seconds(1)])
        #expect(fake.notices.all == [
            "rate limited by Auth0 on GET /api/v2/roles: waiting 4 s (unreadable Retry-After, x-ratelimit-reset)",
            "rate limited by Auth0 on GET /api/v2/roles: waiting 1.5 s (429 with an unreadable Retry-After and no x-ratelimit-reset)",
            "rate limited by Auth0 on GET /api/v2/roles: waiting 1 s (unreadable Retry-After, x-ratelimit-reset already past, the 1 s minimum)",
        ])
    }

    @Test("an x-ratelimit-reset already past (or now) waits the 1 s minimum, announced", arguments: [-30, 0])
    func resetPast(offset: Int) async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["x-ratelimit-reset": "\(Self.start + offset)"])])
        #expect(try await fake.transport().send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(1)])
        #expect(fake.notices.all == [
            "rate limited by Auth0 on GET /api/v2/roles: waiting 1 s (x-ratelimit-reset already past, the 1 s minimum)"
        ])
    }

    @Test("a POST answered 429 is sent again: Auth0 did not process it")
    func postRetriedOn429() async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "1"])])
        let response = try await fake.transport().send(APIRequest(.post, "/api/v2/organizations", body: ["name": "delta"]))
        #expect(response.status == 201)
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest, "POST /api/v2/organizations", "POST /api/v2/organizations"])
        #expect(fake.clock.sleeps == [.seconds(1)])
    }

    @Test("after the cap of 429 retries the 429 is returned, saying how many attempts were made")
    func capped() async throws {
        let fake = try ScriptedAuth0(Array(repeating: Self.tooMany(["Retry-After": "1"]), count: 5))
        let client = ManagementClient(
            transport: try fake.transport(Auth0TransportOptions(maxRequestsPerSecond: 0, maxRateLimitRetries: 2)))
        let error = await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.get, "/api/v2/roles")) }
        #expect(
            error?.description
                == "GET /api/v2/roles: 429 Too Many Requests: Global limit has been reached (gave up after 3 attempts, rate limited)")
        #expect(fake.clock.sleeps == [.seconds(1), .seconds(1)])
        #expect(fake.server.requests.count == 4)
    }

    @Test("a 429 asking for a longer wait than maxRateLimitWait is returned at once")
    func tooLong() async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "3600"])])
        let client = ManagementClient(transport: try fake.transport())
        let error = await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.get, "/api/v2/roles")) }
        #expect(
            error?.description
                == "GET /api/v2/roles: 429 Too Many Requests: Global limit has been reached (rate limited: asked to wait "
                + "3600 s (Retry-After), more than the 120 s tenantplan waits)")
        #expect(fake.clock.sleeps == [])
    }

    @Test("x-ratelimit-remaining below half of x-ratelimit-limit: the next request waits until the reset")
    func bucketShare() async throws {
        func ok(remaining: Int) -> LoopbackResponse {
            .json(200, [], headers: [
                "x-ratelimit-limit": "10", "x-ratelimit-remaining": "\(remaining)",
                "x-ratelimit-reset": "\(Self.start + 7)",
            ])
        }
        let fake = try ScriptedAuth0([ok(remaining: 5), ok(remaining: 4)])
        let transport = try fake.transport()
        for _ in 0..<3 { #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200) }
        #expect(fake.clock.sleeps == [.seconds(7)])
        #expect(fake.log.all == [
            "POST /oauth/token -> 200 (0 ms)",
            "GET /api/v2/roles -> 200 (0 ms)",
            "GET /api/v2/roles -> 200 (0 ms)",
            "holding back for Auth0's rate limit after GET /api/v2/roles: waiting 7 s (x-ratelimit-remaining 4 of 10)",
            "GET /api/v2/roles -> 200 (0 ms)",
        ])
        #expect(transport.statistics.snapshot.rateLimitWait == .seconds(7))
    }

    @Test("maxRequestsPerSecond = 2: five requests start 500 ms apart")
    func pacing() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport(Auth0TransportOptions(maxRequestsPerSecond: 2))
        for _ in 0..<5 { _ = try await transport.send(APIRequest(.get, "/api/v2/roles")) }
        #expect(fake.clock.sleeps == Array(repeating: .milliseconds(500), count: 4))
        #expect(transport.statistics.snapshot.pacingWait == .seconds(2))
        #expect(transport.statistics.snapshot.rateLimitWait == .zero)
        #expect(fake.log.all.allSatisfy { !$0.contains("waiting") })
        #expect(fake.notices.all == [])
    }

    @Test("maxRequestsPerSecond = 3: starts are ceil(1000 / 3) = 334 ms apart")
    func pacingRoundsUp() async throws {
        #expect(Auth0TransportOptions(maxRequestsPerSecond: 3).pacingIntervalMilliseconds == 334)
        #expect(Auth0TransportOptions(maxRequestsPerSecond: 0).pacingIntervalMilliseconds == 0)
        #expect(Auth0TransportOptions().pacingIntervalMilliseconds == 200)
    }

    @Test("parallelism = 2: never more than two requests in flight")
    func boundedConcurrency() async throws {
        let gate = InFlightGate(target: 2, total: 6)
        let server = try LoopbackServer { _ in await gate.pass() }
        defer { server.stop() }
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "static-token",
            ]), options: Auth0TransportOptions(maxRequestsPerSecond: 0, parallelism: 2))
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await transport.send(APIRequest(.get, "/api/v2/roles")).status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(await gate.highest == 2)
        #expect(server.requests.count == 6)
    }

    @Test(
        "parallelism above URLSession's 6 connections per host: exactly that many requests in flight", .serialized,
        arguments: [7, 8])
    func parallelismAboveSix(parallelism: Int) async throws {
        let gate = InFlightGate(target: parallelism, total: parallelism + 2)
        let server = try LoopbackServer { _ in await gate.pass() }
        defer { server.stop() }
        // Before: at most 6 connections; the gate gave up waiting for more after 3 s and the highest count was 6.
        let transport = Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_API_TOKEN": "static-token",
            ]),
            options: Auth0TransportOptions(
                maxRequestsPerSecond: 0, parallelism: parallelism, maxAttempts: 1))
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<(parallelism + 2) {
                group.addTask { try await transport.send(APIRequest(.get, "/api/v2/roles")).status }
            }
            for try await status in group { #expect(status == 200) }
        }
        #expect(await gate.highest == parallelism)
        #expect(server.requests.count == parallelism + 2)
    }

    @Test("a rate-limit wait is announced without a verbose log, once per wait, never with a secret")
    func announcedWithoutVerbose() async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "3"]), Self.tooMany([:])])
        let notices = LogLines()
        let transport = Auth0Transport(
            configuration: try fake.configuration, options: Auth0TransportOptions(maxRequestsPerSecond: 0),
            clock: fake.clock.clock, notices: notices.sink)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles", query: ["page": "0"])).status == 200)
        #expect(notices.all == [
            "rate limited by Auth0 on GET /api/v2/roles?page=0: waiting 3 s (Retry-After)",
            "rate limited by Auth0 on GET /api/v2/roles?page=0: waiting 1.5 s (429 without Retry-After or x-ratelimit-reset)",
        ])
        #expect(fake.clock.sleeps == [.seconds(3), .milliseconds(1500)])
        for line in notices.all {
            for secret in [ScriptedAuth0.secret] + fake.auth0.issuedTokens { #expect(!line.contains(secret)) }
        }
    }

    @Test("a 429 on the token request is announced too")
    func tokenRequestAnnounced() async throws {
        let fake = try ScriptedAuth0(tokenResponses: [Self.tooMany(["Retry-After": "4"])])
        #expect(try await fake.transport().send(APIRequest(.get, "/api/v2/roles")).status == 200)
        #expect(fake.notices.all == ["rate limited by Auth0 on POST /oauth/token: waiting 4 s (Retry-After)"])
        #expect(fake.clock.sleeps == [.seconds(4)])
    }

    @Test(
        "the bucket share: a wait over 1 s is announced, one of 1 s or less is not",
        arguments: [(7, ["holding back for Auth0's rate limit after GET /api/v2/roles: waiting 7 s (x-ratelimit-remaining 4 of 10)"]),
            (2, ["holding back for Auth0's rate limit after GET /api/v2/roles: waiting 2 s (x-ratelimit-remaining 4 of 10)"]),
            (1, [])])
    func bucketShareAnnounced(seconds: Int, expected: [String]) async throws {
        let fake = try ScriptedAuth0([
            .json(200, [], headers: [
                "x-ratelimit-limit": "10", "x-ratelimit-remaining": "4", "x-ratelimit-reset": "\(Self.start + seconds)",
            ])
        ])
        let transport = try fake.transport()
        for _ in 0..<2 { #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200) }
        #expect(fake.clock.sleeps == [.seconds(seconds)])
        #expect(fake.notices.all == expected)
    }

    @Test("requests waiting on the same pause announce it once")
    func oneNoticePerPause() async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "5"])])
        let transport = try fake.transport()
        #expect(try await transport.send(APIRequest(.get, "/api/v2/roles")).status == 200)
        fake.clock.rewind(seconds: 5)
        #expect(try await transport.send(APIRequest(.get, "/api/v2/clients")).status == 200)
        #expect(fake.clock.sleeps == [.seconds(5), .seconds(5)])
        #expect(fake.notices.all == ["rate limited by Auth0 on GET /api/v2/roles: waiting 5 s (Retry-After)"])
    }

    @Test("after a request gives up on 429, its reset still holds: the next request waits until then")
    func giveUpKeepsReset() async throws {
        let reset = ["x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(Self.start + 6)"]
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "2"]), Self.tooMany(reset)])
        let client = ManagementClient(
            transport: try fake.transport(Auth0TransportOptions(maxRequestsPerSecond: 0, maxRateLimitRetries: 1)))
        let error = await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.get, "/api/v2/roles")) }
        #expect(
            error?.description
                == "GET /api/v2/roles: 429 Too Many Requests: Global limit has been reached (gave up after 2 attempts, rate limited)")
        // Before: the next request went out at once, into the same exhausted bucket.
        try await client.call(APIRequest(.get, "/api/v2/clients"))
        #expect(fake.clock.sleeps == [.seconds(2), .seconds(4)])
        #expect(fake.server.requests == [
            ScriptedAuth0.tokenRequest, "GET /api/v2/roles", "GET /api/v2/roles", "GET /api/v2/clients",
        ])
        #expect(fake.notices.all == [
            "rate limited by Auth0 on GET /api/v2/roles: waiting 2 s (Retry-After)",
            "rate limited by Auth0 on GET /api/v2/roles: waiting 4 s (x-ratelimit-reset)",
        ])
    }

    @Test("a 429 asking for longer than maxRateLimitWait is not held: the next request is sent and told the same")
    func tooLongNotHeld() async throws {
        let fake = try ScriptedAuth0([Self.tooMany(["Retry-After": "3600"])])
        let client = ManagementClient(transport: try fake.transport())
        await #expect(throws: ManagementAPIError.self) { try await client.call(APIRequest(.get, "/api/v2/roles")) }
        try await client.call(APIRequest(.get, "/api/v2/clients"))
        #expect(fake.clock.sleeps == [])
        #expect(fake.notices.all == [])
    }
}
