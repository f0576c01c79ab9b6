import Foundation
import JSONValues

/// Validates JSON instances against the schemas of Auth0's Management API v2 OpenAPI document (OpenAPI 3.1, JSON
/// Schema 2020-12), answering with the violations Auth0 reports in a 400 `invalid_body` answer.
///
/// Which keywords are validated, which formats are checked and the message wording are in docs/auth0-fidelity.md
/// ("Request validation"); ``validatedKeywords`` and ``ignoredKeywords`` list the keywords. A value type: copies
/// share one cache of compiled schemas (each `$ref` target read once into typed fields, `pattern`s compiled,
/// docs/benchmark.md "Schema checks"), so it can be kept in a `static let` and used from any task.
public struct SchemaValidator: Sendable {
    /// The whole OpenAPI document (`openapi`, `paths`, `components`, …) that `$ref`s are resolved in.
    public let document: JSONValue
    /// `components.schemas` of ``document``, by name.
    let schemas: [String: JSONValue]
    /// `components.schemas` by their `$ref` text (`#/components/schemas/Name`), resolved once.
    let references: [String: JSONValue]
    let patterns: SchemaPatternCache
    /// The schemas compiled for checking (``CompiledSchema``), each `$ref` target once.
    let compiled: CompiledSchemaCache

    /// A validator over `document`, an OpenAPI document whose `$ref`s point into it (`#/components/schemas/Name`
    /// or any other `#/…` JSON pointer).
    public init(document: JSONValue) {
        self.document = document
        schemas = document["components"]?["schemas"]?.objectValue ?? [:]
        references = Dictionary(uniqueKeysWithValues: schemas.map { name, schema in
            ("#/components/schemas/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"), schema)
        })
        patterns = SchemaPatternCache()
        compiled = CompiledSchemaCache()
    }

    /// A validator over the embedded Management API excerpt (``ManagementAPIDocument/excerpt``), built on first
    /// use and shared: the embedded local tenant validates requests with it, and ``SchemaFacts`` read from it.
    public static let managementAPI = SchemaValidator(document: ManagementAPIDocument.excerpt.root)

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
        var violations: [SchemaViolation] = []
        var path: [String] = []
        check(instance, compiled.compiled(named: name, schema, in: self), path: &path, depth: 0, into: &violations)
        return violations
    }

    /// The violations of `instance` against the schema `#/components/schemas/<name>` refers to, exactly as
    /// ``validate(_:against:)`` reports them for `{"$ref": "#/components/schemas/<name>"}`, except that the members
    /// named in `skippingMembers` are not checked against the schema's `properties` (the schema's own keywords,
    /// `additionalProperties: false` and `required` included, still see them).
    ///
    /// For a caller that validates the same values against two schemas and keeps each violation once (the loader,
    /// with the create and update request schemas): a member whose schema is the same in both
    /// (``sameMemberSchemas(_:_:)``) gives the same violations twice, so the second check can be left out.
    public func validate(_ instance: JSONValue, referencing name: String, skippingMembers: Set<String>)
        -> [SchemaViolation]
    {
        let wrapper = compiled.reference(toSchemaNamed: name, in: self)
        var violations: [SchemaViolation] = []
        var path: [String] = []
        if let root = wrapper.target, !skippingMembers.isEmpty {
            // Depth 1: where the `$ref` of the wrapper checks its target.
            check(instance, root, path: &path, depth: 1, into: &violations, skipping: skippingMembers)
        } else {
            check(instance, wrapper, path: &path, depth: 0, into: &violations)
        }
        return violations
    }

    /// The member names whose schema (`properties.<member>`) is the same JSON in `components.schemas.<first>` and
    /// `components.schemas.<second>`: `display_name`, `branding` and `metadata` of the organization create and
    /// update request schemas. A value checked against one such member schema needs no check against the other.
    public func sameMemberSchemas(_ first: String, _ second: String) -> Set<String> {
        compiled.sameMembers(first, second) {
            let a = schemas[first]?["properties"]?.objectValue ?? [:]
            let b = schemas[second]?["properties"]?.objectValue ?? [:]
            return Set(a.keys.filter { b[$0] == a[$0] })
        }
    }

    private static func unescape(_ token: String) -> String {
        let decoded = token.removingPercentEncoding ?? token
        return decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// Deeper than this many nested schemas for one instance value means a `$ref` cycle that consumes nothing.
    static let maximumDepth = 64
}

extension SchemaValidator {
    /// Checks `instance` against `schema` (compiled first).
    func check(_ instance: JSONValue, _ schema: JSONValue, path: [String], depth: Int, into violations: inout [SchemaViolation]) {
        var path = path
        check(instance, compiled.compiled(schema, in: self), path: &path, depth: depth, into: &violations)
    }

    /// Checks `instance` against the compiled `schema`: first the keywords of this schema (applicators `$ref`,
    /// `allOf`, `anyOf`, `oneOf`, `not` in place), then the children (`items`, `properties`,
    /// `additionalProperties`). `path` is the instance location, restored on return. Members named in `skipping`
    /// are not checked against this schema's `properties` (their other keywords still apply).
    func check(
        _ instance: JSONValue, _ schema: CompiledSchema, path: inout [String], depth: Int,
        into violations: inout [SchemaViolation], skipping: Set<String> = []
    ) {
        switch schema.shape {
        case .accept:
            return
        case .reject:
            violations.append(SchemaViolation(path: path, keyword: "false", message: "Boolean schema \"false\" is always invalid."))
            return
        case .keywords:
            break
        }
        func fail(_ keyword: String, _ message: String, inner: [SchemaViolation]) {
            violations.append(SchemaViolation(
                path: path, keyword: keyword, message: message, description: schema.description, inner: inner))
        }
        func fail(_ keyword: String, _ message: String) { fail(keyword, message, inner: []) }

        if let reference = schema.reference {
            if let target = schema.target {
                if depth < Self.maximumDepth { check(instance, target, path: &path, depth: depth + 1, into: &violations) }
            } else {
                fail("$ref", "Reference could not be resolved: \(reference)")
            }
        }
        if let mask = schema.typeMask, mask & CompiledSchema.Kind.of(instance) == 0 {
            fail("type", "Expected type \(schema.typeText) but found type \(Self.typeName(instance))")
        }
        if let values = schema.enumValues, !values.contains(where: { Self.equal($0, instance) }) {
            fail("enum", "No enum match for: \(Self.jsText(instance))")
        }
        if let value = schema.constValue, !Self.equal(value, instance) {
            fail("const", "Value does not match const: \(Self.jsText(value))")
        }

        // Each member with its `properties` schema, in key order: looked up once, for `additionalProperties` and
        // for the children.
        var memberSchemas: [(key: String, value: JSONValue, declared: CompiledSchema?)] = []
        if case .object(let members) = instance, schema.additionalIsFalse || schema.checksMembers {
            memberSchemas.reserveCapacity(members.count)
            for (key, value) in members { memberSchemas.append((key, value, schema.properties[key])) }
            memberSchemas.sort { $0.key < $1.key }
        }

        switch instance {
        case .string(let text):
            // Length is counted in Unicode code points (JSON Schema 2020-12, 6.3.1); z-schema prints JavaScript's
            // `length`, in UTF-16 code units, in the message.
            if schema.minLength != nil || schema.maxLength != nil {
                let length = Double(text.unicodeScalars.count)
                if let minimum = schema.minLength, length < minimum {
                    fail("minLength", "String is too short (\(text.utf16.count) chars), minimum \(Self.jsNumber(minimum))")
                }
                if let maximum = schema.maxLength, length > maximum {
                    fail("maxLength", "String is too long (\(text.utf16.count) chars), maximum \(Self.jsNumber(maximum))")
                }
            }
            if let pattern = schema.pattern, let expression = schema.expression,
                expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
            {
                fail("pattern", "String does not match pattern \(pattern): \(text)")
            }
            if let format = schema.format, let rule = schema.formatRule, !rule(text) {
                fail("format", "Object didn't pass validation for format \(format): \(text)")
            }
        case .int, .double:
            checkNumber(instance, schema, fail)
        case .array(let items):
            checkArray(items, schema, path: path, depth: depth, fail)
        case .object(let members):
            if let minimum = schema.minProperties, Double(members.count) < minimum {
                fail("minProperties", "Too few properties defined (\(members.count)), minimum \(Self.jsNumber(minimum))")
            }
            if let maximum = schema.maxProperties, Double(members.count) > maximum {
                fail("maxProperties", "Too many properties defined (\(members.count)), maximum \(Self.jsNumber(maximum))")
            }
            for name in schema.required where members[name] == nil {
                fail("required", "Missing required property: \(name)")
            }
            if schema.additionalIsFalse {
                let extra = memberSchemas.filter { $0.declared == nil }.map(\.key)
                if !extra.isEmpty {
                    // z-schema passes the list of names, which JavaScript prints joined by ",".
                    fail("additionalProperties", "Additional properties not allowed: \(extra.joined(separator: ","))")
                }
            }
        default:
            break
        }

        for part in schema.allOf { check(instance, part, path: &path, depth: depth + 1, into: &violations) }
        if let any = schema.anyOf {
            var inner: [SchemaViolation] = []
            var passed = false
            for part in any {
                var attempt: [SchemaViolation] = []
                check(instance, part, path: &path, depth: depth + 1, into: &attempt)
                if attempt.isEmpty {
                    passed = true
                    break
                }
                inner += attempt
            }
            if !passed { fail("anyOf", "Data does not match any schemas from 'anyOf'", inner: inner) }
        }
        if let one = schema.oneOf {
            var inner: [SchemaViolation] = []
            var passes = 0
            // Alternatives that pass only because a `format` is not checked here may fail at Auth0, which checks
            // it: more than one pass is an error only when at least two passed for certain.
            var certainPasses = 0
            for part in one {
                var attempt: [SchemaViolation] = []
                check(instance, part, path: &path, depth: depth + 1, into: &attempt)
                if attempt.isEmpty {
                    passes += 1
                    if !reliesOnUncheckedFormat(instance, part, depth: depth + 1) { certainPasses += 1 }
                } else {
                    inner += attempt
                }
            }
            if passes == 0 {
                fail("oneOf", "Data does not match any schemas from 'oneOf'", inner: inner)
            } else if certainPasses > 1 {
                fail("oneOf", "Data is valid against more than one schema from 'oneOf'")
            }
        }
        if let not = schema.not {
            var attempt: [SchemaViolation] = []
            check(instance, not, path: &path, depth: depth + 1, into: &attempt)
            if attempt.isEmpty { fail("not", "Data matches schema from 'not'") }
        }

        // Children last, as z-schema does: every keyword of this node reports before any nested value.
        switch instance {
        case .array(let items):
            if let itemSchema = schema.items, itemSchema.shape != .accept {
                for (index, item) in items.enumerated() {
                    path.append(String(index))
                    check(item, itemSchema, path: &path, depth: 0, into: &violations)
                    path.removeLast()
                }
            }
        case .object where schema.checksMembers:
            for (key, value, declared) in memberSchemas {
                guard let child = declared ?? (schema.additionalIsSchema ? schema.additional : nil),
                    child.shape != .accept, skipping.isEmpty || !skipping.contains(key)
                else { continue }
                path.append(key)
                check(value, child, path: &path, depth: 0, into: &violations)
                path.removeLast()
            }
        default:
            break
        }
    }

    /// True when `schema` applies to `instance` (or to a member or item of it, through `$ref`, `allOf`,
    /// `properties`, `additionalProperties` and `items`) a `format` this validator does not check
    /// (``checkedFormats``) to a string: a pass that Auth0, checking the format, might not give.
    func reliesOnUncheckedFormat(_ instance: JSONValue, _ schema: CompiledSchema, depth: Int) -> Bool {
        guard depth < Self.maximumDepth, schema.shape == .keywords else { return false }
        if case .string = instance, schema.format != nil, schema.formatRule == nil {
            return true
        }
        if let target = schema.target, reliesOnUncheckedFormat(instance, target, depth: depth + 1) {
            return true
        }
        for part in schema.allOf where reliesOnUncheckedFormat(instance, part, depth: depth + 1) {
            return true
        }
        switch instance {
        case .object(let members):
            return members.contains { key, value in
                guard let child = schema.properties[key] ?? schema.additional else { return false }
                return reliesOnUncheckedFormat(value, child, depth: depth + 1)
            }
        case .array(let items):
            guard let itemSchema = schema.items else { return false }
            return items.contains { reliesOnUncheckedFormat($0, itemSchema, depth: depth + 1) }
        default:
            return false
        }
    }

    private func checkNumber(_ value: JSONValue, _ schema: CompiledSchema, _ fail: (String, String) -> Void) {
        guard let number = Self.number(value) else { return }
        if schema.minimum == nil, schema.maximum == nil, schema.exclusiveMinimum == nil, schema.exclusiveMaximum == nil,
            schema.multipleOf == nil
        {
            return
        }
        let text = Self.jsText(value)
        if let minimum = schema.minimum, number < minimum {
            fail("minimum", "Value \(text) is less than minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = schema.maximum, number > maximum {
            fail("maximum", "Value \(text) is greater than maximum \(Self.jsNumber(maximum))")
        }
        if let minimum = schema.exclusiveMinimum, number <= minimum {
            fail("exclusiveMinimum", "Value \(text) is equal or less than exclusive minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = schema.exclusiveMaximum, number >= maximum {
            fail("exclusiveMaximum", "Value \(text) is equal or greater than exclusive maximum \(Self.jsNumber(maximum))")
        }
        if let divisor = schema.multipleOf, divisor > 0, (number / divisor).rounded() != number / divisor {
            fail("multipleOf", "Value \(text) is not a multiple of \(Self.jsNumber(divisor))")
        }
    }

    private func checkArray(
        _ items: [JSONValue], _ schema: CompiledSchema, path: [String], depth: Int,
        _ fail: (String, String) -> Void
    ) {
        if let minimum = schema.minItems, Double(items.count) < minimum {
            fail("minItems", "Array is too short (\(items.count)), minimum \(Self.jsNumber(minimum))")
        }
        if let maximum = schema.maxItems, Double(items.count) > maximum {
            fail("maxItems", "Array is too long (\(items.count)), maximum \(Self.jsNumber(maximum))")
        }
        if schema.uniqueItems {
            duplicates: for later in items.indices {
                for earlier in items.indices where earlier < later && Self.equal(items[earlier], items[later]) {
                    fail("uniqueItems", "Array items are not unique (indexes \(earlier) and \(later))")
                    break duplicates
                }
            }
        }
        if let contains = schema.contains {
            var scratch = path
            let found = items.contains { item in
                var attempt: [SchemaViolation] = []
                check(item, contains, path: &scratch, depth: depth + 1, into: &attempt)
                return attempt.isEmpty
            }
            if !found { fail("contains", "Array does not contain an item matching the schema") }
        }
    }
}
