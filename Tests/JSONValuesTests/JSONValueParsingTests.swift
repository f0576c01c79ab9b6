import Foundation
import JSONValues
import Testing

/// `JSONValue(parsingUTF8:)` and `JSONValue(data:)` read what `JSONDecoder` decodes as a `JSONValue` (through its
/// `Decodable` conformance), to the same value, and refuse what it refuses.
@Suite struct JSONValueParsingTests {
    @Test func readsEveryKindApart() {
        let value = JSONValue(parsingUTF8: #" {"t": true, "f": false, "one": 1, "neg": -42, "big": 12345678901234, "half": 0.5, "exp": 1e3, "s": "x", "n": null, "a": [true, 1, [], {}]} "#)
        #expect(value == [
            "t": true, "f": false, "one": 1, "neg": -42, "big": .int(12_345_678_901_234), "half": .double(0.5),
            "exp": .int(1000), "s": "x", "n": nil, "a": [true, 1, [], [:]],
        ])
    }

    @Test func decodesEveryEscape() {
        let value = JSONValue(parsingUTF8: #"["a\"b\\c\/d\be\ff\ng\rh\ti", "\u00e9\u20AC", "\ud83d\ude00", "plain é €"]"#)
        #expect(value == ["a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti", "é€", "😀", "plain é €"])
    }

    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, #"[1.5, -0.25, 2E-2, 9223372036854775807, 9223372036854775808]"#,
        #"{"nested": {"deep": [{"x": "\u0041"}]}}"#, #""text""#, "17", "null",
        // Whole numbers written with a fraction or an exponent: `.int`, as JSONDecoder decodes them.
        "[1.0, 1e3, 1E2, 100e-2, 1.5e1, -0, -0.0, 0.0, 0e5, 120e-1, 7.50e1]",
        "[1e19, -9223372036854775808, -9223372036854775809.0, 9223372036854775807.0, 9007199254740993.0]",
        // A comma may end an array or an object: JSONDecoder allows it.
        "[1,]", #"{"a": 1,}"#, #"{"a": [true , ] , }"#,
        "\u{FEFF}[1]", #"["é", "\u00e9", "😀", "\ud83d\ude00"]"#, " \n\t\r[ ] ",
    ])
    func readsAsJSONDecoderDoes(text: String) throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(JSONValue(parsingUTF8: text) == decoded, "JSONDecoder read \(decoded)")
        #expect(try JSONValue(data: Data(text.utf8)) == decoded)
    }

    @Test func theKindsOfWholeNumbersAreExact() throws {
        #expect(JSONValue(parsingUTF8: "[1.0, 1e3, 100e-2, -0.0, 1e19, 0.5]")
            == [.int(1), .int(1000), .int(1), .int(0), .double(1e19), .double(0.5)])
    }

    @Test(arguments: [
        "", "  ", "{", "[,]", "[1,,]", "{,}", #"{"a": 1,,}"#, "[1 2]", #"{"a" 1}"#, "01", "-", "1.", ".5", "1e", "tru", "nul",
        #""unterminated"#, "\"tab\tinside\"", #""\x""#, #""\u12G4""#, "[1] 2", "{} x",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(JSONValue(parsingUTF8: text) == nil)
        #expect(throws: DecodingError.self) { try JSONValue(data: Data(text.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }

    /// Strings JSONDecoder refuses: unpaired surrogates, bytes that are not UTF-8 (a stray continuation byte, a
    /// truncated sequence, an overlong encoding), inside and outside escapes.
    @Test(arguments: [
        Array(#"["\ud800"]"#.utf8), Array(#"["\udc00"]"#.utf8), Array(#"["\ud800\u0041"]"#.utf8),
        Array(#"["\ud800x"]"#.utf8), Array(#"["a"#.utf8) + [0xFF] + Array(#""]"#.utf8),
        Array(#"["a"#.utf8) + [0xC3] + Array(#""]"#.utf8), Array(#"["\n"#.utf8) + [0x80] + Array(#""]"#.utf8),
        Array(#"{"k"#.utf8) + [0xC0, 0xAF] + Array(#"": 1}"#.utf8),
    ] as [[UInt8]])
    func refusesStringsThatAreNotUnicode(bytes: [UInt8]) {
        #expect(throws: DecodingError.self) { try JSONValue(data: Data(bytes)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) }
    }

    @Test(arguments: ["1e400", "[-1e400]"])
    func refusesNumbersADoubleCannotHold(text: String) {
        #expect(JSONValue(parsingUTF8: text) == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }
}
