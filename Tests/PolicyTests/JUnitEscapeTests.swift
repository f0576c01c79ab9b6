import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Output

/// JUnit XML written for reviewers and CI parsers: markup characters as entities; controls, format and
/// separator characters as numeric character references where XML 1.0 allows them, and visibly escaped where it
/// does not (never U+FFFD).
@Suite struct JUnitEscapeTests {
    @Test(arguments: [
        ("evil\u{202E}txt", "evil&#x202E;txt"),
        ("user\u{200B}_id\u{FEFF}", "user&#x200B;_id&#xFEFF;"),
        ("\u{2066}x\u{2069}\u{200E}", "&#x2066;x&#x2069;&#x200E;"),
        ("esc\u{1B}[2J", "esc\\u{1B}[2J"),
        ("nul\u{0}bel\u{7}", "nul\\u{0}bel\\u{7}"),
        ("a\tb\nc\rd", "a&#x9;b&#xA;c&#xD;d"),
        ("del\u{7F}c1\u{85}\u{9B}", "del&#x7F;c1&#x85;&#x9B;"),
        ("ls\u{2028}ps\u{2029}", "ls&#x2028;ps&#x2029;"),
        ("non\u{FFFE}\u{FFFF}", "non\\u{FFFE}\\u{FFFF}"),
        ("<a href=\"x\">&'", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"),
        ("Zürich 東京 👩\u{200D}💻", "Zürich 東京 👩\u{200D}💻"),
        ("tag\u{E0041}", "tag&#xE0041;"),
    ])
    func escapes(_ text: String, _ expected: String) throws {
        let escaped = FindingsJUnit.escape(text)
        #expect(escaped == expected)
        // The result parses as XML and reads back as the text, the characters XML cannot hold aside.
        let document = try XMLDocument(xmlString: "<t a=\"\(escaped)\">\(escaped)</t>")
        let element = try #require(document.rootElement())
        let forbidden = text.unicodeScalars.contains {
            ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || (0xFFFE...0xFFFF).contains($0.value)
        }
        if !forbidden {
            #expect(element.stringValue == text)
            #expect(element.attribute(forName: "a")?.stringValue == text)
        }
    }
}
