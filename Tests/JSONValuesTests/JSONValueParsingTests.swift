import Foundation
import JSONValues
import Testing

/// `JSONValue(parsingUTF8:)` reads what `JSONValue(data:)` (JSONDecoder) reads, to the same value.
@Suite struct JSONValueParsingTests {
    @Test func readsEveryKindApart() {
        let value = JSONValue(parsingUTF8: #" {"t": true, "f": false, "one": 1, "neg": -42, "big": 12345678901234, "half": 0.5, "exp": 1e3, "s": "x", "n": null, "a": [true, 1, [], {}]} "#)
        #expect(value == [
            "t": true, "f": false, "one": 1, "neg": -42, "big": .int(12_345_678_901_234), "half": .double(0.5),
            "exp": .double(1000), "s": "x", "n": nil, "a": [true, 1, [], [:]],
        ])
    }

    @Test func decodesEveryEscape() {
        let value = JSONValue(parsingUTF8: #"["a\"b\\c\/d\be\ff\ng\rh\ti", "\u00e9\u20AC", "\ud83d\ude00", "plain é €"]"#)
        #expect(value == ["a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti", "é€", "😀", "plain é €"])
    }

    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, #"[1.5, -0.25, 2E-2, 9223372036854775807, 9223372036854775808]"#,
        #"{"nested": {"deep": [{"x": "\u0041"}]}}"#, #""text""#, "17", "null",
    ])
    func readsAsJSONDecoderDoes(text: String) throws {
        let decoded = try JSONValue(data: Data(text.utf8))
        #expect(JSONValue(parsingUTF8: text) == decoded, "JSONDecoder read \(decoded)")
    }

    @Test(arguments: [
        "", "  ", "{", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a": 1,}"#, "01", "-", "1.", ".5", "1e", "tru", "nul",
        #""unterminated"#, "\"tab\tinside\"", #""\x""#, #""\u12G4""#, "[1] 2", "{} x",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(JSONValue(parsingUTF8: text) == nil)
    }
}
