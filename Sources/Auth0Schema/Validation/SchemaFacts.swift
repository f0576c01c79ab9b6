import JSONValues

/// The constraints Auth0's OpenAPI document puts on one field of a request, so that other parts of tenantplan
/// (the YAML loader) refuse what Auth0 refuses from the same schema rather than from a second, hand-kept list.
///
/// Found with ``init(schemaNamed:path:in:)``: `CreateOrganizationRequestContent` and `["name"]` give
/// `types ["string"]`, `minLength 1`, `maxLength 50`, `format "organization-name"`. Constraints of every schema that
/// applies (through `$ref` and `allOf`) are combined, the tightest bound winning; `anyOf`/`oneOf` alternatives are
/// not facts (no single one is certain) and are left out.
public struct SchemaFacts: Sendable, Hashable {
    /// The allowed JSON types (`string`, `integer`, `null`, …); empty when the schema allows any.
    public var types: [String] = []
    /// The field's `description`, the first one found.
    public var description: String?
    /// Length bounds in Unicode code points.
    public var minLength: Int?
    /// Length bounds in Unicode code points.
    public var maxLength: Int?
    /// The ECMA-262 `pattern`, the first one found.
    public var pattern: String?
    /// The `format` name (checked or not; see ``SchemaValidator/checkedFormats``).
    public var format: String?
    /// The allowed values (`enum`, or a one-value list from `const`).
    public var allowedValues: [JSONValue]?
    /// Numeric bounds (inclusive).
    public var minimum: Double?
    /// Numeric bounds (inclusive).
    public var maximum: Double?
    /// Array size bounds.
    public var minItems: Int?
    /// Array size bounds.
    public var maxItems: Int?
    /// Object size bounds (metadata: `maxProperties` 25 on organizations, 10 on connections).
    public var minProperties: Int?
    /// Object size bounds.
    public var maxProperties: Int?
    /// Required member names of an object field.
    public var required: [String] = []
    /// `false` when the field is an object that refuses members it does not declare.
    public var allowsAdditionalProperties = true
    /// The member names an object field declares (`properties`), over every schema that applies, sorted.
    public var propertyNames: [String] = []

    /// The facts of `path` inside `components.schemas.<name>`: each element is a property name, or `[]` for the
    /// items of an array. An empty path gives the schema's own facts.
    /// - Returns: `nil` when the schema does not exist or declares no such field (nor allows it through
    ///   `additionalProperties`).
    public init?(schemaNamed name: String, path: [String], in validator: SchemaValidator) {
        guard let root = validator.schema(named: name) else { return nil }
        var nodes = Self.applying(root, validator)
        for component in path {
            var next: [[String: JSONValue]] = []
            for node in nodes {
                if component == "[]" {
                    if let items = node["items"] { next += Self.applying(items, validator) }
                } else if let property = node["properties"]?[component] {
                    next += Self.applying(property, validator)
                }
            }
            if next.isEmpty, component != "[]" {
                for node in nodes {
                    if let additional = node["additionalProperties"], additional.objectValue != nil {
                        next += Self.applying(additional, validator)
                    }
                }
            }
            guard !next.isEmpty else { return nil }
            nodes = next
        }
        for node in nodes { merge(node) }
    }

    /// `schema` and every schema it brings in through `$ref` and `allOf`, as keyword maps.
    private static func applying(_ schema: JSONValue, _ validator: SchemaValidator, depth: Int = 0) -> [[String: JSONValue]] {
        guard let keywords = schema.objectValue, depth < SchemaValidator.maximumDepth else { return [] }
        var nodes = [keywords]
        if let reference = keywords["$ref"]?.stringValue, let target = validator.resolve(reference: reference) {
            nodes += applying(target, validator, depth: depth + 1)
        }
        for part in keywords["allOf"]?.arrayValue ?? [] { nodes += applying(part, validator, depth: depth + 1) }
        return nodes
    }

    private mutating func merge(_ node: [String: JSONValue]) {
        func int(_ key: String) -> Int? { node[key].flatMap(SchemaValidator.number).map { Int($0) } }
        if let type = node["type"] {
            let listed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            types = types.isEmpty ? listed : types.filter(listed.contains)
        }
        description = description ?? node["description"]?.stringValue
        minLength = [minLength, int("minLength")].compactMap { $0 }.max()
        maxLength = [maxLength, int("maxLength")].compactMap { $0 }.min()
        pattern = pattern ?? node["pattern"]?.stringValue
        format = format ?? node["format"]?.stringValue
        if allowedValues == nil {
            allowedValues = node["enum"]?.arrayValue ?? node["const"].map { [$0] }
        }
        minimum = [minimum, node["minimum"].flatMap(SchemaValidator.number)].compactMap { $0 }.max()
        maximum = [maximum, node["maximum"].flatMap(SchemaValidator.number)].compactMap { $0 }.min()
        minItems = [minItems, int("minItems")].compactMap { $0 }.max()
        maxItems = [maxItems, int("maxItems")].compactMap { $0 }.min()
        minProperties = [minProperties, int("minProperties")].compactMap { $0 }.max()
        maxProperties = [maxProperties, int("maxProperties")].compactMap { $0 }.min()
        for name in node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !required.contains(name) {
            required.append(name)
        }
        if node["additionalProperties"] == .bool(false) { allowsAdditionalProperties = false }
        if let properties = node["properties"]?.objectValue {
            propertyNames = Array(Set(propertyNames).union(properties.keys)).sorted()
        }
    }
}
