import Foundation
import JSONValues

/// How z-schema (JavaScript) names and prints instance values in its messages.
extension SchemaValidator {
    /// z-schema's type name of a value: `integer` for a whole number (also `2.0`), `number` for a fraction,
    /// `string`, `boolean`, `null`, `array`, `object`.
    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double(let number): number.rounded() == number && number.isFinite ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The numeric value of an `int` or `double`, else `nil`.
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// A number as JavaScript prints it: `300`, `1.5`.
    static func jsNumber(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e21 { return String(Int64(number)) }
        return String(number)
    }

    /// A message parameter as z-schema inserts it: strings as they are, numbers and booleans as JavaScript prints
    /// them, objects and `null` as JSON, arrays as JavaScript's `String(array)` (items joined by `,`, objects as
    /// `[object Object]`, `null` as nothing).
    static func jsText(_ value: JSONValue) -> String {
        switch value {
        case .object, .null: value.compactText
        case .array(let items): items.map(arrayItemText).joined(separator: ",")
        default: scalarText(value)
        }
    }

    private static func arrayItemText(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .object: "[object Object]"
        case .array(let items): items.map(arrayItemText).joined(separator: ",")
        default: scalarText(value)
        }
    }

    private static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): jsNumber(number)
        default: value.compactText
        }
    }

    /// JSON equality as JSON Schema defines it (2020-12 core, 4.2.2): `1` equals `1.0`; objects regardless of
    /// key order.
    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.int, .double), (.double, .int):
            return number(left) == number(right)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default:
            return left == right
        }
    }
}
