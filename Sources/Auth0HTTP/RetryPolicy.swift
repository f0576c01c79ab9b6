import ManagementAPI

/// The retry decision of ``Auth0Transport``, apart from its I/O: given what one attempt of a request got and the
/// attempts so far, what the transport does next. The rules are the ones documented on ``Auth0Transport`` (after
/// Auth0's "Rate Limit Policy" and "Management API Endpoint Rate Limits" pages): a 429 is waited out and sent
/// again for every method, a 5xx or a lost answer only for GET, PATCH and DELETE, a 401 once with a new token, a
/// redirect never followed.
struct RetryPolicy: Sendable {
    /// What one attempt got.
    enum Outcome: Sendable, Equatable {
        /// No answer (connection reset, timeout): why.
        case noResponse(reason: String)
        /// An answer: its status and headers (lowercased names).
        case status(Int, headers: [String: String])
    }

    /// The attempts made so far for one request.
    struct Attempts: Sendable, Equatable {
        /// Attempts sent, this one included.
        var sent = 0
        /// Retries after a 5xx or no answer.
        var failures = 0
        /// Retries after a 429.
        var rateLimited = 0
        /// True once the token was replaced after a 401.
        var replacedToken = false
    }

    /// What the transport does next.
    enum Decision: Sendable, Equatable {
        /// Return the answer as it is.
        case answer
        /// Return the answer with `(note)` added to its error message (``Auth0Transport/annotated(_:_:)``).
        case answerNoted(String)
        /// Throw a ``TransportError`` with this reason.
        case fail(String)
        /// Send again after a backoff of `milliseconds`; `what` names the cause in the log line (`503`,
        /// `no response: timed out`). Counts a failure.
        case backOff(milliseconds: Int, what: String)
        /// Get a new token (client credentials only) and send again at once; without one, return the answer.
        case replaceToken
        /// A 429 to wait out: hold every later request of the tenant until `until` (epoch milliseconds; `reason`
        /// ends the notice), then send again (`retry`, counting a rate-limited retry) or return the answer noted
        /// `gave up after N attempts, rate limited`.
        case rateLimited(until: Int, reason: String, retry: Bool)
    }

    /// The limits: ``Auth0TransportOptions/maxAttempts``, ``Auth0TransportOptions/maxRateLimitRetries``,
    /// ``Auth0TransportOptions/maxRateLimitWait`` and the backoff.
    let options: Auth0TransportOptions

    /// Decides what follows `outcome`.
    /// - Parameters:
    ///   - method: The request's method: POST is never sent again after a 5xx or a lost answer.
    ///   - attempts: The attempts so far, the one that got `outcome` included in ``Attempts/sent``.
    ///   - now: Epoch milliseconds, asked for only after a 429 (`Retry-After` dates, `x-ratelimit-reset`).
    ///   - jitter: A number in `0...1`, asked for only when a backoff is computed and for every 429.
    func decide(
        _ outcome: Outcome, method: HTTPMethod, attempts: Attempts, now: () -> Int, jitter: () -> Double
    ) -> Decision {
        switch outcome {
        case .noResponse(let reason):
            guard method.isIdempotent else { return .fail("\(reason); POST is not retried") }
            guard attempts.failures + 1 < options.maxAttempts else {
                return .fail("\(reason); gave up after \(Auth0Transport.attempts(attempts.sent))")
            }
            return backOff(attempts, what: "no response: \(reason)", jitter: jitter)
        case .status(let status, let headers):
            if (300..<400).contains(status) {
                return .answerNoted("a redirect, not followed: the token is only sent to AUTH0_DOMAIN")
            }
            if status == 401, !attempts.replacedToken { return .replaceToken }
            if status == 429 {
                let now = now()
                let (wait, reason) = Auth0Transport.rateLimitWait(
                    headers: headers, now: now, retry: attempts.rateLimited + 1, options: options, jitter: jitter())
                let longest = Auth0TransportOptions.milliseconds(options.maxRateLimitWait)
                guard wait <= longest else {
                    // Not held for later requests: each is told the same at once and gives up at once.
                    return .answerNoted(
                        "rate limited: asked to wait \(RateLimitHeaders.seconds(wait)) (\(reason)), "
                            + "more than the \(RateLimitHeaders.seconds(longest)) tenantplan waits")
                }
                return .rateLimited(
                    until: now + wait, reason: reason, retry: attempts.rateLimited < options.maxRateLimitRetries)
            }
            if (500...599).contains(status), method.isIdempotent {
                guard attempts.failures + 1 < options.maxAttempts else {
                    guard attempts.failures > 0 else { return .answer }
                    return .answerNoted("gave up after \(Auth0Transport.attempts(attempts.sent))")
                }
                return backOff(attempts, what: "\(status)", jitter: jitter)
            }
            return .answer
        }
    }

    /// The backoff before retry number `failures + 1` (``Auth0TransportOptions/backoffMilliseconds(retry:jitter:)``).
    private func backOff(_ attempts: Attempts, what: String, jitter: () -> Double) -> Decision {
        .backOff(
            milliseconds: options.backoffMilliseconds(retry: attempts.failures + 1, jitter: jitter()), what: what)
    }
}
