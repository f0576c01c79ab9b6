import PlanModel

/// A parameter a rule accepts in `tenant.yaml` `policy.rules.<id>`, beside `severity`
/// (e.g. `invitation-ttl: { max: 7d }`).
public struct RuleParameter: Sendable, Equatable {
    /// What values the parameter takes.
    public enum Kind: Sendable, Equatable {
        /// A duration as ``DurationText`` reads it (`7d`, `12h`, `3600s`), within `range` seconds.
        case duration(range: ClosedRange<Int>)
    }

    /// The key, e.g. `max`.
    public let name: String
    /// The value's kind and bounds.
    public let kind: Kind
    /// What the parameter does, for the rules reference.
    public let summary: String

    /// Creates a parameter.
    public init(name: String, kind: Kind, summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }

    /// Checks a written value.
    /// - Returns: `nil` when `text` is valid, otherwise what is wrong and what was expected.
    public func problem(with text: String) -> String? {
        switch kind {
        case .duration(let range):
            guard let seconds = DurationText.seconds(text) else {
                return "'\(text)' is not a duration (expected a number with s, m, h or d, e.g. 7d)"
            }
            guard range.contains(seconds) else {
                return "'\(text)' is out of range (expected \(DurationText.text(range.lowerBound))"
                    + " to \(DurationText.text(range.upperBound)))"
            }
            return nil
        }
    }
}

/// What a rule sees beside the tenant: its parameters from `policy.rules.<id>`, already validated.
public struct RuleContext: Sendable, Equatable {
    /// Valid parameter values by name, where they are written.
    public let parameters: [String: Located<String>]

    /// Creates a context.
    public init(parameters: [String: Located<String>] = [:]) {
        self.parameters = parameters
    }

    /// A duration parameter in seconds, or `nil` when it is not set.
    public func seconds(_ name: String) -> Int? {
        parameters[name].flatMap { DurationText.seconds($0.value) }
    }
}
