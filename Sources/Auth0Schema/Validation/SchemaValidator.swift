import Foundation
import JSONValues

/// Validates JSON instances against the schemas of Auth0's Management API v2 OpenAPI document (OpenAPI 3.1, JSON
/// Schema 2020-12), answering with the violations Auth0 reports in a 400 `invalid_body` answer.
///
/// Which keywords are validated, which formats are checked and the message wording are in docs/auth0-fidelity.md
/// ("Request validation"); ``validatedKeywords`` and ``ignoredKeywords`` list the keywords. A value type: copies
/// share one cache of compiled `pattern`s, so it can be kept in a `static let` and used from any task.
public struct SchemaValidator: Sendable {
    /// The whole OpenAPI document (`openapi`, `paths`, `components`, …) that `$ref`s are resolved in.
    public let document: JSONValue
    /// `components.schemas` of ``document``, by name.
    let schemas: [String: JSONValue]
    /// `components.schemas` by their `$ref` text (`#/components/schemas/Name`), resolved once.
    let references: [String: JSONValue]
    let patterns: SchemaPatternCache

    /// A validator over `document`, an OpenAPI document whose `$ref`s point into it (`#/components/schemas/Name`
    /// or any other `#/…` JSON pointer).
    public init(document: JSONValue) {
        self.document = document
        schemas = document["components"]?["schemas"]?.objectValue ?? [:]
        references = Dictionary(uniqueKeysWithValues: schemas.map { name, schema in
            ("#/components/schemas/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"), schema)
        })
        patterns = SchemaPatternCache()
    }

    /// The schema `components.schemas.<name>`, or `nil` when the document has none by that name.
    public func schema(named name: String) -> JSONValue? { schemas[name] }

    /// The value a local `$ref` points at: `#/components/schemas/Name` or any `#/…` JSON pointer (RFC 6901:
    /// `~1` is `/`, `~0` is `~`, percent-encoding decoded).
    /// - Returns: `nil` for a reference outside the document or to nothing.
    public func resolve(reference: String) -> JSONValue? {
        if let schema = references[reference] { return schema }
        let schemasPrefix = "#/components/schemas/"
        if reference.hasPrefix(schemasPrefix), !reference.dropFirst(schemasPrefix.count).contains("/") {
            return schemas[Self.unescape(String(reference.dropFirst(schemasPrefix.count)))]
        }
        guard reference == "#" || reference.hasPrefix("#/") else { return nil }
        var node = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false)
        where reference != "#" {
            let key = Self.unescape(String(token))
            switch node {
            case .object(let members):
                guard let next = members[key] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The violations of `instance` against `schema`, in a fixed order (see docs/auth0-fidelity.md); empty when
    /// the instance is valid.
    public func validate(_ instance: JSONValue, against schema: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        check(instance, schema, path: [], depth: 0, into: &violations)
        return violations
    }

    /// The violations of `instance` against `components.schemas.<name>`.
    /// - Throws: ``SchemaValidatorError/unknownSchema(_:)`` when the document has no such schema.
    public func validate(_ instance: JSONValue, schemaNamed name: String) throws -> [SchemaViolation] {
        guard let schema = schemas[name] else { throw SchemaValidatorError.unknownSchema(name) }
        return validate(instance, against: schema)
    }

    private static func unescape(_ token: String) -> String {
        let decoded = token.removingPercentEncoding ?? token
        return decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// Deeper than this many nested schemas for one instance value means a `$ref` cycle that consumes nothing.
    static let maximumDepth = 64
}

extension SchemaValidator {
    /// Checks `instance` against `schema`: first the keywords of this schema (applicators `$ref`, `allOf`,
    /// `anyOf`, `oneOf`, `not` in place), then the children (`items`, `properties`, `additionalProperties`).
    func check(_ instance: JSONValue, _ schema: JSONValue, path: [String], depth: Int, into violations: inout [SchemaViolation]) {
        guard case .object(let keywords) = schema else {
            if schema == .bool(false) {
                violations.append(SchemaViolation(
                    path: path, keyword: "false", message: "Boolean schema \"false\" is always invalid."))
            }
            return
        }
        let description = keywords["description"]?.stringValue
        func fail(_ keyword: String, _ message: String, inner: [SchemaViolation]) {
            violations.append(
                SchemaViolation(path: path, keyword: keyword, message: message, description: description, inner: inner))
        }
        func fail(_ keyword: String, _ message: String) { fail(keyword, message, inner: []) }

        if let reference = keywords["$ref"]?.stringValue {
            if let target = resolve(reference: reference) {
                if depth < Self.maximumDepth { check(instance, target, path: path, depth: depth + 1, into: &violations) }
            } else {
                fail("$ref", "Reference could not be resolved: \(reference)")
            }
        }
        let kind = Self.typeName(instance)
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            if !allowed.contains(kind), !(kind == "integer" && allowed.contains("number")) {
                fail("type", "Expected type \(Self.jsText(type)) but found type \(kind)")
            }
        }
        if let values = keywords["enum"]?.arrayValue, !values.contains(where: { Self.equal($0, instance) }) {
            fail("enum", "No enum match for: \(Self.jsText(instance))")
        }
        if let value = keywords["const"], !Self.equal(value, instance) {
            fail("const", "Value does not match const: \(Self.jsText(value))")
        }

        switch instance {
        case .string(let text):
            checkString(text, keywords, fail)
        case .int, .double:
            checkNumber(instance, keywords, fail)
        case .array(let items):
            checkArray(items, keywords, path: path, depth: depth, fail)
        case .object(let members):
            checkObject(members, keywords, fail)
        default:
            break
        }

        if let all = keywords["allOf"]?.arrayValue {
            for part in all { check(instance, part, path: path, depth: depth + 1, into: &violations) }
        }
        if let any = keywords["anyOf"]?.arrayValue {
            var inner: [SchemaViolation] = []
            var passed = false
            for part in any {
                var attempt: [SchemaViolation] = []
                check(instance, part, path: path, depth: depth + 1, into: &attempt)
                if attempt.isEmpty {
                    passed = true
                    break
                }
                inner += attempt
            }
            if !passed { fail("anyOf", "Data does not match any schemas from 'anyOf'", inner: inner) }
        }
        if let one = keywords["oneOf"]?.arrayValue {
            var inner: [SchemaViolation] = []
            var passes = 0
            var certainPasses = 0
            for part in one {
                var attempt: [SchemaViolation] = []
                check(instance, part, path: path, depth: depth + 1, into: &attempt)
                if attempt.isEmpty {
                    passes += 1
                    if !hasUncheckedFormat(part) { certainPasses += 1 }
                } else {
                    inner += attempt
                }
            }
            if passes == 0 {
                fail("oneOf", "Data does not match any schemas from 'oneOf'", inner: inner)
            } else if certainPasses > 1 {
                // An alternative that passed only because its `format` is not checked here may fail at Auth0
                // (`"globex.example"` is a host name, not a `uri`): only two passes that do not depend on an
                // unchecked format are surely "more than one".
                fail("oneOf", "Data is valid against more than one schema from 'oneOf'")
            }
        }
        if let not = keywords["not"] {
            var attempt: [SchemaViolation] = []
            check(instance, not, path: path, depth: depth + 1, into: &attempt)
            if attempt.isEmpty { fail("not", "Data matches schema from 'not'") }
        }

        // Children last, as z-schema does: every keyword of this node reports before any nested value.
        switch instance {
        case .array(let items):
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    check(item, itemSchema, path: path + [String(index)], depth: 0, into: &violations)
                }
            }
        case .object(let members):
            let properties = keywords["properties"]?.objectValue ?? [:]
            let additional = keywords["additionalProperties"]
            for key in members.keys.sorted() {
                let value = members[key]!
                if let propertySchema = properties[key] {
                    check(value, propertySchema, path: path + [key], depth: 0, into: &violations)
                } else if let additional, additional.objectValue != nil {
                    check(value, additional, path: path + [key], depth: 0, into: &violations)
                }
            }
        default:
            break
        }
    }

    /// True when `schema`, or a schema its `$ref` chain leads to, has a `format` this validator does not check:
    /// whether a value passes it is not known here.
    func hasUncheckedFormat(_ schema: JSONValue, depth: Int = 0) -> Bool {
        guard let keywords = schema.objectValue, depth < Self.maximumDepth else { return false }
        if let format = keywords["format"]?.stringValue, Self.checkedFormats[format] == nil { return true }
        if let reference = keywords["$ref"]?.stringValue, let target = resolve(reference: reference) {
            return hasUncheckedFormat(target, depth: depth + 1)
        }
        return false
    }

    private func checkString(_ text: String, _ keywords: [String: JSONValue], _ fail: (String, String) -> Void) {
        // Length is counted in Unicode code points (JSON Schema 2020-12, 6.3.1); z-schema prints JavaScript's
        // `length`, in UTF-16 code units, in the message.
        let length = text.unicodeScalars.count
        if let minimum = keywords["minLength"].flatMap(Self.number), Double(length) < minimum {
            fail("minLength", "String is too short (\(text.utf16.count) chars), minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = keywords["maxLength"].flatMap(Self.number), Double(length) > maximum {
            fail("maxLength", "String is too long (\(text.utf16.count) chars), maximum \(Self.jsNumber(maximum))")
        }
        if let pattern = keywords["pattern"]?.stringValue, patterns.test(pattern, text) == false {
            fail("pattern", "String does not match pattern \(pattern): \(text)")
        }
        if let format = keywords["format"]?.stringValue, let rule = Self.checkedFormats[format], !rule(text) {
            fail("format", "Object didn't pass validation for format \(format): \(text)")
        }
    }

    private func checkNumber(_ value: JSONValue, _ keywords: [String: JSONValue], _ fail: (String, String) -> Void) {
        guard let number = Self.number(value) else { return }
        let text = Self.jsText(value)
        if let minimum = keywords["minimum"].flatMap(Self.number), number < minimum {
            fail("minimum", "Value \(text) is less than minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = keywords["maximum"].flatMap(Self.number), number > maximum {
            fail("maximum", "Value \(text) is greater than maximum \(Self.jsNumber(maximum))")
        }
        if let minimum = keywords["exclusiveMinimum"].flatMap(Self.number), number <= minimum {
            fail("exclusiveMinimum", "Value \(text) is equal or less than exclusive minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = keywords["exclusiveMaximum"].flatMap(Self.number), number >= maximum {
            fail("exclusiveMaximum", "Value \(text) is equal or greater than exclusive maximum \(Self.jsNumber(maximum))")
        }
        if let divisor = keywords["multipleOf"].flatMap(Self.number), divisor > 0,
            (number / divisor).rounded() != number / divisor
        {
            fail("multipleOf", "Value \(text) is not a multiple of \(Self.jsNumber(divisor))")
        }
    }

    private func checkArray(
        _ items: [JSONValue], _ keywords: [String: JSONValue], path: [String], depth: Int,
        _ fail: (String, String) -> Void
    ) {
        if let minimum = keywords["minItems"].flatMap(Self.number), Double(items.count) < minimum {
            fail("minItems", "Array is too short (\(items.count)), minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = keywords["maxItems"].flatMap(Self.number), Double(items.count) > maximum {
            fail("maxItems", "Array is too long (\(items.count)), maximum \(Self.jsNumber(maximum))")
        }
        if keywords["uniqueItems"] == .bool(true) {
            duplicates: for later in items.indices {
                for earlier in items.indices where earlier < later && Self.equal(items[earlier], items[later]) {
                    fail("uniqueItems", "Array items are not unique (indexes \(earlier) and \(later))")
                    break duplicates
                }
            }
        }
        if let contains = keywords["contains"] {
            let found = items.contains { item in
                var attempt: [SchemaViolation] = []
                check(item, contains, path: path, depth: depth + 1, into: &attempt)
                return attempt.isEmpty
            }
            if !found { fail("contains", "Array does not contain an item matching the schema") }
        }
    }

    private func checkObject(_ members: [String: JSONValue], _ keywords: [String: JSONValue], _ fail: (String, String) -> Void) {
        if let minimum = keywords["minProperties"].flatMap(Self.number), Double(members.count) < minimum {
            fail("minProperties", "Too few properties defined (\(members.count)), minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = keywords["maxProperties"].flatMap(Self.number), Double(members.count) > maximum {
            fail("maxProperties", "Too many properties defined (\(members.count)), maximum \(Self.jsNumber(maximum))")
        }
        for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            fail("required", "Missing required property: \(name)")
        }
        if keywords["additionalProperties"] == .bool(false) {
            let properties = keywords["properties"]?.objectValue ?? [:]
            let extra = members.keys.filter { properties[$0] == nil }.sorted()
            if !extra.isEmpty {
                // z-schema passes the list of names, which JavaScript prints joined by ",".
                fail("additionalProperties", "Additional properties not allowed: \(extra.joined(separator: ","))")
            }
        }
    }
}
