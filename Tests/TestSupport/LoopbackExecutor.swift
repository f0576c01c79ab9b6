import Foundation

/// A task executor with a thread of its own, on which loopback servers run their handlers.
///
/// The test run's cooperative threads (two on a two-core machine) can all be blocked for seconds by tests that
/// wait for a child process; a handler scheduled there would then answer only after the client's request timeout,
/// and an HTTP test would fail for a reason that has nothing to do with what it checks. Handlers that run here
/// (and the default actors they call, which follow the task's executor preference) answer whatever the rest of
/// the run is doing. Handlers must not block the thread: they suspend (`await`) instead.
final class LoopbackExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor every ``LoopbackServer`` uses.
    static let shared = LoopbackExecutor()

    // `jobs` is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in run() }
        thread.name = "loopback-server-handlers"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
