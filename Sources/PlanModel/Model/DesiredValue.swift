import JSONValues

/// A declared value inside connection `options`: a literal, a secret from the environment, or an object
/// that holds a secret somewhere inside it.
public indirect enum DesiredValue: Sendable, Equatable {
    /// A plain value, as written in YAML.
    case literal(JSONValue)
    /// `${env:NAME}`: the value comes from the environment and is never printed.
    case secret(SecretReference)
    /// A mapping with at least one secret inside (without secrets a mapping is a ``literal(_:)``).
    case object([String: DesiredValue])

    /// True when the value is or contains a ``SecretReference``.
    public var containsSecret: Bool {
        switch self {
        case .literal: return false
        case .secret: return true
        case .object: return true
        }
    }

    /// Every secret reference inside, in key order.
    public var secrets: [SecretReference] {
        switch self {
        case .literal: return []
        case .secret(let ref): return [ref]
        case .object(let members):
            return members.keys.sorted().flatMap { members[$0]!.secrets }
        }
    }
}

/// A `${env:NAME}` reference, resolved when the tenant directory was loaded.
///
/// `value` is sensitive: it is sent in requests and never printed; ``description`` shows only the name.
public struct SecretReference: Sendable, Equatable, CustomStringConvertible {
    /// The environment variable's name.
    public let name: String
    /// The variable's value, or `nil` when it is unset (allowed in `validate`/`check`/`plan`).
    public let value: String?

    /// Creates a reference.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    /// `(sensitive, from env NAME)` or `(sensitive, from env NAME, unset)`.
    public var description: String {
        value == nil ? "(sensitive, from env \(name), unset)" : "(sensitive, from env \(name))"
    }
}
