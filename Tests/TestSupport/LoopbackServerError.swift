/// The loopback server could not start.
public enum LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// A socket call failed.
    case socket(String)

    /// `loopback server: REASON`.
    public var description: String {
        switch self {
        case .socket(let reason): "loopback server: \(reason)"
        }
    }
}
