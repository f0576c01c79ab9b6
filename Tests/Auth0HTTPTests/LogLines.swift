import Synchronization

/// Collects the verbose log of a transport.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// The lines so far.
    var all: [String] { lines.withLock { $0 } }

    /// The sink to give the transport.
    var sink: @Sendable (String) -> Void {
        { [self] line in self.lines.withLock { $0.append(line) } }
    }
}
