/// Why a ``YAMLEmitter/Value`` could not be written as YAML.
public enum YAMLEmitterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libyaml's emitter refused an event; its problem text.
    case emitter(problem: String)
    /// A ``YAMLEmitter/Value/double(_:)`` that is infinite or not a number: JSON has no such values, and
    /// tenantplan's loader would read YAML's `.inf` / `.nan` back as strings.
    case nonFiniteNumber(String)

    /// The message, e.g. `cannot write YAML: infinite or NaN number 'inf'`.
    public var description: String {
        switch self {
        case .emitter(let problem): return "cannot write YAML: \(problem)"
        case .nonFiniteNumber(let text): return "cannot write YAML: infinite or NaN number '\(text)'"
        }
    }
}
