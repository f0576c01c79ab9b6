import Foundation

/// The time sources of ``Auth0Transport``, injectable so tests record waits instead of sleeping.
public struct Auth0Clock: Sendable {
    /// The current time (wall clock: `x-ratelimit-reset` is an epoch time in seconds).
    public var now: @Sendable () -> Date
    /// Waits for a duration; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A random number in `0...1` that spreads retry backoffs (see ``Auth0TransportOptions/backoff(retry:)``).
    public var jitter: @Sendable () -> Double

    /// Creates a clock.
    public init(
        now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void,
        jitter: @escaping @Sendable () -> Double
    ) {
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// `Date()`, `Task.sleep(for:)` and `Double.random(in: 0...1)`.
    public static let system = Auth0Clock(
        now: { Date() }, sleep: { try await Task.sleep(for: $0) }, jitter: { Double.random(in: 0...1) })

    /// The current time in whole milliseconds since 1970 (all waits are computed in milliseconds).
    func nowMilliseconds() -> Int {
        Int((now().timeIntervalSince1970 * 1000).rounded())
    }
}
