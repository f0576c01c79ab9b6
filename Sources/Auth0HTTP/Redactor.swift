import Synchronization

/// Removes the client secret and every access token seen from text before it leaves the module (log lines,
/// error messages): a second guard behind messages that are built without secrets in the first place.
final class Redactor: Sendable {
    private let secrets: Mutex<[String]>

    /// Starts with the configured secrets (the client secret or the API token).
    init(_ initial: [String]) {
        secrets = Mutex(initial.filter { !$0.isEmpty })
    }

    /// Adds a value to hide (a newly issued token).
    func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        secrets.withLock { if !$0.contains(secret) { $0.append(secret) } }
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
