/// The keys of one mapping of a tenantplan file (``KeyLayout``), in the order the documentation lists them.
/// The loader accepts exactly ``allowed`` and requires ``required``; anything else is an `unknown key` error at
/// the key (README, "The tenant directory").
public struct MappingLayout: Sendable {
    /// What the mapping describes, one sentence (the description editors show).
    public let summary: String
    /// The keys.
    public let keys: [KeyLayout]
    /// Pairs of keys of which at most one may be written (`ttl` and `ttl_sec`).
    public var exclusive: [(String, String)] = []

    /// A mapping of `keys`.
    public init(_ summary: String, _ keys: [KeyLayout], exclusive: [(String, String)] = []) {
        self.summary = summary
        self.keys = keys
        self.exclusive = exclusive
    }

    /// The key names, in order.
    public var allowed: [String] { keys.map(\.name) }

    /// The names of the required keys, in order.
    public var required: [String] { keys.filter(\.required).map(\.name) }

    /// The key named `name`.
    /// - Precondition: the layout has it (a programming error otherwise, caught by the tests).
    public subscript(name: String) -> KeyLayout {
        guard let key = keys.first(where: { $0.name == name }) else {
            preconditionFailure("the layout has no key '\(name)'")
        }
        return key
    }
}
