/// How the `text` formats are decorated: plain, or with ANSI colours for a terminal (`+` green, `~` yellow,
/// `-` red, warnings and `!` lines bold).
///
/// Colour is applied by the renderers to text they have already escaped (``TerminalText/escaped(_:)``), never
/// to user text itself, so a name can neither carry its own escape sequences nor break the colouring.
/// Whether to colour follows <https://no-color.org>: see ``forOutput(isTerminal:environment:noColorFlag:)``.
public struct TextStyle: Sendable, Equatable {
    /// True when ANSI colour sequences (SGR, ECMA-48) are written.
    public let colour: Bool

    /// No decoration: files, pipes, `NO_COLOR`, `--no-color`, and every test that does not ask for colour.
    public static let plain = TextStyle(colour: false)
    /// ANSI colour.
    public static let terminal = TextStyle(colour: true)

    /// Creates a style.
    public init(colour: Bool) { self.colour = colour }

    /// The style for standard output: colour only when it is a terminal, `NO_COLOR` is unset or empty
    /// (<https://no-color.org>), `TERM` is not `dumb`, and `--no-color` was not given.
    /// - Parameters:
    ///   - isTerminal: Whether standard output is a terminal (`isatty(1)`).
    ///   - environment: The process environment.
    ///   - noColorFlag: Whether `--no-color` was given.
    public static func forOutput(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> TextStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TextStyle(colour: isTerminal && !noColor && !dumb && !noColorFlag)
    }

    /// `text` in green (SGR 32).
    public func green(_ text: String) -> String { sgr("32", text) }
    /// `text` in yellow (SGR 33).
    public func yellow(_ text: String) -> String { sgr("33", text) }
    /// `text` in red (SGR 31).
    public func red(_ text: String) -> String { sgr("31", text) }
    /// `text` in bold (SGR 1).
    public func bold(_ text: String) -> String { sgr("1", text) }

    /// A plan symbol in its colour: `+` green, `~` yellow, `-` red, `-/+` red and green; others as they are.
    public func symbol(_ symbol: String) -> String {
        switch symbol {
        case "+": return green(symbol)
        case "~": return yellow(symbol)
        case "-": return red(symbol)
        case "-/+": return red("-") + "/" + green("+")
        default: return symbol
        }
    }

    private func sgr(_ code: String, _ text: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
