/// Text from outside the tool (names, keys and values from YAML files, the live tenant, CSV files, error bodies)
/// made safe to print on a terminal, in a CI log or in a Markdown comment.
///
/// A value holding ANSI escapes and line breaks could otherwise clear the screen, move the cursor, or print a line
/// that looks like tenantplan's own (`Plan: 0 to add, 0 to change, 0 to destroy.`); bidirectional overrides could
/// show text in another order than it is stored; zero-width and other invisible format characters could make a key
/// print exactly like another one. Renderers pass every interpolated name, key and value through ``escaped(_:)``,
/// never the tool's own fixed text (docs/decisions.md, "Commands and output").
public enum TerminalText {
    /// `text` with every character that could change what a terminal shows, or that shows nothing at all, written
    /// visibly in Swift's escape style: `\n`, `\r`, `\t` for line feed, carriage return and tab, and `\u{HEX}`
    /// (upper-case hex, no leading zeros) for every other scalar ``needsEscape(_:)`` names: Unicode general
    /// categories Cc (C0 controls, DEL, C1 controls), Cf (format characters: bidi marks, embeddings, overrides and
    /// isolates, zero-width space/joiners, word joiner, invisible operators, U+FEFF, soft hyphen, U+061C, U+180E,
    /// tags U+E0000–U+E007F, ...), Zl (U+2028) and Zp (U+2029).
    ///
    /// One exception keeps emoji readable: a ZERO WIDTH JOINER (U+200D) between two emoji (an emoji ZWJ sequence
    /// such as 👩‍💻, a variation selector or skin-tone modifier allowed before the joiner) is kept, because the
    /// sequence draws as one visible picture. A ZWJ anywhere else is escaped. Every other character, the backslash
    /// included, is kept, so escaping twice changes nothing and text without such characters comes back unchanged.
    /// - Parameter text: Any text.
    /// - Returns: Text with no control, format, line- or paragraph-separator character in it (ZWJ inside emoji
    ///   sequences aside).
    public static func escaped(_ text: String) -> String {
        escaped(text) { scalar in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
    }

    /// `text` with the scalars ``escaped(_:)`` would escape (the same choice, ZWJ inside emoji sequences kept)
    /// spelled by `spelling`, for formats with escapes of their own: YAML's `\u202E` in a double-quoted scalar,
    /// XML's `&#x202E;`. A scalar for which `spelling` returns `nil` is kept as it is.
    /// - Parameters:
    ///   - text: Any text.
    ///   - spelling: The replacement of one scalar, or `nil` to keep it.
    /// - Returns: `text` itself when nothing is replaced.
    public static func escaped(_ text: String, spelling: (Unicode.Scalar) -> String?) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for index in scalars.indices {
            let scalar = scalars[index]
            if escapes(scalars, at: index), let replacement = spelling(scalar) {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True when ``escaped(_:spelling:)`` would offer at least one scalar of `text` for which `include` is true
    /// to its `spelling`.
    /// - Parameters:
    ///   - text: Any text.
    ///   - include: Which of the escaped scalars count.
    public static func containsEscaped(_ text: String, where include: (Unicode.Scalar) -> Bool = { _ in true }) -> Bool {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && include($0) }) else { return false }
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { include(scalars[$0]) && escapes(scalars, at: $0) }
    }

    /// True for the scalars ``escaped(_:)`` writes visibly wherever they stand: Unicode general categories Cc
    /// (control), Cf (format), Zl (line separator) and Zp (paragraph separator). ZERO WIDTH JOINER (U+200D) is
    /// among them; ``escaped(_:)`` keeps it only inside an emoji ZWJ sequence.
    /// - Parameter scalar: Any Unicode scalar.
    /// - Returns: Whether the scalar is a control, format or line/paragraph separator character.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Whether the scalar at `index` is written escaped: ``needsEscape(_:)``, except a ZWJ joining two emoji.
    private static func escapes(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard needsEscape(scalar) else { return false }
        guard scalar.value == 0x200D else { return true }
        return !joinsEmoji(scalars, at: index)
    }

    /// True when the ZWJ at `index` follows an emoji (skipping variation selectors and skin-tone modifiers) and
    /// precedes one. ASCII scalars with the Emoji property (digits, `#`, `*`) do not count as emoji here.
    private static func joinsEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value > 0x7F && scalar.properties.isEmoji
        }
        guard index + 1 < scalars.count, isPictographic(scalars[index + 1]) else { return false }
        var before = index - 1
        while before >= 0, scalars[before].value == 0xFE0F || scalars[before].properties.isEmojiModifier {
            before -= 1
        }
        return before >= 0 && isPictographic(scalars[before]) && !scalars[before].properties.isEmojiModifier
    }
}
