import Foundation
import TestSupport

/// Counts requests in flight on the server. Each request waits until `target` are in flight together (the last
/// of `total` requests waits for none), so the highest count reached is exactly the client's limit when that is
/// at most `target`, and higher when the client lets more through. A client that never lets `target` through
/// does not hang the test: after `patience` seconds (real time) the waiting requests are answered.
actor InFlightGate {
    let target: Int
    let total: Int
    let patience: Double
    private(set) var highest = 0
    private var current = 0
    private var arrived = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(target: Int, total: Int, patience: Double = 3) {
        self.target = target
        self.total = total
        self.patience = patience
    }

    func pass() async -> LoopbackResponse {
        current += 1
        arrived += 1
        highest = max(highest, current)
        if current >= target || arrived == total {
            release()
        } else {
            let seconds = patience
            Task { [self] in
                try? await Task.sleep(for: .seconds(seconds))
                self.release()
            }
            await withCheckedContinuation { waiting.append($0) }
        }
        current -= 1
        return .json(200, [])
    }

    private func release() {
        waiting.forEach { $0.resume() }
        waiting = []
    }
}
