@testable import Auth0HTTP
import ManagementAPI
import Testing

/// The Auth0 transport's retry decision (``RetryPolicy``) as a table, with the default options (4 attempts, 10
/// rate-limit retries, at most 120 s of waiting, backoff 1 s doubling up to 8 s) and a jitter of 0 (half the
/// backoff). Whole sends with retries are in ``RetryTests`` and ``RateLimitTests``.
@Suite struct RetryPolicyTests {
    static let now = 1_700_000_000_000

    struct Row: Sendable, CustomTestStringConvertible {
        let outcome: RetryPolicy.Outcome
        let method: HTTPMethod
        let attempts: RetryPolicy.Attempts
        let decision: RetryPolicy.Decision
        var testDescription: String { "\(method.rawValue) \(outcome) after \(attempts.sent)" }

        init(
            _ method: HTTPMethod, _ outcome: RetryPolicy.Outcome, sent: Int = 1, failures: Int = 0, rateLimited: Int = 0,
            replacedToken: Bool = false, _ decision: RetryPolicy.Decision
        ) {
            self.method = method
            self.outcome = outcome
            attempts = RetryPolicy.Attempts(
                sent: sent, failures: failures, rateLimited: rateLimited, replacedToken: replacedToken)
            self.decision = decision
        }
    }

    static func status(_ code: Int, _ headers: [String: String] = [:]) -> RetryPolicy.Outcome {
        .status(code, headers: headers)
    }

    static let rows: [Row] = [
        Row(.get, status(200), .answer),
        Row(.post, status(201), .answer),
        Row(.get, status(404), .answer),
        // No answer: POST is never sent twice; the others back off, up to 4 attempts in all.
        Row(.post, .noResponse(reason: "reset"), .fail("reset; POST is not retried")),
        Row(.get, .noResponse(reason: "reset"), .backOff(milliseconds: 500, what: "no response: reset")),
        Row(.delete, .noResponse(reason: "reset"), sent: 3, failures: 2,
            .backOff(milliseconds: 2000, what: "no response: reset")),
        Row(.get, .noResponse(reason: "reset"), sent: 4, failures: 3, .fail("reset; gave up after 4 attempts")),
        // 5xx: the same, returning the last answer noted; POST gets its answer.
        Row(.patch, status(503), .backOff(milliseconds: 500, what: "503")),
        Row(.get, status(500), sent: 2, failures: 1, .backOff(milliseconds: 1000, what: "500")),
        Row(.delete, status(502), sent: 4, failures: 3, .answerNoted("gave up after 4 attempts")),
        Row(.post, status(503), .answer),
        // A redirect is never followed.
        Row(.get, status(302, ["location": "https://elsewhere.example/"]),
            .answerNoted("a redirect, not followed: the token is only sent to AUTH0_DOMAIN")),
        // 401: one new token.
        Row(.get, status(401), .replaceToken),
        Row(.get, status(401), sent: 2, replacedToken: true, .answer),
        // 429, every method: wait as told, up to 10 retries and 120 s.
        Row(.post, status(429, ["retry-after": "5"]),
            .rateLimited(until: now + 5000, reason: "Retry-After", retry: true)),
        Row(.get, status(429, ["x-ratelimit-reset": "1700000003"]),
            .rateLimited(until: now + 3000, reason: "x-ratelimit-reset", retry: true)),
        Row(.get, status(429), .rateLimited(
            until: now + 500, reason: "429 without Retry-After or x-ratelimit-reset", retry: true)),
        Row(.get, status(429, ["retry-after": "1"]), sent: 11, rateLimited: 10,
            .rateLimited(until: now + 1000, reason: "Retry-After", retry: false)),
        Row(.get, status(429, ["retry-after": "600"]),
            .answerNoted("rate limited: asked to wait 600 s (Retry-After), more than the 120 s tenantplan waits")),
    ]

    @Test(arguments: RetryPolicyTests.rows)
    func decision(row: Row) {
        let policy = RetryPolicy(options: Auth0TransportOptions())
        #expect(
            policy.decide(row.outcome, method: row.method, attempts: row.attempts, now: { Self.now }, jitter: { 0 })
                == row.decision)
    }

    /// The clock is asked for jitter only when a wait is computed, so a recorded jitter sequence stays in step.
    @Test(arguments: [
        (RetryPolicyTests.status(200), 0), (RetryPolicyTests.status(503), 1),
        (RetryPolicyTests.status(429, ["retry-after": "5"]), 1), (RetryPolicyTests.status(302), 0),
    ])
    func jitterIsAskedForOnlyWhenAWaitIsComputed(outcome: RetryPolicy.Outcome, asked: Int) {
        var count = 0
        _ = RetryPolicy(options: Auth0TransportOptions()).decide(
            outcome, method: .get, attempts: RetryPolicy.Attempts(sent: 1), now: { Self.now },
            jitter: {
                count += 1
                return 0
            })
        #expect(count == asked)
    }
}
