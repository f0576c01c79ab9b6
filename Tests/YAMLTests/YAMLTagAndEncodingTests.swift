import Foundation
import Testing
import YAML

/// Explicit tags are refused except the core schema's `!!str`/`!!seq`/`!!map`; UTF-16 and UTF-32 are refused as
/// not UTF-8.
@Suite struct YAMLTagAndEncodingTests {
    static func parse(_ text: String) throws -> YAMLDocument { try YAMLParser.parse(Data(text.utf8)) }

    @Test(arguments: [
        ("secret: !!binary aGVsbG8=\n", "!!binary", 1, 9),
        ("run: !!python/object:os.system [ls]\n", "!!python/object:os.system", 1, 6),
        ("a: 1\nb: !local value\n", "!local", 2, 4),
        ("a: !<tag:example.com,2026:x> v\n", "tag:example.com,2026:x", 1, 4),
        ("n: !!int 5\n", "!!int", 1, 4),
        ("f: !!float 1.5\n", "!!float", 1, 4),
        ("b: !!bool true\n", "!!bool", 1, 4),
        ("z: !!null ~\n", "!!null", 1, 4),
        ("t: !!timestamp 2026-01-01\n", "!!timestamp", 1, 4),
        ("s: ! text\n", "!", 1, 4),
        ("m: !!set {a, b}\n", "!!set", 1, 4),
        ("o: !!omap [a: 1]\n", "!!omap", 1, 4),
        ("l: !!str [a]\n", "!!str", 1, 4),
        ("l: !!map [a]\n", "!!map", 1, 4),
        ("l: !!seq {a: 1}\n", "!!seq", 1, 4),
        ("l: !!seq x\n", "!!seq", 1, 4),
        ("- !!binary x\n", "!!binary", 1, 3),
        ("!!binary key: 1\n", "!!binary", 1, 1),
    ])
    func refusesTags(_ text: String, _ tag: String, _ line: Int, _ column: Int) {
        let expected = YAMLError.unsupportedTag(tag: tag, at: Mark(line: line, column: column))
        #expect(throws: expected) { try Self.parse(text) }
    }

    @Test func refusedTagMessage() {
        #expect(YAMLError.unsupportedTag(tag: "!!binary", at: Mark(line: 1, column: 9)).description
            == "YAML tag '!!binary' is not supported: tenantplan reads values as written (only !!str, to keep a "
            + "value a string, is accepted); remove the tag")
        #expect(YAMLError.unsupportedTag(tag: "!a\u{1B}[2J", at: Mark(line: 1, column: 1)).description
            == "YAML tag '!a\\u{1B}[2J' is not supported: tenantplan reads values as written (only !!str, to keep a "
            + "value a string, is accepted); remove the tag")
    }

    @Test func coreTagsThatSayWhatIsWrittenAreAccepted() throws {
        let root = try #require(try Self.parse("a: !!str 5\nb: !!seq [x]\nc: !!map {k: v}\n").root)
        #expect(root.mapping?.map(\.keyText) == ["a", "b", "c"])
        #expect(root.mapping?[0].value.scalar == "5")
        #expect(root.mapping?[0].value.tag == "tag:yaml.org,2002:str")
        #expect(root.mapping?[1].value.sequence?.count == 1)
    }

    /// `tenant: x` in each wide encoding, with and without a byte-order mark.
    @Test(arguments: [
        ([0xFF, 0xFE] + Self.utf16LE("tenant: x\n"), "UTF-16 LE"),
        (Self.utf16LE("tenant: x\n"), "UTF-16 LE"),
        ([0xFE, 0xFF] + Self.utf16BE("tenant: x\n"), "UTF-16 BE"),
        (Self.utf16BE("tenant: x\n"), "UTF-16 BE"),
        ([0xFF, 0xFE, 0, 0] + Self.utf32LE("tenant: x\n"), "UTF-32 LE"),
        (Self.utf32LE("tenant: x\n"), "UTF-32 LE"),
        ([0, 0, 0xFE, 0xFF] + Self.utf32BE("tenant: x\n"), "UTF-32 BE"),
        (Self.utf32BE("tenant: x\n"), "UTF-32 BE"),
        (Self.utf16LE("a"), "UTF-16 LE"),
    ] as [([UInt8], String)])
    func refusesWideEncodings(_ bytes: [UInt8], _ encoding: String) {
        #expect(throws: YAMLError.notUTF8(encoding: encoding)) { try YAMLParser.parse(Data(bytes)) }
        #expect(YAMLError.notUTF8(encoding: encoding).description
            == "the file is not UTF-8 (looks like \(encoding)): save it as UTF-8")
        #expect(YAMLError.notUTF8(encoding: encoding).mark == Mark(line: 1, column: 1))
    }

    /// UTF-8, with or without its byte-order mark, short files and non-ASCII starts are not taken for wide text.
    @Test(arguments: [
        Array("tenant: x\n".utf8), [0xEF, 0xBB, 0xBF] + Array("tenant: x\n".utf8), Array("a\n".utf8), Array("a".utf8),
        [], Array("é: x\n".utf8), Array("東京: x\n".utf8),
    ] as [[UInt8]])
    func keepsUTF8(_ bytes: [UInt8]) {
        #expect(YAMLParser.wideEncoding(Data(bytes)) == nil)
        #expect((try? YAMLParser.parse(Data(bytes))) != nil)
    }

    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static func utf16BE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    static func utf32LE(_ text: String) -> [UInt8] {
        text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * UInt32($0))) & 0xFF) } }
    }
    static func utf32BE(_ text: String) -> [UInt8] { utf32LE(text).chunked4Reversed() }
}

extension Array where Element == UInt8 {
    fileprivate func chunked4Reversed() -> [UInt8] {
        stride(from: 0, to: count, by: 4).flatMap { self[$0..<Swift.min($0 + 4, count)].reversed() }
    }
}
