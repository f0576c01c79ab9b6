import JSONValues
import Synchronization

/// Removes the client secret and every access token seen from text before it leaves the module (log lines,
/// error messages): a second guard behind messages that are built without secrets in the first place.
final class Redactor: Sendable {
    private let secrets: Mutex<[String]>

    /// Values shorter than this are not searched for: they are not real Auth0 secrets or tokens (those are dozens
    /// of characters), and replacing them would mangle every text they occur in.
    static let shortest = 8

    /// Starts with the configured secrets (the client secret or the API token).
    init(_ initial: [String]) {
        secrets = Mutex(initial.filter { $0.count >= Self.shortest })
    }

    /// Adds a value to hide (a newly issued token).
    func add(_ secret: String) {
        guard secret.count >= Self.shortest else { return }
        secrets.withLock { if !$0.contains(secret) { $0.append(secret) } }
    }

    /// `value` with every secret in its strings (keys included) replaced by `[redacted]`.
    func clean(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(clean(text))
        case .array(let items): return .array(items.map(clean))
        case .object(let object):
            return .object(Dictionary(object.map { (clean($0.key), clean($0.value)) }, uniquingKeysWith: { a, _ in a }))
        default: return value
        }
    }

    /// `text` with every secret replaced by `[redacted]`.
    func clean(_ text: String) -> String {
        let values = secrets.withLock { $0 }
        var result = text
        for value in values where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: "[redacted]")
        }
        return result
    }
}
