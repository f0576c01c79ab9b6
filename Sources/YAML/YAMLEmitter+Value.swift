extension YAMLEmitter {
    /// A value to write as YAML: the tree ``YAMLEmitter/emit(_:)`` turns into text.
    ///
    /// Mappings keep their entries in the order given (callers sort them when they want a stable order);
    /// literals build trees in tests: `["tenant": ["domain": "example.eu.auth0.com"], "roles": []]`.
    public indirect enum Value: Sendable, Equatable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A whole number, written in decimal.
        case int(Int)
        /// A fractional number, written as Swift prints it (`0.5`, `2.0`, `1e+20`); must be finite.
        case double(Double)
        /// A string; quoted when it would otherwise read as another type (see ``YAMLEmitter/needsQuotes(_:)``).
        case string(String)
        /// A block sequence (`[]` when empty).
        case sequence([Value])
        /// A block mapping with entries in the order given (`{}` when empty).
        case mapping([Entry])
    }

    /// One `key: value` entry of a ``Value/mapping(_:)``.
    public struct Entry: Sendable, Equatable {
        /// The key (always a string).
        public let key: String
        /// The value.
        public let value: Value

        /// Creates an entry.
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }
}

extension YAMLEmitter.Value: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An ``int(_:)``.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A ``sequence(_:)``.
    public init(arrayLiteral elements: YAMLEmitter.Value...) { self = .sequence(elements) }
    /// A ``mapping(_:)`` with the entries in the order written.
    public init(dictionaryLiteral elements: (String, YAMLEmitter.Value)...) {
        self = .mapping(elements.map { YAMLEmitter.Entry($0.0, $0.1) })
    }
    /// ``null``.
    public init(nilLiteral: ()) { self = .null }
}
