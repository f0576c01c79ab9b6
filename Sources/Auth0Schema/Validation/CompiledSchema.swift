import Foundation
import JSONValues

/// One schema of an OpenAPI document read once into typed fields, so that ``SchemaValidator`` checks an instance
/// without looking keywords up by name: a `$ref` points at its compiled target, bounds are `Double`s, a `pattern`
/// is a compiled regular expression, `properties` a table of compiled schemas, `type` a set of bits with its
/// message text formatted once.
///
/// Every field keeps the meaning the keyword has in ``SchemaValidator`` (which keywords count, which kinds of value
/// they take, and what is ignored): compiling changes how fast an instance is checked, never what is reported.
/// Built by ``CompiledSchemaCache`` and never changed once published; `$ref` cycles are cycles of objects, kept
/// for the life of the validator like the document itself.
final class CompiledSchema: @unchecked Sendable {
    /// What a schema does before any keyword is read.
    enum Shape {
        /// A JSON object of keywords.
        case keywords
        /// The boolean schema `false`: every instance fails.
        case reject
        /// `true`, any other non-object value, or an object without a validated keyword: no instance fails.
        case accept
    }

    var shape: Shape = .accept
    /// `description` (when a string), which Auth0 appends to a violation's sentence.
    var description: String?

    /// The `$ref` text (when a string) and its compiled target; `nil` target: the reference does not resolve.
    var reference: String?
    var target: CompiledSchema?

    /// `type` present: the allowed kinds as ``Kind`` bits (`number` also admits `integer`) and the type as
    /// z-schema prints it.
    var typeMask: UInt8?
    var typeText = ""
    /// `enum` (when an array) and `const` (any value).
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var minLength: Double?
    var maxLength: Double?
    /// `pattern` (when a string) and its compiled form; a pattern that does not compile never fails.
    var pattern: String?
    var expression: NSRegularExpression?
    /// `format` (when a string), its rule when checked (``SchemaValidator/checkedFormats``).
    var format: String?
    var formatRule: (@Sendable (String) -> Bool)?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var items: CompiledSchema?
    var minItems: Double?
    var maxItems: Double?
    var uniqueItems = false
    var contains: CompiledSchema?

    /// `properties` (when an object), by member name.
    var properties: [String: CompiledSchema] = [:]
    /// `additionalProperties` of any kind; whether it is an object (checked against the members `properties` does
    /// not name) or `false` (such members refused).
    var additional: CompiledSchema?
    var additionalIsSchema = false
    var additionalIsFalse = false
    var required: [String] = []
    var minProperties: Double?
    var maxProperties: Double?

    var allOf: [CompiledSchema] = []
    var anyOf: [CompiledSchema]?
    var oneOf: [CompiledSchema]?
    var not: CompiledSchema?

    /// True when a member of an object instance is checked against a schema here (`properties` or an object
    /// `additionalProperties`): otherwise the members need no visit.
    var checksMembers: Bool { !properties.isEmpty || additionalIsSchema }

    /// The kinds of JSON value as z-schema names them (``SchemaValidator/typeName(_:)``), one bit each.
    enum Kind {
        static let null: UInt8 = 1 << 0
        static let boolean: UInt8 = 1 << 1
        static let integer: UInt8 = 1 << 2
        static let number: UInt8 = 1 << 3
        static let string: UInt8 = 1 << 4
        static let array: UInt8 = 1 << 5
        static let object: UInt8 = 1 << 6

        /// The bit of a type name; 0 for a name that is no JSON Schema type.
        static func bit(_ name: String) -> UInt8 {
            switch name {
            case "null": null
            case "boolean": boolean
            case "integer": integer
            case "number": number | integer
            case "string": string
            case "array": array
            case "object": object
            default: 0
            }
        }

        /// The bit of an instance's kind, as ``SchemaValidator/typeName(_:)`` names it.
        static func of(_ value: JSONValue) -> UInt8 {
            switch value {
            case .null: null
            case .bool: boolean
            case .int: integer
            case .double(let number): number.rounded() == number && number.isFinite ? integer : Kind.number
            case .string: string
            case .array: array
            case .object: object
            }
        }
    }
}
