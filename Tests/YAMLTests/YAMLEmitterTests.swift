import Foundation
import Testing
import YAML

@Suite struct YAMLEmitterTests {
    /// Reads emitted text back with the project's parser, scalars in the YAML 1.2 core schema (as tenantplan's
    /// loader reads connection options): quoted and block scalars are strings; plain ones may be null, a bool or
    /// a number.
    static func readBack(_ text: String) throws -> YAMLEmitter.Value? {
        let document = try YAMLParser.parse(Data(text.utf8))
        #expect(document.duplicateKeys.isEmpty)
        return document.root.map(value)
    }

    static func value(_ node: YAMLNode) -> YAMLEmitter.Value {
        switch node.content {
        case .scalar(let text, let style):
            guard style == .plain, node.tag == nil else { return .string(text) }
            if node.isNull { return .null }
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            if let number = Int(text) { return .int(number) }
            if text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let number = Double(text) {
                return .double(number)
            }
            return .string(text)
        case .sequence(let items): return .sequence(items.map(value))
        case .mapping(let pairs): return .mapping(pairs.map { YAMLEmitter.Entry($0.keyText, value($0.value)) })
        }
    }

    @Test func tenantFileInBlockStyle() throws {
        let tree: YAMLEmitter.Value = [
            "tenant": ["domain": "example-prod.eu.auth0.com"],
            "connections": [
                [
                    "name": "Username-Password-Authentication",
                    "strategy": "auth0",
                    "options": ["brute_force_protection": true, "passwordPolicy": "good", "strategy_version": 2],
                    "enabled_clients": ["saas-web"],
                ]
            ],
            "clients": [],
            "roles": [["name": "member", "description": "Regular member"]],
        ]
        #expect(try YAMLEmitter.emit(tree) == """
            tenant:
              domain: example-prod.eu.auth0.com
            connections:
            - name: Username-Password-Authentication
              strategy: auth0
              options:
                brute_force_protection: true
                passwordPolicy: good
                strategy_version: 2
              enabled_clients:
              - saas-web
            clients: []
            roles:
            - name: member
              description: Regular member

            """)
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }

    @Test(arguments: [
        ("", #"k: """#), ("true", #"k: "true""#), ("False", #"k: "False""#), ("yes", #"k: "yes""#),
        ("off", #"k: "off""#), ("null", #"k: "null""#), ("~", #"k: "~""#), ("123", #"k: "123""#),
        ("-7", #"k: "-7""#), ("1.5", #"k: "1.5""#), ("1e3", #"k: "1e3""#), ("0x1F", #"k: "0x1F""#),
        ("0o17", #"k: "0o17""#), (".inf", #"k: ".inf""#), ("-.Inf", #"k: "-.Inf""#), (".NaN", #"k: ".NaN""#),
        ("1_000", #"k: "1_000""#), ("1:30", #"k: "1:30""#), ("2027-01-31", #"k: "2027-01-31""#),
        ("10.0.0.1", #"k: "10.0.0.1""#),
    ])
    func stringsThatReadAsOtherTypesAreDoubleQuoted(_ text: String, _ line: String) throws {
        #expect(YAMLEmitter.needsQuotes(text))
        let tree: YAMLEmitter.Value = ["k": .string(text)]
        #expect(try YAMLEmitter.emit(tree) == line + "\n")
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }

    @Test(arguments: [
        ("good", "k: good"), ("truth", "k: truth"), ("v1.2", "k: v1.2"), ("e", "k: e"), ("-", "k: '-'"),
        ("#0059d6", "k: '#0059d6'"), ("a: b", "k: 'a: b'"), ("a #b", "k: 'a #b'"), ("it's", "k: it's"),
        ("[x]", "k: '[x]'"), ("@x", "k: '@x'"), ("*x", "k: '*x'"), ("!x", "k: '!x'"), (" lead", "k: ' lead'"),
        ("trail ", "k: 'trail '"), ("https://x.example/a?b=c#d", "k: https://x.example/a?b=c#d"),
        ("${env:X}", "k: ${env:X}"), ("ünïcode", "k: ünïcode"), ("\t", #"k: "\t""#), ("a\r\nb", #"k: "a\r\nb""#),
        ("\u{1}", #"k: "\x01""#), ("crème brûlée", "k: crème brûlée"), ("a\u{2028}b", #"k: "a\Lb""#),
        ("a\u{85}b", #"k: "a\Nb""#), ("a\rb", #"k: "a\rb""#),
    ])
    func otherStringsAreWrittenAsLibyamlChooses(_ text: String, _ line: String) throws {
        #expect(!YAMLEmitter.needsQuotes(text))
        let tree: YAMLEmitter.Value = ["k": .string(text)]
        #expect(try YAMLEmitter.emit(tree) == line + "\n")
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }

    /// A block that keeps its trailing line breaks (`|+`) makes libyaml close the document with `...`, so that
    /// nothing after it could be read as part of the string.
    @Test func multilineStringsAreLiteralBlocks() throws {
        let tree: YAMLEmitter.Value = [
            "kept": "line1\nline2\n", "stripped": "line1\nline2", "indented": "  x\ny", "blank": "\n\nx\n\n",
            "trailing space": "x \ny",
        ]
        #expect(try YAMLEmitter.emit(tree) == """
            kept: |
              line1
              line2
            stripped: |-
              line1
              line2
            indented: |2-
                x
              y
            blank: |2+


              x

            trailing space: "x \\ny"
            ...

            """)
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }

    @Test func scalarsOfEveryTypeRoundTrip() throws {
        let tree: YAMLEmitter.Value = [
            "null": nil, "bool": false, "int": -42, "double": 1.5, "whole double": 2.0, "big": 1e20,
            "small": .double(.leastNonzeroMagnitude),  // 5e-324: as a literal it warns that it underflows
            "empty list": [], "empty map": [:], "nested": [[1, "1"], ["a": ["b": "c"]]],
            "true": "key that reads as a bool", "123": "key that reads as a number",
        ]
        let text = try YAMLEmitter.emit(tree)
        #expect(text == """
            "null": null
            bool: false
            int: -42
            double: 1.5
            whole double: 2.0
            big: 1e+20
            small: 5e-324
            empty list: []
            empty map: {}
            nested:
            - - 1
              - "1"
            - a:
                b: c
            "true": key that reads as a bool
            "123": key that reads as a number

            """)
        #expect(try Self.readBack(text) == tree)
    }

    @Test func rootScalarAndEmptyDocument() throws {
        #expect(try YAMLEmitter.emit("scalar") == "scalar\n")
        #expect(try YAMLEmitter.emit("") == "\"\"\n")
        #expect(try YAMLEmitter.emit([]) == "[]\n")
        #expect(try Self.readBack(YAMLEmitter.emit("")) == "")
    }

    @Test func keysWithLineBreaksRoundTrip() throws {
        let tree: YAMLEmitter.Value = ["line\nkey": "v", "": "empty key"]
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: YAMLEmitterError.nonFiniteNumber("inf")) { try YAMLEmitter.emit(["x": .double(.infinity)]) }
        #expect(throws: YAMLEmitterError.nonFiniteNumber("nan")) { try YAMLEmitter.emit([.double(.nan)]) }
        #expect(YAMLEmitterError.nonFiniteNumber("inf").description == "cannot write YAML: infinite or NaN number 'inf'")
    }

    /// Found while writing the export: a certificate or script as one value survives a round trip unchanged.
    @Test func certificateAndScriptRoundTrip() throws {
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIC8DCCAdigAwIBAgIQ\n-----END CERTIFICATE-----\n"
        let script = "function login(email, password, callback) {\n  return callback(null, { id: 'x|' + email });\n}"
        let tree: YAMLEmitter.Value = ["signingCert": .string(certificate), "login": .string(script)]
        #expect(try YAMLEmitter.emit(tree) == """
            signingCert: |
              -----BEGIN CERTIFICATE-----
              MIIC8DCCAdigAwIBAgIQ
              -----END CERTIFICATE-----
            login: |-
              function login(email, password, callback) {
                return callback(null, { id: 'x|' + email });
              }

            """)
        #expect(try Self.readBack(YAMLEmitter.emit(tree)) == tree)
    }
}
