/// How many terminal columns escaped text takes, for lining up columns (the YAML locations of a plan).
///
/// Follows the East Asian Width property of Unicode Standard Annex #11 in the common approximation terminals use
/// (as `wcwidth`): wide and fullwidth characters (CJK, Hangul, fullwidth forms, most emoji) take 2 columns,
/// combining marks, variation selectors and zero-width characters 0, everything else 1. Meant for text already
/// passed through ``TerminalText/escaped(_:)``, which has no control characters left.
public enum TerminalWidth {
    /// The columns `text` takes on a terminal.
    /// - Parameter text: Escaped text (no control characters).
    /// - Returns: The width in columns.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    /// The columns one scalar takes: 0, 1 or 2.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch value {
        case 0x200B, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default: return 1
        }
    }
}
