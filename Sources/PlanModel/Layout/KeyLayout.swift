/// One key of a tenantplan file as the loader reads it: its name, whether it is required, what its value holds
/// and the limits the loader (or Auth0's request schema behind it) puts on that value.
///
/// The loader takes its allowed and required keys from these layouts (``MappingLayout``), and `tenantplan schema`
/// turns the same layouts into the JSON Schema editors use (docs/editor.md), so the two cannot list different keys.
public struct KeyLayout: Sendable {
    /// What a value holds.
    public indirect enum Value: Sendable {
        /// A string; see ``KeyLayout/choices``, ``KeyLayout/pattern`` and the lengths.
        case string
        /// `true` or `false`.
        case boolean
        /// A whole number; see ``KeyLayout/minimum`` and ``KeyLayout/maximum``.
        case integer
        /// A sequence whose items have the given layout (its ``KeyLayout/name`` is empty).
        case list(KeyLayout)
        /// A mapping with the given keys.
        case mapping(MappingLayout)
        /// A mapping of string keys to string values (organization and connection `metadata`); see
        /// ``KeyLayout/maxProperties``, ``KeyLayout/keyMaxLength`` and ``KeyLayout/reservedKeys``.
        case stringMap
        /// A connection's `options`: any YAML, `${env:NAME}` accepted as a whole mapping value; checked against
        /// the strategy's options schema in Auth0's OpenAPI document (docs/auth0-fidelity.md).
        case connectionOptions
        /// `policy.rules`: rule id -> `severity` and the rule's parameters (docs/rules.md).
        case ruleSettings
    }

    /// The Auth0 request field a key is sent as: a schema in `components.schemas` of the Management API
    /// OpenAPI document and the path inside it (``RequestSchema/facts(_:_:)`` reads its constraints).
    public struct Auth0Field: Sendable, Equatable {
        /// The schema's name, e.g. `CreateOrganizationRequestContent`.
        public let schema: String
        /// The member path, e.g. `["name"]`.
        public let path: [String]

        /// A field of `schema` at `path`.
        public init(_ schema: String, _ path: [String]) {
            self.schema = schema
            self.path = path
        }
    }

    /// The key as written (`display_name`); empty for a list's items.
    public let name: String
    /// What the key means, one or two sentences (the description editors show).
    public let summary: String
    /// True when the enclosing mapping must have the key.
    public var required = false
    /// What the value holds.
    public let value: Value
    /// The Auth0 request field the value is sent as, whose constraints apply too; `nil` for tenantplan's own keys.
    public var auth0: Auth0Field?
    /// The allowed values of a string, when tenantplan (not Auth0's schema) lists them.
    public var choices: [String]?
    /// An ECMA-262 regular expression a string matches, when tenantplan (not Auth0's schema) checks one.
    public var pattern: String?
    /// Length bounds of a string, in characters.
    public var minLength: Int?
    /// Length bounds of a string, in characters.
    public var maxLength: Int?
    /// Bounds of an integer (inclusive).
    public var minimum: Int?
    /// Bounds of an integer (inclusive).
    public var maximum: Int?
    /// The most items of a list.
    public var maxItems: Int?
    /// The most keys of a ``Value/stringMap``.
    public var maxProperties: Int?
    /// The longest key of a ``Value/stringMap``.
    public var keyMaxLength: Int?
    /// Keys a ``Value/stringMap`` may not hold (the ownership marker `managed_by`).
    public var reservedKeys: [String] = []

    /// A key named `name` holding `value`.
    public init(_ name: String, _ value: Value, _ summary: String) {
        self.name = name
        self.value = value
        self.summary = summary
    }

    /// A copy with `change` applied (the layouts are written as chains of these).
    func with(_ change: (inout KeyLayout) -> Void) -> KeyLayout {
        var copy = self
        change(&copy)
        return copy
    }

    /// A required copy.
    var isRequired: KeyLayout { with { $0.required = true } }

    /// A copy sent as the Auth0 field `path` of `schema`.
    func sent(as schema: String, _ path: String...) -> KeyLayout { with { $0.auth0 = Auth0Field(schema, path) } }
}
