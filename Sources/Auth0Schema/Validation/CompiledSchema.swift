import Foundation
import JSONValues

/// One schema of an OpenAPI document read once into typed fields, so that ``SchemaValidator`` checks an instance
/// without looking keywords up by name: a `$ref` points at its compiled target, bounds are `Double`s, a `pattern`
/// is a compiled regular expression, `properties` a table of compiled schemas, `type` a set of bits with its
/// message text formatted once.
///
/// Every field keeps the meaning the keyword has in ``SchemaValidator`` (which keywords count, which kinds of value
/// they take, and what is ignored): compiling changes how fast an instance is checked, never what is reported.
/// Built by ``CompiledSchemaCache``, immutable (its `let`s need no exclusivity checks); `$ref` cycles are cycles of objects, kept
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

    /// The keywords read so far; ``CompiledSchema/init(_:)`` freezes them.
    struct Builder {
        var shape: Shape = .accept
        /// `description` (when a string), which Auth0 appends to a violation's sentence.
        var description: String?

        /// The `$ref` text (when a string) and its compiled target; `nil` target: the reference does not resolve.
        var reference: String?
        var slot: ReferenceSlot?

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
    }

    let shape: Shape
    /// `description` (when a string), which Auth0 appends to a violation's sentence.
    let description: String?

    /// The `$ref` text (when a string) and its compiled target; `nil` target: the reference does not resolve.
    let reference: String?
    let slot: ReferenceSlot?
    /// The compiled target of ``reference``.
    var target: CompiledSchema? { slot?.node }

    /// `type` present: the allowed kinds as ``Kind`` bits (`number` also admits `integer`) and the type as
    /// z-schema prints it.
    let typeMask: UInt8?
    let typeText: String
    /// `enum` (when an array) and `const` (any value).
    let enumValues: [JSONValue]?
    let constValue: JSONValue?

    let minLength: Double?
    let maxLength: Double?
    /// `pattern` (when a string) and its compiled form; a pattern that does not compile never fails.
    let pattern: String?
    let expression: NSRegularExpression?
    /// `format` (when a string), its rule when checked (``SchemaValidator/checkedFormats``).
    let format: String?
    let formatRule: (@Sendable (String) -> Bool)?

    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Double?
    let exclusiveMaximum: Double?
    let multipleOf: Double?

    let items: CompiledSchema?
    let minItems: Double?
    let maxItems: Double?
    let uniqueItems: Bool
    let contains: CompiledSchema?

    /// `properties` (when an object), by member name.
    let properties: [String: CompiledSchema]
    /// `additionalProperties` of any kind; whether it is an object (checked against the members `properties` does
    /// not name) or `false` (such members refused).
    let additional: CompiledSchema?
    let additionalIsSchema: Bool
    let additionalIsFalse: Bool
    let required: [String]
    let minProperties: Double?
    let maxProperties: Double?

    let allOf: [CompiledSchema]
    let anyOf: [CompiledSchema]?
    let oneOf: [CompiledSchema]?
    let not: CompiledSchema?

    /// Freezes `builder`: every keyword is a `let`, read without exclusivity checks.
    init(_ builder: Builder) {
        shape = builder.shape
        description = builder.description
        reference = builder.reference
        slot = builder.slot
        typeMask = builder.typeMask
        typeText = builder.typeText
        enumValues = builder.enumValues
        constValue = builder.constValue
        minLength = builder.minLength
        maxLength = builder.maxLength
        pattern = builder.pattern
        expression = builder.expression
        format = builder.format
        formatRule = builder.formatRule
        minimum = builder.minimum
        maximum = builder.maximum
        exclusiveMinimum = builder.exclusiveMinimum
        exclusiveMaximum = builder.exclusiveMaximum
        multipleOf = builder.multipleOf
        items = builder.items
        minItems = builder.minItems
        maxItems = builder.maxItems
        uniqueItems = builder.uniqueItems
        contains = builder.contains
        properties = builder.properties
        additional = builder.additional
        additionalIsSchema = builder.additionalIsSchema
        additionalIsFalse = builder.additionalIsFalse
        required = builder.required
        minProperties = builder.minProperties
        maxProperties = builder.maxProperties
        allOf = builder.allOf
        anyOf = builder.anyOf
        oneOf = builder.oneOf
        not = builder.not
    }

    /// A schema with no keyword: `.accept` or `.reject`.
    convenience init(shape: Shape) {
        var builder = Builder()
        builder.shape = shape
        self.init(builder)
    }

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

/// Where a `$ref` target is compiled to: created before the target is read, so that a cycle back to it finds it.
final class ReferenceSlot: @unchecked Sendable {
    /// The compiled target; `nil` when the reference does not resolve.
    var node: CompiledSchema?
}
