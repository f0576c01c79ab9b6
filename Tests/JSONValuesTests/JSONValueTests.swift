import Foundation
import JSONValues
import Testing

@Suite struct JSONValueTests {
    @Test func decodingKeepsBooleansIntegersAndFractionsApart() throws {
        let value = try JSONValue(data: Data(#"{"t": true, "f": false, "one": 1, "zero": 0, "big": 12345678901234, "half": 0.5, "s": "x", "n": null, "a": [true, 1]}"#.utf8))
        #expect(value == [
            "t": true, "f": false, "one": 1, "zero": 0, "big": .int(12_345_678_901_234), "half": .double(0.5), "s": "x",
            "n": nil, "a": [true, 1],
        ])
    }

    @Test func encodingIsSortedAndRoundTrips() throws {
        let value: JSONValue = ["b": [1, "two", false], "a": ["strategy_version": 2, "url": "https://x/y"]]
        let text = String(decoding: value.encoded(), as: UTF8.self)
        #expect(text == #"{"a":{"strategy_version":2,"url":"https://x/y"},"b":[1,"two",false]}"#)
        #expect(try JSONValue(data: value.encoded(pretty: true)) == value)
    }

    @Test func codableDecodingAgrees() throws {
        let data = Data(#"{"x": [true, 2, 2.5, "s", null]}"#.utf8)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == (try JSONValue(data: data)))
    }
}
