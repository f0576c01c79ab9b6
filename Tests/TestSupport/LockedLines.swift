import Synchronization

/// Lines collected from a `@Sendable` sink (a request log's lines, in the order they were written).
public final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// An empty collection.
    public init() {}

    /// Adds `line` at the end.
    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Every line so far, oldest first.
    public var all: [String] { lines.withLock { $0 } }
}
