import Synchronization

/// Counters of an ``Auth0Transport`` that a progress display can poll from any thread.
public final class Auth0TransportStatistics: Sendable {
    /// The counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Management API requests sent, retries included (token requests not).
        public var requestsSent = 0
        /// `POST /oauth/token` requests sent.
        public var tokenRequests = 0
        /// 429 answers received.
        public var rateLimitedResponses = 0
        /// Requests sent again after a 5xx answer or no answer.
        public var retries = 0
        /// Time waited because of rate limits: 429 answers and the ``Auth0TransportOptions/bucketShare`` rule.
        public var rateLimitWait: Duration = .zero
        /// Time waited to keep to ``Auth0TransportOptions/maxRequestsPerSecond``.
        public var pacingWait: Duration = .zero
        /// Time waited before retries after a 5xx answer or no answer.
        public var retryWait: Duration = .zero

        /// ``rateLimitWait`` in seconds.
        public var secondsWaitedOnRateLimits: Double {
            let (seconds, attoseconds) = rateLimitWait.components
            return Double(seconds) + Double(attoseconds) / 1e18
        }

        /// Creates zeroed counters.
        public init() {}
    }

    private let state = Mutex(Snapshot())

    /// Creates zeroed counters.
    public init() {}

    /// The counters now.
    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Changes the counters under the lock.
    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }
}
