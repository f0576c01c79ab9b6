import Foundation
import Testing
import YAML

@Suite struct YAMLParserTests {
    static func parse(_ text: String) throws -> YAMLDocument { try YAMLParser.parse(Data(text.utf8)) }

    @Test func marksAreOneBased() throws {
        let document = try Self.parse("a:\n  b: [x, 'y']\n")
        let root = try #require(document.root)
        #expect(root.mark == Mark(line: 1, column: 1))
        let b = try #require(root.mapping?.first?.value.mapping?.first)
        #expect(b.key.mark == Mark(line: 2, column: 3))
        #expect(b.value.mark == Mark(line: 2, column: 6))
        #expect(b.value.sequence?.map(\.content) == [.scalar("x", .plain), .scalar("y", .singleQuoted)])
    }

    @Test func duplicateKeysReportedFirstKept() throws {
        let document = try Self.parse("a: 1\nb: 2\na: 3\n")
        #expect(document.duplicateKeys == [DuplicateKey(key: "a", mark: Mark(line: 3, column: 1), firstMark: Mark(line: 1, column: 1))])
        #expect(document.root?.mapping?.map(\.keyText) == ["a", "b"])
        #expect(document.root?.mapping?.first?.value.scalar == "1")
    }

    @Test func syntaxErrorCarriesProblemAndContext() {
        #expect(throws: YAMLError.syntax(
            problem: "did not find expected ',' or '}'", at: Mark(line: 2, column: 2),
            context: "while parsing a flow mapping", contextMark: Mark(line: 1, column: 4))) {
            try Self.parse("a: { b: 1\nc: 2\n")
        }
    }

    @Test func aliasesResolveAndUnknownAliasFails() throws {
        let document = try Self.parse("base: &b { x: 1 }\ncopy: *b\n")
        #expect(document.root?.mapping?[1].value.mapping?.first?.keyText == "x")
        #expect(throws: YAMLError.undefinedAlias(name: "nope", at: Mark(line: 1, column: 4))) {
            try Self.parse("a: *nope\n")
        }
    }

    @Test func emptyFileHasNoRootAndSecondDocumentFails() throws {
        #expect(try Self.parse("# only a comment\n").root == nil)
        #expect(throws: YAMLError.multipleDocuments(at: Mark(line: 2, column: 1))) {
            try Self.parse("a: 1\n---\nb: 2\n")
        }
    }

    @Test func nullScalars() throws {
        let values = try #require(try Self.parse("[~, null, '', x]\n").root?.sequence)
        #expect(values.map(\.isNull) == [true, true, false, false])
    }

    @Test func countEventsMatchesStructure() throws {
        // stream start, document start, mapping start, 2 scalars, mapping end, document end (stream end not counted).
        #expect(try YAMLParser.countEvents(Data("a: 1\n".utf8)) == 7)
    }
}

@Suite struct YAMLDepthTests {
    /// Found by a new user: 50,000 nested `[` crashed the process (stack overflow); now a clear error.
    @Test func deepNestingIsRefusedNotACrash() throws {
        let n = 50_000
        let text = "x: " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n"
        #expect(throws: YAMLError.tooDeep(at: Mark(line: 1, column: 4 + YAMLParser.maximumDepth - 1))) {
            try YAMLParser.parse(Data(text.utf8))
        }
        let fine = "x: " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "\n"
        #expect(try YAMLParser.parse(Data(fine.utf8)).root != nil)
    }
}

@Suite struct YAMLLimitTests {
    /// `n` aliases of a one-node anchor in a flow sequence on line 2.
    static func aliases(_ n: Int) -> String {
        "a: &s x\nb: [" + Array(repeating: "*s", count: n).joined(separator: ", ") + "]\n"
    }

    @Test func aliasBudgetAllowsExactlyTheLimit() throws {
        let limit = YAMLParser.maximumAliasNodes
        #expect(try YAMLParser.parse(Data(Self.aliases(limit).utf8)).root?.mapping?[1].value.sequence?.count == limit)
        #expect(throws: YAMLError.aliasBudgetExceeded(at: Mark(line: 2, column: 5 + limit * 4))) {
            try YAMLParser.parse(Data(Self.aliases(limit + 1).utf8))
        }
    }

    @Test func quotedKeysThatLookLikeNullOrMergeAreStrings() throws {
        let root = try #require(try YAMLParser.parse(Data("\"~\": 1\n'<<': 2\n\"\": 3\n".utf8)).root)
        #expect(root.mapping?.map(\.keyText) == ["~", "<<", ""])
    }

    @Test func byteMarksCountLinesAndCharacters() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\r\nc\u{e9}d\re".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            // 'd' is byte 3 + 2 + 2 + 1 + 2 = 10: line 2, after 'c' and 'é'.
            #expect(YAMLParser.mark(ofByte: 10, in: buffer) == Mark(line: 2, column: 3))
            #expect(YAMLParser.mark(ofByte: 12, in: buffer) == Mark(line: 3, column: 1))
        }
    }
}
