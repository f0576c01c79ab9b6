/// The JSON Schema keywords ``SchemaValidator`` knows. A keyword in neither list is ignored as if it were an
/// annotation; `SchemaValidatorExcerptTests` fails when the OpenAPI excerpt uses such a keyword, so a new
/// one is decided on rather than silently skipped.
extension SchemaValidator {
    /// Keywords that can reject an instance (JSON Schema 2020-12 validation and applicator vocabularies).
    public static let validatedKeywords: Set<String> = [
        "$ref", "type", "enum", "const",
        "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "items", "minItems", "maxItems", "uniqueItems", "contains",
        "properties", "additionalProperties", "required", "minProperties", "maxProperties",
        "allOf", "anyOf", "oneOf", "not",
    ]

    /// Annotation keywords, which never reject an instance; every `x-` extension is ignored as well.
    public static let ignoredKeywords: Set<String> = [
        "description", "title", "default", "deprecated", "example", "examples", "readOnly", "writeOnly",
        "$comment",
    ]

    /// Whether `keyword` is validated or deliberately ignored (an annotation or an `x-` extension).
    public static func isKnownKeyword(_ keyword: String) -> Bool {
        validatedKeywords.contains(keyword) || ignoredKeywords.contains(keyword) || keyword.hasPrefix("x-")
    }
}
