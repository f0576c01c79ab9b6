import Auth0Schema
import Foundation
import JSONValues
import Testing

/// The validator over Auth0's real OpenAPI excerpt: the keywords it uses, its own default and example values,
/// every pattern, and the real 400 cases with their exact answers.
@Suite struct SchemaValidatorExcerptTests {
    @Test func everyKeywordInTheExcerptIsValidatedOrDeliberatelyIgnored() throws {
        let document = try #require(SchemaValidatorExcerpt.document)
        var present: Set<String> = []
        for node in SchemaValidatorExcerpt.schemaNodes(document) { present.formUnion(node.schema.keys) }
        let unknown = present.filter { !SchemaValidator.isKnownKeyword($0) }.sorted()
        #expect(unknown == [])
        // The walk really sees the excerpt's keywords (a walk that found nothing would pass the line above).
        #expect(present.isSuperset(of: [
            "$ref", "type", "properties", "additionalProperties", "required", "enum", "const", "minLength", "maxLength",
            "pattern", "format", "minimum", "maximum", "items", "minItems", "maxItems", "uniqueItems", "contains",
            "allOf", "anyOf", "oneOf", "minProperties", "maxProperties", "description", "default", "example",
            "deprecated", "writeOnly", "x-release-lifecycle", "x-merge-priority",
        ]))
    }

    @Test func theExcerptsOwnDefaultsAndExamplesAreValid() throws {
        let document = try #require(SchemaValidatorExcerpt.document)
        let validator = try #require(SchemaValidatorExcerpt.validator)
        var checked = 0
        var failures: [String] = []
        for (location, schema) in SchemaValidatorExcerpt.schemaNodes(document) {
            var values: [(String, JSONValue)] = []
            if let value = schema["default"] { values.append(("default", value)) }
            if let value = schema["example"] { values.append(("example", value)) }
            for (index, value) in (schema["examples"]?.arrayValue ?? []).enumerated() { values.append(("examples[\(index)]", value)) }
            for (kind, value) in values {
                checked += 1
                let violations = validator.validate(value, against: .object(schema))
                if !violations.isEmpty {
                    failures.append("\(location) \(kind): " + violations.map { "\($0.pathText) \($0.message)" }.joined(separator: "; "))
                }
            }
        }
        #expect(checked > 300)
        #expect(failures == [])
    }

    @Test func everyPatternInTheExcerptCompilesAndMatchesAsECMAScriptDoes() throws {
        let document = try #require(SchemaValidatorExcerpt.document)
        let validator = try #require(SchemaValidatorExcerpt.validator)
        var patterns: Set<String> = []
        for node in SchemaValidatorExcerpt.schemaNodes(document) {
            if let pattern = node.schema["pattern"]?.stringValue { patterns.insert(pattern) }
        }
        #expect(patterns.count == 18)
        // A pattern that fails to compile would accept everything; any pattern refuses at least the value below.
        for pattern in patterns.sorted() {
            let violations = validator.validate("<\u{0}>\n bad value ☃", against: ["pattern": .string(pattern)])
            #expect(violations.map(\.keyword) == ["pattern"], "\(pattern)")
        }
    }

    @Test(arguments: [
        // `-` after a range is a literal in ECMA-262: `[0-9a-zA-Z-_]`, `[a-zA-Z0-9-:./_~]`
        ("^([0-9a-zA-Z-_]{10,64})$", "abc-_DEF-123", true),
        ("^([0-9a-zA-Z-_]{10,64})$", "abc^DEF_123", false),
        ("^[a-zA-Z0-9-:./_~]+$", "urn:a-b/c.d_e~f", true),
        ("^[a-zA-Z0-9-:./_~]+$", "a b", false),
        // `\d` is ASCII digits only
        ("^\\d+$", "0123", true),
        ("^\\d+$", "٣", false),
        ("^[^\u{0}]*$", "no nul", true),
        ("^[^\u{0}]*$", "a\u{0}b", false),
        ("^https:\\/\\/.*", "https://example.com", true),
        ("^https:\\/\\/.*", "http://example.com", false),
        ("^((?!-))(xn--)?([a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?\\.)*(xn--)?[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?$", "login.example-corp.com", true),
        ("^((?!-))(xn--)?([a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?\\.)*(xn--)?[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?$", "-bad.com", false),
        ("^([A-Za-z0-9+/]){86}==$", String(repeating: "A", count: 86) + "==", true),
    ])
    func patternsMatchAsInECMAScript(pattern: String, text: String, matches: Bool) throws {
        let validator = try #require(SchemaValidatorExcerpt.validator)
        #expect(validator.validate(.string(text), against: ["pattern": .string(pattern)]).isEmpty == matches)
    }
}
