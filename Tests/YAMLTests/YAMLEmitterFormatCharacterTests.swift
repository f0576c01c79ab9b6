import Foundation
import Testing
import YAML

/// Invisible format characters (Unicode category Cf) in emitted YAML are written as escapes in a double-quoted
/// scalar, so a reviewer of the file sees them, and the file reads back to the same strings.
@Suite struct YAMLEmitterFormatCharacterTests {
    @Test(arguments: [
        ("evil\u{202E}txt.exe", #""evil\u202Etxt.exe""#),
        ("user\u{200B}_id", #""user\u200B_id""#),
        ("\u{200E}\u{200F}\u{2066}x\u{2069}", #""\u200E\u200F\u2066x\u2069""#),
        ("a\u{2060}b\u{AD}c", #""a\u2060b\u00ADc""#),
        ("acme\u{FEFF}", #""acme\uFEFF""#),
        ("\u{61C}\u{180E}", #""\u061C\u180E""#),
        ("tag\u{E0041}", #""tag\U000E0041""#),
        ("ad\u{200D}min", #""ad\u200Dmin""#),
        ("esc\u{1B}[2J", #""esc\e[2J""#),
    ])
    func formatCharactersAreEscaped(_ text: String, _ written: String) throws {
        let value = YAMLEmitter.Value.mapping([YAMLEmitter.Entry("name", .string(text)), YAMLEmitter.Entry(text, 1)])
        let yaml = try YAMLEmitter.emit(value)
        #expect(yaml == "name: \(written)\n\(written): 1\n")
        #expect(!yaml.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(try YAMLEmitterTests.readBack(yaml) == value)
    }

    /// Text without format characters is written as before; emoji ZWJ sequences round-trip.
    @Test(arguments: ["acme-entra", "Zürich Ärzte", "東京", "👩\u{200D}💻 team", "🏳\u{FE0F}\u{200D}🌈", "C:\\path\\u202E"])
    func otherTextRoundTrips(_ text: String) throws {
        let value = YAMLEmitter.Value.mapping([YAMLEmitter.Entry("name", .string(text))])
        let yaml = try YAMLEmitter.emit(value)
        #expect(try YAMLEmitterTests.readBack(yaml) == value)
    }

    @Test func plainTextKeepsItsStyle() throws {
        #expect(try YAMLEmitter.emit(.mapping([YAMLEmitter.Entry("name", "Zürich Ärzte")])) == "name: Zürich Ärzte\n")
    }
}
