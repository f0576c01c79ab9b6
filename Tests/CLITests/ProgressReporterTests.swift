import Foundation
import ManagementAPI
import Synchronization
import Testing
import TestSupport

@testable import CLI

/// Progress of long reads on stderr: silent for short reads, redrawn on a terminal, periodic lines elsewhere.
@Suite struct ProgressReporterTests {
    /// A clock the test moves by hand.
    final class Clock: Sendable {
        private let seconds = Mutex(0.0)
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
        var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    }

    func progress(_ read: Int) -> SnapshotReader.Progress {
        SnapshotReader.Progress(organizationsRead: read, organizationsTotal: 2_000, requests: read + 2)
    }

    @Test func shortReadPrintsNothing() {
        let clock = Clock()
        let stderr = TextBuffer()
        let reporter = ProgressReporter(stderr: stderr, isTerminal: false, now: { clock.now })
        clock.advance(2.9)
        reporter.update(progress(100))
        reporter.finish()
        #expect(stderr.text == "")
    }

    @Test func plainLinesEveryTenSeconds() {
        let clock = Clock()
        let stderr = TextBuffer()
        let reporter = ProgressReporter(stderr: stderr, isTerminal: false, now: { clock.now }, waited: { 12.4 })
        clock.advance(4)
        reporter.update(progress(200))
        clock.advance(5)
        reporter.update(progress(450))  // 5 s after the last line: not yet
        clock.advance(5)
        reporter.update(progress(700))
        reporter.finish()
        #expect(stderr.text == """
            reading the live tenant: 200 of 2000 organizations, 202 requests, 12 s waited on rate limits, about 36 s left
            reading the live tenant: 700 of 2000 organizations, 702 requests, 12 s waited on rate limits, about 26 s left

            """)
    }

    @Test func terminalRedrawsOneLineAndClearsIt() {
        let clock = Clock()
        let stderr = TextBuffer()
        let reporter = ProgressReporter(stderr: stderr, isTerminal: true, now: { clock.now })
        clock.advance(3)
        reporter.update(progress(1_000))
        clock.advance(0.1)
        reporter.update(progress(1_010))  // within 0.2 s: not redrawn
        clock.advance(0.2)
        reporter.update(progress(2_000))
        reporter.finish()
        #expect(stderr.text == "\r\u{1B}[Kreading the live tenant: 1000 of 2000 organizations, 1002 requests, about 3 s left"
            + "\r\u{1B}[Kreading the live tenant: 2000 of 2000 organizations, 2002 requests" + "\r\u{1B}[K")
    }

    /// A read stuck in one long step (a rate-limit wait) still reports, from the ticks, before any organization.
    @Test func ticksReportWithoutOrganizationProgress() {
        let clock = Clock()
        let stderr = TextBuffer()
        let reporter = ProgressReporter(stderr: stderr, isTerminal: false, now: { clock.now }, waited: { 30 })
        clock.advance(1)
        reporter.tick(requests: 1)
        clock.advance(30)
        reporter.tick(requests: 1)
        reporter.update(progress(10))
        clock.advance(10)
        reporter.tick(requests: 40)
        #expect(stderr.text == """
            reading the live tenant: 1 request, 30 s waited on rate limits
            reading the live tenant: 10 of 2000 organizations, 40 requests, 30 s waited on rate limits, about 8159 s left

            """)
    }

    /// A whole plan over a slow local tenant reports on stderr and leaves stdout to the plan.
    @Test func slowPlanReportsOnStderrOnly() async throws {
        let work = try await ExampleTenant.applied("progress")
        let clock = Clock()
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: ExampleTenant.secrets, stdout: stdout, stderr: stderr,
            openTenant: { selection in
                clock.advance(2)  // every request of the read takes 2 s on this clock
                return try TenantSelection.open(selection)
            }, clock: { clock.advance(2); return clock.now })
        let code = await TenantplanCLI.run(["plan", work.path("tenant"), "--tenant", "local:" + work.path("live.json")], context: context)
        #expect(code == 0)
        #expect(!stdout.text.contains("reading the live tenant"))
        #expect(stderr.text.hasPrefix("reading the live tenant: "))
    }
}
