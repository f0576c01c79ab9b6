import JSONValues

/// Query strings: Auth0 validates them like bodies after reading each value as its parameter's schema type, and
/// answers 400 `invalid_query_string` with `Query validation error: '…' on property NAME (DESCRIPTION).`
extension SchemaValidator {
    /// The violations of a request's query string against an operation's OpenAPI `parameters` (parameter objects
    /// or `$ref`s to them; only those with `"in": "query"` count).
    ///
    /// A name no parameter declares is `Additional properties not allowed: NAME` (several joined by `,`); a
    /// parameter with `"required": true` that is absent is `Missing required property: NAME`; a present value is
    /// read with ``queryValue(_:schema:)`` and validated against the parameter's `schema`, whose violations carry
    /// the parameter's `description` when the schema has none.
    public func validateQuery(_ query: [String: String], parameters: [JSONValue]) -> [SchemaViolation] {
        var declared: [String: JSONValue] = [:]
        for parameter in parameters {
            let resolved = parameter["$ref"]?.stringValue.flatMap { resolve(reference: $0) } ?? parameter
            guard resolved["in"] == "query", let name = resolved["name"]?.stringValue else { continue }
            declared[name] = resolved
        }
        var violations: [SchemaViolation] = []
        let unknown = query.keys.filter { declared[$0] == nil }.sorted()
        if !unknown.isEmpty {
            violations.append(SchemaViolation(
                path: [], keyword: "additionalProperties",
                message: "Additional properties not allowed: \(unknown.joined(separator: ","))"))
        }
        for name in declared.keys.sorted() {
            let parameter = declared[name]!
            guard let text = query[name] else {
                if parameter["required"] == .bool(true) {
                    violations.append(SchemaViolation(
                        path: [], keyword: "required", message: "Missing required property: \(name)"))
                }
                continue
            }
            guard var schema = parameter["schema"]?.objectValue else { continue }
            if schema["description"] == nil, let description = parameter["description"] { schema["description"] = description }
            let value = queryValue(text, schema: .object(schema))
            check(value, .object(schema), path: [name], depth: 0, into: &violations)
        }
        return violations
    }

    /// A query string value read as its schema's type: `true`/`false` for `boolean`, an optionally signed run of
    /// digits for `integer`, a decimal for `number`, comma-separated items for `array` (each read with the
    /// `items` schema); anything else, and any value that does not read as the type, stays a string (and so fails
    /// `type` with `Expected type integer but found type string`).
    public func queryValue(_ text: String, schema: JSONValue) -> JSONValue {
        let resolved = schema["$ref"]?.stringValue.flatMap { resolve(reference: $0) } ?? schema
        let types = resolved["type"]?.arrayValue?.compactMap(\.stringValue) ?? resolved["type"]?.stringValue.map { [$0] } ?? []
        if types.contains("boolean"), text == "true" || text == "false" { return .bool(text == "true") }
        if types.contains("integer") || types.contains("number"), let number = Int(text) { return .int(number) }
        if types.contains("number"), let number = Double(text), number.isFinite { return .double(number) }
        if types.contains("array") {
            let itemSchema = resolved["items"] ?? .object([:])
            return .array(text.split(separator: ",", omittingEmptySubsequences: false).map {
                queryValue(String($0), schema: itemSchema)
            })
        }
        return .string(text)
    }
}
