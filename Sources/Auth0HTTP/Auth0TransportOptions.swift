/// Limits and retry settings of ``Auth0Transport``.
///
/// The defaults are conservative: Auth0 restricts the Management API of free and trial tenants to 2 requests per
/// second with bursts of 10, paid tenants get more, and every tenant's bucket is shared with the tenant's own
/// applications (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy).
/// tenantplan paces itself at ``maxRequestsPerSecond`` and, from the `x-ratelimit-*` headers, never uses more than
/// ``bucketShare`` of the bucket, so a plan of thousands of organizations cannot starve end-user logins.
public struct Auth0TransportOptions: Sendable, Equatable {
    /// Requests per second tenantplan starts at most, spaced evenly (`1 / maxRequestsPerSecond` seconds apart,
    /// rounded up to the millisecond). Default 5: under the sustained Management API limit of paid tenants; free
    /// tenants (2 per second) are held back further by ``bucketShare``. `0` or less: no pacing.
    public var maxRequestsPerSecond: Double
    /// Requests in flight at once (at least 1). Default 4.
    public var parallelism: Int
    /// The share of the `x-ratelimit-limit` bucket tenantplan may use, `0...1`. After a response whose
    /// `x-ratelimit-remaining` is below `x-ratelimit-limit × (1 − bucketShare)`, the next request waits until
    /// `x-ratelimit-reset`. Default 0.5: tenantplan pauses once the bucket is less than half full.
    public var bucketShare: Double
    /// Attempts of an idempotent request (GET, PATCH, DELETE) that answers 5xx or gets no response, counting the
    /// first. POST is sent once. Default 4.
    public var maxAttempts: Int
    /// How many times one request is sent again after 429. Default 10; then the 429 response is returned.
    public var maxRateLimitRetries: Int
    /// The longest single rate-limit wait tenantplan accepts; a 429 asking for longer is returned as is. Waits
    /// from the bucket share are shortened to it. Default 120 seconds.
    public var maxRateLimitWait: Duration
    /// The first retry backoff; it doubles for each retry. Default 1 second.
    public var backoffBase: Duration
    /// The longest retry backoff before jitter. Default 8 seconds.
    public var backoffCap: Duration
    /// Timeout of one HTTP exchange, in seconds. Default 30.
    public var requestTimeoutSeconds: Double

    /// Creates options; see each property for its default.
    public init(
        maxRequestsPerSecond: Double = 5, parallelism: Int = 4, bucketShare: Double = 0.5, maxAttempts: Int = 4,
        maxRateLimitRetries: Int = 10, maxRateLimitWait: Duration = .seconds(120), backoffBase: Duration = .seconds(1),
        backoffCap: Duration = .seconds(8), requestTimeoutSeconds: Double = 30
    ) {
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.parallelism = max(1, parallelism)
        self.bucketShare = min(max(bucketShare, 0), 1)
        self.maxAttempts = max(1, maxAttempts)
        self.maxRateLimitRetries = max(0, maxRateLimitRetries)
        self.maxRateLimitWait = maxRateLimitWait
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    /// Milliseconds between request starts: `ceil(1000 / maxRequestsPerSecond)`; 0 without pacing.
    public var pacingIntervalMilliseconds: Int {
        guard maxRequestsPerSecond > 0, maxRequestsPerSecond.isFinite else { return 0 }
        return Int((1000 / maxRequestsPerSecond).rounded(.up))
    }

    /// The wait before retry number `retry` (1 for the first), in milliseconds: "equal jitter" exponential
    /// backoff. With `e = min(backoffCap, backoffBase × 2^(retry−1))`, the wait is `e/2 + jitter × e/2`, so
    /// between half of `e` and `e`.
    /// - Parameter jitter: A number in `0...1` (``Auth0Clock/jitter``).
    public func backoffMilliseconds(retry: Int, jitter: Double) -> Int {
        let base = Self.milliseconds(backoffBase)
        let cap = Self.milliseconds(backoffCap)
        let exponent = min(max(retry - 1, 0), 30)
        let full = min(cap, base << exponent)
        let clamped = min(max(jitter, 0), 1)
        return full / 2 + Int((Double(full - full / 2) * clamped).rounded())
    }

    /// A duration in whole milliseconds, rounded up.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
