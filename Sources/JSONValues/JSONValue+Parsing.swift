import Foundation

/// A direct JSON reader: about ten times faster than going through `JSONDecoder` and `Codable`, to the same value.
/// Every JSON text tenantplan reads goes through it: the embedded Management API excerpt (about 740 kB, read once
/// per process), the local tenant file and its journal (11 MB for 10,000 organizations), Auth0's answers.
extension JSONValue {
    /// Reads UTF-8 JSON text (RFC 8259) into the value `JSONDecoder` decodes: a number whose value is a whole
    /// number that fits an `Int` (`2`, `2.0`, `1e3`) is `.int`, any other number `.double`; strings with every
    /// escape (`\uXXXX` with surrogate pairs) decoded; of a repeated object key the first value counts; a leading
    /// UTF-8 byte order mark is skipped; a comma may end an array or object (`[1,]`), as `JSONDecoder` allows.
    /// - Returns: `nil` when `text` is not one JSON value (surrounded by white space only): also for a string
    ///   with bytes that are not UTF-8 or a `\u` escape of an unpaired surrogate, which `JSONDecoder` refuses
    ///   too; for nesting deeper than 512 arrays and objects.
    public init?(parsingUTF8 text: String) {
        var text = text
        guard let value = text.withUTF8(JSONTextReader.document) else { return nil }
        self = value
    }

    /// Decodes JSON bytes (UTF-8) as ``init(parsingUTF8:)`` reads them.
    /// - Throws: `DecodingError.dataCorrupted` when the bytes are not one JSON value.
    public init(data: Data) throws {
        let value = data.withUnsafeBytes { raw in
            JSONTextReader.document(raw.assumingMemoryBound(to: UInt8.self))
        }
        guard let value else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [], debugDescription: "The given data was not valid JSON."))
        }
        self = value
    }
}

/// The cursor of ``JSONValue/init(parsingUTF8:)`` over the UTF-8 bytes.
private struct JSONTextReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The one value `bytes` hold (after an optional UTF-8 byte order mark, surrounded by white space only).
    static func document(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var reader = JSONTextReader(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.position = 3 }
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        guard reader.position == bytes.count else { return nil }
        return value
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 512

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    mutating func value(depth: Int) -> JSONValue? {
        skipSpace()
        guard position < bytes.count, depth < Self.maximumDepth else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = value(depth: depth + 1) else { return nil }
                if members[key] == nil { members[key] = member }
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    // A comma before the closing brace is allowed, as `JSONDecoder` allows it.
                    skipSpace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        return .object(members)
                    }
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                } else {
                    return nil
                }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    // A comma before the closing bracket is allowed, as `JSONDecoder` allows it.
                    skipSpace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        return .array(items)
                    }
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                } else {
                    return nil
                }
            }
        case UInt8(ascii: "\""):
            return string().map(JSONValue.string)
        case UInt8(ascii: "t"):
            return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"):
            return literal("null") ? .null : nil
        default:
            return number()
        }
    }

    /// A string at `position` (which holds its opening quote).
    mutating func string() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        let start = position
        var ascii = true
        // The common case: no escape, one slice of the input.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        var scalars = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return nil }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code) {
                        guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    // An unpaired low surrogate is no scalar: refused, as `JSONDecoder` refuses it.
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    return nil
                }
            default:
                if byte < 0x20 { return nil }
                scalars.append(byte)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    /// A number at `position`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func number() -> JSONValue? {
        let start = position
        var integral = true
        func digits() -> Bool {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position > first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard digits() else { return nil }
        if bytes[integerStart] == UInt8(ascii: "0"), position - integerStart > 1 { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard digits() else { return nil }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            integral = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() else { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { return nil }
        // `JSONDecoder` decodes `JSONValue` as an `Int` first: a number written with a fraction or an exponent whose
        // exact value is a whole number is one (`2.0`, `1e3`, `100e-2`) when its `Double` is within `Int`'s range
        // (`9223372036854775807.0` is not: its `Double` is 2^63).
        if !integral, value >= -0x1p63, value < 0x1p63, let whole = Self.wholeNumber(text) { return .int(whole) }
        return .double(value)
    }

    /// The exact value of a JSON number's text when it is a whole number that fits an `Int`, else `nil`.
    static func wholeNumber(_ text: String) -> Int? {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(mantissa[mantissa.index(after: e)...]) else { return nil }
            exponent = value
            mantissa = mantissa[..<e]
        }
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        var digits = Array(mantissa.utf8)
        if let point = digits.firstIndex(of: UInt8(ascii: ".")) {
            exponent -= digits.count - point - 1
            digits.remove(at: point)
        }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        if digits.isEmpty { return 0 }
        while exponent < 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard exponent >= 0, digits.count + exponent <= 19 else { return nil }
        digits += [UInt8](repeating: UInt8(ascii: "0"), count: exponent)
        return Int((negative ? "-" : "") + String(decoding: digits, as: UTF8.self))
    }
}
