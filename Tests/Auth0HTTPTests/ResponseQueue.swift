import Synchronization
import TestSupport

/// Scripted answers, served first in, first out.
final class ResponseQueue: Sendable {
    private let responses: Mutex<[LoopbackResponse]>

    init(_ responses: [LoopbackResponse]) {
        self.responses = Mutex(responses)
    }

    /// The next scripted answer, or `nil` when none is left.
    func next() -> LoopbackResponse? {
        responses.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
