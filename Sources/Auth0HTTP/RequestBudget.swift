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
    }

    private let options: Auth0TransportOptions
    private var nextStart: Int?
    private var pausedUntil = 0
    private var pauseReason = ""
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
        let start = max(paced, pausedUntil)
        nextStart = start + options.pacingIntervalMilliseconds
        let isRateLimit = pausedUntil > paced
        return Wait(milliseconds: start - now, isRateLimit: isRateLimit, reason: isRateLimit ? pauseReason : "pacing")
    }

    /// No request starts before `until` (epoch milliseconds); a later pause already set is kept.
    func pause(until: Int, reason: String) {
        guard until > pausedUntil else { return }
        pausedUntil = until
        pauseReason = reason
    }

    /// Applies the bucket-share rule to a non-429 response's `x-ratelimit-limit`, `x-ratelimit-remaining` and
    /// `x-ratelimit-reset` headers (lowercased names).
    func observe(headers: [String: String], now: Int) {
        guard let limit = headers["x-ratelimit-limit"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            let remaining = headers["x-ratelimit-remaining"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            let reset = RateLimitHeaders.resetMilliseconds(headers["x-ratelimit-reset"], now: now),
            Double(remaining) < Double(limit) * (1 - options.bucketShare), reset > now
        else { return }
        let until = min(reset, now + Auth0TransportOptions.milliseconds(options.maxRateLimitWait))
        pause(until: until, reason: "x-ratelimit-remaining \(remaining) of \(limit)")
    }
}
