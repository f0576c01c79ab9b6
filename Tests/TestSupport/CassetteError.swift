/// Why a cassette could not be loaded or replayed.
public enum CassetteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No cassette of that name in `Resources/cassettes`.
    case missing(String)
    /// The file is not a go-vcr v2 cassette of the expected shape.
    case invalid(cassette: String, reason: String)
    /// A request matched no unused interaction (method, path and sorted query); `recorded` lists the requests the
    /// cassette still holds, in recorded order.
    case unmatched(cassette: String, request: String, recorded: [String])
    /// A request matched an interaction by method, path and query, but its JSON body differs from the recorded one
    /// (checked only when the replayer was asked to compare bodies).
    case bodyMismatch(cassette: String, request: String, recorded: String, sent: String)

    public var description: String {
        switch self {
        case .missing(let name):
            return "cassette '\(name)' is not in TestSupport/Resources/cassettes"
        case .invalid(let cassette, let reason):
            return "cassette '\(cassette)' is invalid: \(reason)"
        case .unmatched(let cassette, let request, let recorded):
            let left = recorded.isEmpty ? "none left" : recorded.joined(separator: "; ")
            return "cassette '\(cassette)' has no recorded answer for \(request) (unused interactions: \(left))"
        case .bodyMismatch(let cassette, let request, let recorded, let sent):
            return "cassette '\(cassette)': \(request) was sent with body \(sent), recorded with \(recorded)"
        }
    }
}
