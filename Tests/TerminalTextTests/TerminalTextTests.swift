import Testing
import TerminalText

/// The one escaping function for text printed on a terminal.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[2J\nPlan: 0 to add, 0 to change, 0 to destroy.", "\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."),
        ("a\tb\rc\nd", "a\\tb\\rc\\nd"),
        ("\u{0}\u{7}\u{8}\u{1F}", "\\u{0}\\u{7}\\u{8}\\u{1F}"),
        ("del\u{7F}", "del\\u{7F}"),
        ("c1\u{80}\u{9B}31m\u{9F}", "c1\\u{80}\\u{9B}31m\\u{9F}"),
        ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u{202A}\\u{202B}\\u{202C}\\u{202D}"),
        ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "\\u{2066}x\\u{2067}y\\u{2068}z\\u{2069}"),
        ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
    ])
    func escapesControlBidiAndSeparators(_ input: String, _ expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    /// Printable text, including non-ASCII letters, emoji, backslashes and the neighbours of the escaped ranges,
    /// comes back unchanged; escaping twice changes nothing.
    @Test(arguments: [
        "acme-entra", "Zürich Ärzte", "東京", "👩‍💻 team", "C:\\path\\n", " ~", "\u{A0}nbsp", "\u{A1}",
        "\u{2029}".isEmpty ? "" : "\u{2027}\u{202F}\u{2065}\u{206A}", "",
    ])
    func keepsPrintableText(_ text: String) {
        #expect(TerminalText.escaped(text) == text)
        #expect(TerminalText.escaped(TerminalText.escaped("\u{1B}\(text)\n")) == "\\u{1B}\(text)\\n")
    }
}
