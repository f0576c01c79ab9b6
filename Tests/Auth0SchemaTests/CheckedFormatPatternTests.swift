import Auth0Schema
import Foundation
import Testing

/// `SchemaValidator.checkedFormatPatterns` (the editor schema's stand-in for a `format` other validators do not
/// know) accepts exactly what the format check accepts.
@Suite struct CheckedFormatPatternTests {
    @Test func everyPatternBelongsToACheckedFormat() {
        #expect(SchemaValidator.checkedFormatPatterns.keys.sorted() == ["organization-name"])
        #expect(SchemaValidator.checkedFormatPatterns.keys.allSatisfy { SchemaValidator.checkedFormats[$0] != nil })
    }

    /// Not `"acme\n"`: ICU's `$` (and Python's) also matches before a final newline, ECMA-262's (editors') does
    /// not; the loader refuses it either way.
    @Test(arguments: [
        "acme", "a", "0", "a_b-c", "-", "_", "Acme", "a b", "a.b", "\u{E1}cme", "a\u{0}", "", "ACME", "\nacme",
        "\u{FF41}cme",
    ])
    func organizationNamePattern(_ text: String) throws {
        let pattern = try #require(SchemaValidator.checkedFormatPatterns["organization-name"])
        let check = try #require(SchemaValidator.checkedFormats["organization-name"])
        let regex = try NSRegularExpression(pattern: pattern)
        let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        #expect(matches == check(text))
    }
}
