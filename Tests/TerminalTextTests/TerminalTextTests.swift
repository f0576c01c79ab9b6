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
        // Format characters (general category Cf): each one prints as nothing or changes nothing visible.
        ("user\u{200B}_id", "user\\u{200B}_id"),
        ("\u{200C}\u{200E}\u{200F}", "\\u{200C}\\u{200E}\\u{200F}"),
        ("a\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}b", "a\\u{2060}\\u{2061}\\u{2062}\\u{2063}\\u{2064}b"),
        ("acme\u{FEFF}-entra", "acme\\u{FEFF}-entra"),
        ("soft\u{AD}hyphen", "soft\\u{AD}hyphen"),
        ("\u{61C}\u{180E}\u{206A}\u{206F}", "\\u{61C}\\u{180E}\\u{206A}\\u{206F}"),
        ("tag\u{E0001}\u{E0041}\u{E007F}", "tag\\u{E0001}\\u{E0041}\\u{E007F}"),
        ("\u{FFF9}\u{FFFB}\u{110BD}", "\\u{FFF9}\\u{FFFB}\\u{110BD}"),
        // A ZWJ outside an emoji sequence is escaped: between letters, at either end, beside an ASCII digit.
        ("ad\u{200D}min", "ad\\u{200D}min"),
        ("\u{200D}admin\u{200D}", "\\u{200D}admin\\u{200D}"),
        ("1\u{200D}\u{FE0F}2", "1\\u{200D}\u{FE0F}2"),
        ("👩\u{200D}x", "👩\\u{200D}x"),
        ("x\u{200D}💻", "x\\u{200D}💻"),
    ])
    func escapesControlBidiAndSeparators(_ input: String, _ expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    /// Printable text, including non-ASCII letters, emoji, backslashes and the neighbours of the escaped ranges,
    /// comes back unchanged; escaping twice changes nothing.
    @Test(arguments: [
        "acme-entra", "Zürich Ärzte", "東京", "👩‍💻 team", "C:\\path\\n", " ~", "\u{A0}nbsp", "\u{A1}",
        "\u{2027}\u{202F}\u{2065}", "",
        // Emoji ZWJ sequences keep their joiners: person + laptop, family, rainbow flag (with VS16), skin tone.
        "👨\u{200D}👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈", "👩🏽\u{200D}💻", "é漢字",
    ])
    func keepsPrintableText(_ text: String) {
        #expect(TerminalText.escaped(text) == text)
        #expect(TerminalText.escaped(TerminalText.escaped("\u{1B}\(text)\n")) == "\\u{1B}\(text)\\n")
    }
}
