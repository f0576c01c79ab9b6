import Foundation

/// Writes a ``JSONValue`` as JSON text, byte for byte as Foundation's `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), at a fraction of its cost: the encoder goes through
/// `Encodable` containers per value, which made saving a local tenant file of 10,000 organizations, and every
/// journal line, the largest cost of an apply to a file (docs/benchmark.md, "Profile").
///
/// The output Foundation defines and this type follows:
/// - object keys sorted by their UTF-8 bytes;
/// - strings with `"` and `\` escaped, `\b \f \n \r \t` for those controls, `\u00xx` (lowercase hex) for the other
///   code points below U+0020, everything else (`/`, U+007F, non-ASCII) as is;
/// - pretty: two spaces per level, `"key" : value`, one item per line, and an empty array or object as the
///   bracket, two newlines, the indentation and the closing bracket (`[\n\n  ]`);
/// - fractional numbers as `JSONEncoder` writes them (delegated to it, one number at a time: they are rare in
///   Auth0 objects).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool

    /// A writer; `pretty` indents as `.prettyPrinted` does.
    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(256)
    }

    /// The JSON text of `value`, or `nil` when it holds a number JSON cannot represent (infinite or NaN), which
    /// `JSONEncoder` refuses.
    static func encode(_ value: JSONValue, pretty: Bool) -> [UInt8]? {
        var writer = JSONWriter(pretty: pretty)
        guard writer.write(value, level: 0) else { return nil }
        return writer.bytes
    }

    /// Appends `value` at nesting `level`; `false` for a non-finite number.
    private mutating func write(_ value: JSONValue, level: Int) -> Bool {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            guard number.isFinite, let text = Self.fractional(number) else { return false }
            bytes.append(contentsOf: text)
        case .string(let text): writeString(text)
        case .array(let items):
            guard !items.isEmpty else {
                emptyContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), level: level)
                return true
            }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                guard write(item, level: level + 1) else { return false }
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                emptyContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), level: level)
                return true
            }
            bytes.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                writeString(key)
                if pretty {
                    bytes.append(contentsOf: " : ".utf8)
                } else {
                    bytes.append(UInt8(ascii: ":"))
                }
                guard write(members[key]!, level: level + 1) else { return false }
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private mutating func emptyContainer(open: UInt8, close: UInt8, level: Int) {
        bytes.append(open)
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            newline(level)
        }
        bytes.append(close)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A fractional number as `JSONEncoder` writes it (`0.1`, `1e+20`, `-0`).
    private static func fractional(_ number: Double) -> [UInt8]? {
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode([number]), data.count > 2 else { return nil }
        return Array(data.dropFirst().dropLast())
    }
}
