import Foundation
import Testing

@testable import JSONValues

/// ``JSONWriter`` writes the bytes `JSONEncoder` writes (sorted keys, unescaped slashes, pretty or compact).
@Suite struct JSONWriterTests {
    /// The bytes of Foundation's encoder, the reference.
    static func foundation(_ value: JSONValue, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static let values: [JSONValue] = [
        .null, true, false, 0, -42, .int(Int.max), .int(Int.min), "", "plain",
        .string("a/b\"c\\\u{1}\u{8}\u{c}\n\r\t\u{7f}é😀\u{2028}\u{1f}\u{0}"),
        .double(0.1), .double(1.5), .double(1e20), .double(1e-7), .double(-0.0), .double(3.0e15), .double(1e16),
        [], [:], [[]], [[:]], ["a": [], "b": [:]], [1, "two", nil, [3, [4]]],
        ["a10": 1, "a2": 2, "B": 3, "a": 4, "_x": 5, "A": 6, "é": 7, "e": 8, "Z": 9, "a-b": 10, "１": 11, "1": 12],
        [
            "id": "org_1", "name": "acme", "metadata": ["tier": "gold", "url": "https://acme.example/x?y=1&z"],
            "enabled_connections": [["connection_id": "con_1", "assign_membership_on_login": false]],
            "branding": ["colors": ["primary": "#0059d6"], "logo_url": nil], "ratio": .double(0.25),
        ],
    ]

    @Test(arguments: values, [false, true])
    func writesWhatJSONEncoderWrites(_ value: JSONValue, pretty: Bool) {
        #expect(String(decoding: value.encoded(pretty: pretty), as: UTF8.self) == Self.foundation(value, pretty: pretty))
    }

    @Test func exactTexts() {
        let value: JSONValue = ["b": [1, []], "a": ["c": [:], "s": "x/\"\u{1}"]]
        #expect(value.compactText == #"{"a":{"c":{},"s":"x/\"\u0001"},"b":[1,[]]}"#)
        #expect(
            String(decoding: value.encoded(pretty: true), as: UTF8.self)
                == "{\n  \"a\" : {\n    \"c\" : {\n\n    },\n    \"s\" : \"x/\\\"\\u0001\"\n  },\n  \"b\" : [\n    1,\n    [\n\n    ]\n  ]\n}")
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
    func aNumberJSONCannotHoldEncodesAsNull(_ number: Double) {
        #expect(JSONValue.array([1, .double(number)]).compactText == "null")
        #expect(JSONWriter.encode(.double(number), pretty: false) == nil)
    }
}
