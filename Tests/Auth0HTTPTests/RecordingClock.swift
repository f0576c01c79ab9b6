import Auth0HTTP
import Foundation
import Synchronization

/// A clock for ``Auth0Transport`` that never sleeps: each wait is recorded and moves the time forward.
///
/// Time starts at 1,700,000,000 seconds after 1970 and moves only through waits and ``advance(seconds:)``, so
/// request durations read 0 ms and waits are exact.
final class RecordingClock: Sendable {
    /// The start time, in epoch seconds.
    static let start = 1_700_000_000

    private let state = Mutex((milliseconds: RecordingClock.start * 1000, sleeps: [Duration]()))
    private let jitterValue: Double

    /// Creates a clock whose jitter source always answers `jitter`.
    init(jitter: Double = 0.5) {
        jitterValue = jitter
    }

    /// The waits asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Moves the time forward without a recorded wait.
    func advance(seconds: Int) {
        state.withLock { $0.milliseconds += seconds * 1000 }
    }

    /// Moves the time back without a recorded wait (a request that started before a pause ended).
    func rewind(seconds: Int) {
        state.withLock { $0.milliseconds -= seconds * 1000 }
    }

    /// The clock to give the transport.
    var clock: Auth0Clock {
        Auth0Clock(
            now: { [self] in Date(timeIntervalSince1970: Double(self.state.withLock { $0.milliseconds }) / 1000) },
            sleep: { [self] duration in
                self.state.withLock {
                    $0.sleeps.append(duration)
                    let (seconds, attoseconds) = duration.components
                    $0.milliseconds += Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
                }
            },
            jitter: { [jitterValue] in jitterValue })
    }
}
