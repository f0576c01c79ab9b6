/// Text from outside the tool (names, keys and values from YAML files, the live tenant, CSV files, error bodies)
/// made safe to print on a terminal, in a CI log or in a Markdown comment.
///
/// A value holding ANSI escapes and line breaks could otherwise clear the screen, move the cursor, or print a line
/// that looks like tenantplan's own (`Plan: 0 to add, 0 to change, 0 to destroy.`); bidirectional overrides could
/// show text in another order than it is stored. Renderers pass every interpolated name, key and value through
/// ``escaped(_:)``, never the tool's own fixed text (docs/decisions.md, "Commands and output").
public enum TerminalText {
    /// `text` with every character that could change what a terminal shows written visibly, in Swift's escape
    /// style: `\n`, `\r`, `\t` for line feed, carriage return and tab, and `\u{HEX}` (upper-case hex, no leading
    /// zeros) for the other C0 controls (U+0000–U+001F), DEL (U+007F), the C1 controls (U+0080–U+009F), the
    /// bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), and the line and
    /// paragraph separators (U+2028, U+2029). Every other character, the backslash included, is kept, so escaping
    /// twice changes nothing and text without such characters comes back unchanged.
    /// - Parameter text: Any text.
    /// - Returns: Text with no control, bidi or separator character in it.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// True for the characters ``escaped(_:)`` writes visibly.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
