import Output
import Testing
import TerminalText

/// Colour decisions (no-color.org), colour applied after escaping, the location column for long names, and
/// quoted paths in hints.
@Suite struct TextStyleTests {
    @Test(arguments: [
        (true, [String: String](), false, true),
        (false, [:], false, false),
        (true, ["NO_COLOR": "1"], false, false),
        (true, ["NO_COLOR": ""], false, true),
        (true, ["TERM": "dumb"], false, false),
        (true, ["TERM": "xterm-256color"], true, false),
    ])
    func colourDecision(_ terminal: Bool, _ environment: [String: String], _ flag: Bool, _ colour: Bool) {
        #expect(TextStyle.forOutput(isTerminal: terminal, environment: environment, noColorFlag: flag).colour == colour)
    }

    @Test func symbolsAndBold() {
        let style = TextStyle.terminal
        #expect(style.symbol("+") == "\u{1B}[32m+\u{1B}[0m")
        #expect(style.symbol("~") == "\u{1B}[33m~\u{1B}[0m")
        #expect(style.symbol("-") == "\u{1B}[31m-\u{1B}[0m")
        #expect(style.symbol("-/+") == "\u{1B}[31m-\u{1B}[0m/\u{1B}[32m+\u{1B}[0m")
        #expect(style.bold("! x") == "\u{1B}[1m! x\u{1B}[0m")
        #expect(TextStyle.plain.symbol("+") == "+")
        #expect(TextStyle.plain.bold("! x") == "! x")
    }

    @Test(arguments: [
        ("  + role \"member\"", 56),
        (String(repeating: "x", count: 56), 56),
        (String(repeating: "x", count: 57), 57),
        (String(repeating: "x", count: 96), 96),
        (String(repeating: "x", count: 97), 56),
    ])
    func locationColumn(_ head: String, _ column: Int) {
        #expect(PlanTextRenderer.column(for: [head]) == column)
    }

    @Test(arguments: [("abc", 3), ("日本", 4), ("e\u{301}", 1), ("\u{1F600}", 2), ("a\u{200B}b", 2)])
    func terminalWidth(_ text: String, _ width: Int) {
        #expect(TerminalWidth.of(text) == width)
    }

    @Test(arguments: [
        ("tenants/prod", "tenants/prod"), ("my tenants/prod", "'my tenants/prod'"), ("it's", "'it'\\''s'"),
        ("", "''"), ("a;rm -rf", "'a;rm -rf'"), ("$HOME", "'$HOME'"),
    ])
    func shellWord(_ word: String, _ quoted: String) {
        #expect(ShellWord.quoted(word) == quoted)
    }
}
