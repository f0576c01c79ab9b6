import Foundation

/// The client-side request budget of one ``Auth0Transport``: bounded concurrency, pacing, and pauses asked for
/// by the tenant's rate limits (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy).
///
/// The rule, all times in whole milliseconds:
/// 1. At most ``Auth0TransportOptions/parallelism`` requests are in flight (``enter()`` / ``leave()``).
/// 2. Request starts are spaced ``Auth0TransportOptions/pacingIntervalMilliseconds`` apart.
/// 3. No request starts before a pause ends. A pause comes from a 429 (``pause(until:reason:)``) or from a response
///    whose `x-ratelimit-remaining` is below `x-ratelimit-limit × (1 − bucketShare)`: then until
///    `x-ratelimit-reset` (epoch seconds), shortened to ``Auth0TransportOptions/maxRateLimitWait``
///    (``observe(headers:now:)``).
actor RequestBudget {
    /// A wait before one request start.
    struct Wait: Sendable, Equatable {
        /// Milliseconds to wait.
        let milliseconds: Int
        /// True when a rate-limit pause, false when pacing, decides the wait.
        let isRateLimit: Bool
        /// Why, for the log: `Retry-After`, `x-ratelimit-remaining 4 of 10`.
        let reason: String
        /// The announcement of a rate-limit wait (``Auth0Transport``'s notices), made once per pause, by the first
        /// request that waits on it: `rate limited by Auth0 on GET /api/v2/roles: waiting 5 s (429, Retry-After)`.
        /// `nil` for pacing, for a pause already announced, and for a bucket-share wait of at most 1 second.
        let notice: String?
    }

    /// A pause: no request starts before `until` (epoch milliseconds).
    private struct Pause {
        var until = 0
        /// Why, for the verbose log and the notice.
        var reason = ""
        /// What caused it: `rate limited by Auth0 on GET /api/v2/roles`.
        var cause = ""
        /// Waits longer than this many milliseconds are announced (0: every wait).
        var announceAbove = 0
        var announced = true
    }

    private let options: Auth0TransportOptions
    private var nextStart: Int?
    private var paused = Pause()
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(options: Auth0TransportOptions) {
        self.options = options
    }

    /// Takes a concurrency slot, waiting for one when all are taken (first come, first served).
    func enter() async {
        if inFlight < options.parallelism {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives the slot back, or hands it to the longest waiter.
    func leave() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Reserves the next start time and says how long to wait for it (zero wait: start now).
    func reserve(now: Int) -> Wait {
        let paced = max(now, nextStart ?? now)
        let start = max(paced, paused.until)
        nextStart = start + options.pacingIntervalMilliseconds
        let isRateLimit = paused.until > paced
        guard isRateLimit else { return Wait(milliseconds: start - now, isRateLimit: false, reason: "pacing", notice: nil) }
        var notice: String?
        if !paused.announced, start - now > paused.announceAbove {
            paused.announced = true
            notice = "\(paused.cause): waiting \(RateLimitHeaders.seconds(start - now)) (\(paused.reason))"
        }
        return Wait(milliseconds: start - now, isRateLimit: true, reason: paused.reason, notice: notice)
    }

    /// No request starts before `until` (epoch milliseconds); a later pause already set is kept.
    /// - Parameters:
    ///   - reason: Why, for the log: `Retry-After`, `x-ratelimit-remaining 4 of 10`.
    ///   - cause: What happened, for the notice: `rate limited by Auth0 on GET /api/v2/roles`.
    ///   - announceAbove: The first wait on this pause longer than this many milliseconds is announced.
    func pause(until: Int, reason: String, cause: String, announceAbove: Int = 0) {
        guard until > paused.until else { return }
        paused = Pause(until: until, reason: reason, cause: cause, announceAbove: announceAbove, announced: false)
    }

    /// Applies the bucket-share rule to a non-429 response's `x-ratelimit-limit`, `x-ratelimit-remaining` and
    /// `x-ratelimit-reset` headers (lowercased names); a wait of more than 1 second it causes is announced.
    /// - Parameter request: The request the response answered, for the notice (`GET /api/v2/roles`).
    func observe(headers: [String: String], now: Int, request: String) {
        guard let limit = headers["x-ratelimit-limit"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            let remaining = headers["x-ratelimit-remaining"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            let reset = RateLimitHeaders.resetMilliseconds(headers["x-ratelimit-reset"], now: now),
            Double(remaining) < Double(limit) * (1 - options.bucketShare), reset > now
        else { return }
        let until = min(reset, now + Auth0TransportOptions.milliseconds(options.maxRateLimitWait))
        pause(
            until: until, reason: "x-ratelimit-remaining \(remaining) of \(limit)",
            cause: "holding back for Auth0's rate limit after \(request)", announceAbove: 1000)
    }
}
