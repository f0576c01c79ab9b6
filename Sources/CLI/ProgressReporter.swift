import Foundation
import ManagementAPI
import Synchronization

/// Progress of a long read on stderr (never stdout): nothing for the first ``delay`` seconds, then on a terminal one
/// line redrawn in place (at most 5 times a second), elsewhere a plain line every ``interval`` seconds.
///
/// `reading the live tenant: 1200 of 2000 organizations, 1214 requests, 12 s waited on rate limits, about 40 s left`
final class ProgressReporter: Sendable {
    /// Seconds before the first report: short reads print nothing.
    static let delay: TimeInterval = 3
    /// Seconds between plain lines when stderr is not a terminal.
    static let interval: TimeInterval = 10

    private struct State {
        var lastReport: Date?
        var drawn = false
        var last: SnapshotReader.Progress?
    }

    private let stderr: any TextSink
    private let isTerminal: Bool
    private let start: Date
    private let now: @Sendable () -> Date
    private let waited: @Sendable () -> TimeInterval
    private let state = Mutex(State())

    /// Creates a reporter; the clock starts now.
    /// - Parameters:
    ///   - waited: Seconds spent waiting on rate limits so far (0 for the local tenant).
    init(
        stderr: any TextSink, isTerminal: Bool, now: @escaping @Sendable () -> Date = Date.init,
        waited: @escaping @Sendable () -> TimeInterval = { 0 }
    ) {
        self.stderr = stderr
        self.isTerminal = isTerminal
        self.now = now
        self.waited = waited
        start = now()
    }

    /// Reports `progress` if it is time to.
    func update(_ progress: SnapshotReader.Progress) {
        state.withLock { $0.last = progress }
        report(progress)
    }

    /// Reports the last progress with the requests made so far, if it is time to: called every second while a
    /// read runs, so a read stuck in one long step (a rate-limit wait, a slow list) still shows progress.
    func tick(requests: Int) {
        var progress = state.withLock { $0.last }
            ?? SnapshotReader.Progress(organizationsRead: 0, organizationsTotal: 0, requests: requests)
        progress.requests = max(progress.requests, requests)
        report(progress)
    }

    /// Calls ``tick(requests:)`` every second (real time) until the returned task is cancelled.
    /// - Parameter requests: The requests made so far.
    func ticking(requests: @escaping @Sendable () -> Int) -> Task<Void, Never> {
        Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard !Task.isCancelled else { return }
                tick(requests: requests())
            }
        }
    }

    private func report(_ progress: SnapshotReader.Progress) {
        let time = now()
        let elapsed = time.timeIntervalSince(start)
        guard elapsed >= Self.delay else { return }
        let line = Self.line(progress, elapsed: elapsed, waited: waited())
        state.withLock { state in
            let gap = isTerminal ? 0.2 : Self.interval
            if let last = state.lastReport, time.timeIntervalSince(last) < gap { return }
            state.lastReport = time
            if isTerminal {
                stderr.write("\r\u{1B}[K" + line)
                state.drawn = true
            } else {
                stderr.write(line + "\n")
            }
        }
    }

    /// Clears the redrawn line, if any, so what follows starts on a clean line.
    func finish() {
        state.withLock { state in
            if state.drawn { stderr.write("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    /// The progress line.
    /// - Parameters:
    ///   - elapsed: Seconds since the read started.
    ///   - waited: Seconds of that spent waiting on rate limits.
    static func line(_ progress: SnapshotReader.Progress, elapsed: TimeInterval, waited: TimeInterval) -> String {
        var parts: [String] = []
        if progress.organizationsTotal > 0 {
            parts.append("\(progress.organizationsRead) of \(progress.organizationsTotal) organizations")
        }
        parts.append("\(progress.requests) request\(progress.requests == 1 ? "" : "s")")
        if waited >= 1 { parts.append("\(Int(waited)) s waited on rate limits") }
        if progress.organizationsRead > 0, progress.organizationsRead < progress.organizationsTotal {
            let left = elapsed / Double(progress.organizationsRead)
                * Double(progress.organizationsTotal - progress.organizationsRead)
            parts.append("about \(Int(left.rounded(.up))) s left")
        }
        return "reading the live tenant: " + parts.joined(separator: ", ")
    }
}
