import TestSupport

/// Counts requests in flight on the server. Each request waits until `target` are in flight together (the last
/// of `total` requests waits for none), so the highest count reached is exactly the client's limit when that is
/// at most `target`, and higher when the client lets more through.
actor InFlightGate {
    let target: Int
    let total: Int
    private(set) var highest = 0
    private var current = 0
    private var arrived = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(target: Int, total: Int) {
        self.target = target
        self.total = total
    }

    func pass() async -> LoopbackResponse {
        current += 1
        arrived += 1
        highest = max(highest, current)
        if current >= target || arrived == total {
            waiting.forEach { $0.resume() }
            waiting = []
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        current -= 1
        return .json(200, [])
    }
}
