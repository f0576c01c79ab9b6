import Synchronization
import TestSupport

/// Requests a handler saw, for assertions.
final class SeenRequests: Sendable {
    private let requests = Mutex<[LoopbackRequest]>([])

    var all: [LoopbackRequest] { requests.withLock { $0 } }

    func add(_ request: LoopbackRequest) { requests.withLock { $0.append(request) } }
}
