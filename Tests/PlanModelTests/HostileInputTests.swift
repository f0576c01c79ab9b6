import Foundation
import JSONValues
import PlanModel
import Testing
import TestSupport
import YAML

/// Hostile YAML in a customer file: each input with the whole error text the loader reports.
@Suite struct HostileInputTests {
    /// Loads `tenant.yaml` (``LoadErrorTests/tenantYAML``) and `customers/acme.yaml` holding `bytes`.
    static func load(bytes: [UInt8], tenant: String = LoadErrorTests.tenantYAML) throws -> (LoadResult, [String]) {
        let work = try CaseWorkspace("hostile", tenant: tenant, customers: ["acme": ""], at: "t")
        try Data(bytes).write(to: URL(fileURLWithPath: work.path("t/customers/acme.yaml")))
        let result = work.load("t")
        return (result, result.diagnostics.map(\.description))
    }

    static func load(_ text: String) throws -> [String] { try load(bytes: Array(text.utf8)).1 }

    /// A customer file whose enterprise connection's `options` end with `options` (indented by 6).
    static func withOptions(_ options: String) -> String {
        "organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-sso\n"
            + "    strategy: oidc\n    options:\n" + options
    }

    /// Nine levels of ten aliases each: a billion nodes in under 700 bytes.
    static let aliasBomb: String = {
        var lines = ["      l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("      l\(level): &l\(level) [\(refs)]")
        }
        return withOptions(lines.joined(separator: "\n") + "\n")
    }()

    @Test func aliasBombIsRefusedAtTheAliasThatCrossesTheBudget() throws {
        #expect(Self.aliasBomb.utf8.count < 700)
        // l1 copies 10 x 11 nodes (110), l2 10 x 111 (1,220 in all), l3's 8th alias of l2 (1,111 each) crosses
        // 10,000: 1,220 + 8 x 1,111 = 10,108.
        let column = "      l3: &l3 [".count + 7 * "*l2, ".count + 1
        #expect(try Self.load(Self.aliasBomb) == [
            "customers/acme.yaml:11:\(column): error: YAML aliases copy in more than 10000 nodes (nested aliases "
                + "multiply); tenantplan files need far fewer: write the values out; the file is not read, nothing is planned"
        ])
    }

    @Test func aliasesWithinTheBudgetAreCopied() throws {
        let text = Self.withOptions("      base: &base { a: 1, b: [x, y] }\n      copy: *base\n")
        let (result, diagnostics) = try Self.load(bytes: Array(text.utf8))
        #expect(diagnostics == [])
        let options = try #require(result.tenant?.connection(named: "acme-sso")?.options)
        #expect(options["copy"]?.value == options["base"]?.value)
        #expect(options["copy"]?.value == .literal(.object(["a": .int(1), "b": .array([.string("x"), .string("y")])])))
    }

    @Test(arguments: [
        // nesting past 64 levels, written out
        (withOptions("      deep: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"),
         "customers/acme.yaml:8:\(13 + 64 - 4): error: YAML nesting deeper than 64 levels; tenantplan files need far fewer; "
            + "the file is not read, nothing is planned"),
        // nesting past 64 levels through an alias: 40 levels copied in at depth 30 (the 4 around options
        // included): refused at the alias
        (withOptions("      a: &a " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
            + "      b: " + String(repeating: "[", count: 26) + "*a" + String(repeating: "]", count: 26) + "\n"),
         "customers/acme.yaml:9:\(10 + 26): error: YAML nesting deeper than 64 levels; tenantplan files need far fewer; "
            + "the file is not read, nothing is planned"),
        // a sequence, a mapping, an alias to a sequence and an explicit complex key as mapping keys
        (withOptions("      [a, b]: 1\n"),
         "customers/acme.yaml:8:7: error: a mapping key must be a string, found a sequence; the file is not read, nothing is planned"),
        (withOptions("      {x: y}: 2\n"),
         "customers/acme.yaml:8:7: error: a mapping key must be a string, found a mapping; the file is not read, nothing is planned"),
        (withOptions("      list: &l [a]\n      *l : 3\n"),
         "customers/acme.yaml:9:7: error: a mapping key must be a string, found a sequence; the file is not read, nothing is planned"),
        (withOptions("      ? [a]\n      : 4\n"),
         "customers/acme.yaml:8:9: error: a mapping key must be a string, found a sequence; the file is not read, nothing is planned"),
        // null keys
        (withOptions("      ~: 1\n"),
         "customers/acme.yaml:8:7: error: a mapping key must be a string, found null (write a name, or quote it: \"~\"); "
            + "the file is not read, nothing is planned"),
        (withOptions("      null: 1\n"),
         "customers/acme.yaml:8:7: error: a mapping key must be a string, found null (write a name, or quote it: \"~\"); "
            + "the file is not read, nothing is planned"),
        (withOptions("      ? \n      : 1\n"),
         "customers/acme.yaml:8:8: error: a mapping key must be a string, found null (write a name, or quote it: \"~\"); "
            + "the file is not read, nothing is planned"),
        // a merge key
        (withOptions("      base: &b { a: 1 }\n      more:\n        <<: *b\n"),
         "customers/acme.yaml:10:9: error: merge keys ('<<') are not supported: write the keys out; the file is not read, nothing is planned"),
        // a tab used for indentation: libyaml's error, at the tab
        ("organization:\n\tname: acme\nlogin: sso-only\n",
         "customers/acme.yaml:2:1: error: YAML syntax error: found character that cannot start any token (while scanning for the next token); "
            + "the file is not read, nothing is planned"),
        // an unclosed quoted scalar: the note says where it started
        ("organization:\n  name: 'acme\nlogin: sso-only\n",
         "customers/acme.yaml:4:1: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar); "
            + "the file is not read, nothing is planned\ncustomers/acme.yaml:2:9: note: a quoted scalar started here"),
    ] as [(String, String)])
    func refusedStructures(_ input: String, _ expected: String) throws {
        let (result, diagnostics) = try Self.load(bytes: Array(input.utf8))
        #expect(diagnostics == [expected])
        #expect(result.tenant == nil)
    }

    @Test(arguments: [
        // invalid UTF-8: a lone 0xFF in organization.display_name (line 3, column 17)
        (Array("organization:\n  name: acme\n  display_name: Ac".utf8) + [0xFF] + Array("me\nlogin: sso-only\n".utf8),
         "customers/acme.yaml:3:19: error: the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF); "
            + "the file is not read, nothing is planned"),
        // a truncated sequence: the first byte of 'é' (0xC3) followed by a space, reported at the space
        (Array("organization:\n  name: acme\n  display_name: caf".utf8) + [0xC3, 0x20] + Array("\nlogin: sso-only\n".utf8),
         "customers/acme.yaml:3:21: error: the file is not valid UTF-8: invalid trailing UTF-8 octet (byte 0x20); "
            + "the file is not read, nothing is planned"),
        // a sequence cut off by the end of the file
        (Array("organization:\n  name: acme\n  display_name: caf".utf8) + [0xC3],
         "customers/acme.yaml:3:20: error: the file is not valid UTF-8: incomplete UTF-8 octet sequence; "
            + "the file is not read, nothing is planned"),
        // after a multi-byte character and a CR LF line end, columns count characters
        (Array("organization:\r\n  name: acme\r\n  display_name: é".utf8) + [0xFF] + Array("\r\nlogin: sso-only\r\n".utf8),
         "customers/acme.yaml:3:18: error: the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF); "
            + "the file is not read, nothing is planned"),
        // a control character (BEL)
        (Array("organization:\n  name: acme\n  display_name: a".utf8) + [0x07] + Array("b\nlogin: sso-only\n".utf8),
         "customers/acme.yaml:3:18: error: control character U+0007 is not allowed in YAML (write it escaped in a "
            + "double-quoted string, e.g. \"\\t\"); the file is not read, nothing is planned"),
        // a byte-order mark is read, and does not count as a column
        ([0xEF, 0xBB, 0xBF] + Array("organization:\n  name: acme\n  display_name: x".utf8) + [0xFF] + Array("\nlogin: sso-only\n".utf8),
         "customers/acme.yaml:3:18: error: the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF); "
            + "the file is not read, nothing is planned"),
    ] as [([UInt8], String)])
    func encodingErrorsHaveTheirLineAndColumn(_ bytes: [UInt8], _ expected: String) throws {
        #expect(try Self.load(bytes: bytes).1 == [expected])
    }

    @Test func byteOrderMarkAtTheStartIsRead() throws {
        let text = "organization:\n  name: acme\nlogin: sso-only\n"
        let (result, diagnostics) = try Self.load(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(diagnostics == [])
        #expect(result.tenant?.customers?.map(\.organization.name.value) == ["acme"])
    }

    @Test func hugeScalarUnderTheFileCapIsCheckedNotCrashed() throws {
        let text = "organization:\n  name: acme\n  display_name: \(String(repeating: "x", count: 300_000))\nlogin: sso-only\n"
        #expect(try Self.load(text) == [
            "customers/acme.yaml:3:17: error: organization.display_name is 300000 characters; Auth0 allows at most 255 "
                + "characters"
        ])
    }

    @Test func fileOverTheCapIsRefusedWithItsSize() throws {
        let text = "organization:\n  name: acme\nlogin: sso-only\n# " + String(repeating: "x", count: 1_048_576) + "\n"
        #expect(try Self.load(text) == [
            "customers/acme.yaml: error: cannot read customers/acme.yaml: it is \(text.utf8.count) bytes; tenantplan "
                + "reads files of at most 1048576 bytes (1 MiB); the run stops here"
        ])
    }

    @Test func booleanAndNumberKeysAreTheirTextAndQuotedTildeIsAString() throws {
        let text = Self.withOptions("      true: 1\n      8080: x\n      \"~\": y\n")
        let (result, diagnostics) = try Self.load(bytes: Array(text.utf8))
        #expect(diagnostics == [])
        let options = try #require(result.tenant?.connection(named: "acme-sso")?.options)
        #expect(options.keys.sorted() == ["8080", "true", "~"])
        #expect(options["true"]?.value == .literal(.int(1)))
    }
}

/// One mistake must not hide another, and whole-collection errors point at their key.
@Suite struct IndependentErrorTests {
    @Test func invalidOrganizationNameDoesNotHideAnUndefinedConnection() throws {
        let customer = "organization:\n  name: Acme\nlogin: sso-only\nconnections:\n  - connection: nowhere\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:2:9: error: organization.name: 'Acme' does not match Auth0's organization name format "
                + "(lower-case letters, digits, '-' and '_', 1 to 50 characters); did you mean 'acme'?",
            "customers/acme.yaml:5:17: error: connections[0].connection 'nowhere' is not defined: declare it in tenant.yaml "
                + "connections or in a customer's enterprise_connections",
        ])
    }

    @Test func invalidLoginDoesNotHideUndefinedReferences() throws {
        let customer = "organization:\n  name: acme\nlogin: sso\nconnections:\n  - connection: nowhere\n"
            + "invitations:\n  client: portal\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:3:8: error: login 'sso' is not one of: sso-only, sso-and-password, password-only",
            "customers/acme.yaml:5:17: error: connections[0].connection 'nowhere' is not defined: declare it in tenant.yaml "
                + "connections or in a customer's enterprise_connections",
            "customers/acme.yaml:7:11: error: invitations.client names client 'portal', which is not defined in tenant.yaml clients",
        ])
    }

    @Test func invalidTenantDomainDoesNotHideAnUndefinedConnection() throws {
        let tenant = LoadErrorTests.tenantYAML.replacingOccurrences(of: "example-prod.eu.auth0.com", with: "Example")
        let customer = LoadErrorTests.customer("connections:\n  - connection: nowhere\n")
        #expect(try LoadErrorTests.load(customer: customer, tenant: tenant) == [
            "customers/acme.yaml:6:17: error: connections[0].connection 'nowhere' is not defined: declare it in tenant.yaml "
                + "connections or in a customer's enterprise_connections",
            "tenant.yaml:2:11: error: tenant.domain 'Example' must be a host name such as example-prod.eu.auth0.com",
        ])
    }

    @Test func duplicateOrganizationNameIsFoundWhenTheOtherFileHasAnInvalidLogin() throws {
        let second = "organization:\n  name: acme\nlogin: maybe\n"
        #expect(try LoadErrorTests.load(customer: LoadErrorTests.customer(""), extra: ["customers/zeta.yaml": second]) == [
            "customers/zeta.yaml:2:9: error: duplicate organization name 'acme': names must be unique across all files\n"
                + "customers/acme.yaml:2:9: note: first declared here",
            "customers/zeta.yaml:3:8: error: login 'maybe' is not one of: sso-only, sso-and-password, password-only",
        ])
    }

    /// A consequence stays suppressed: a connection whose strategy is missing is still a declared name.
    @Test func connectionWithoutStrategyIsNotAlsoUndefined() throws {
        let customer = "organization:\n  name: acme\nlogin: sso-only\nconnections:\n  - connection: acme-sso\n"
            + "enterprise_connections:\n  - name: acme-sso\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:7:5: error: missing required key 'strategy' in enterprise_connections[0]"
        ])
    }

    @Test(arguments: [
        // colors: missing a member, block style: at the colors key
        ("organization:\n  name: acme\n  branding:\n    colors:\n      primary: \"#123\"\nlogin: sso-only\n",
         ["customers/acme.yaml:4:5: error: missing required key 'page_background' in organization.branding.colors"]),
        // organization: missing name
        ("organization:\n  display_name: Acme\nlogin: sso-only\n",
         ["customers/acme.yaml:1:1: error: missing required key 'name' in organization"]),
        // invitations: missing client
        ("organization:\n  name: acme\nlogin: sso-only\ninvitations:\n  ttl: 7d\n",
         ["customers/acme.yaml:4:1: error: missing required key 'client' in invitations"]),
        // metadata: over its key limit
        ("organization:\n  name: acme\n  metadata:\n" + (1...25).map { "    k\($0): v\n" }.joined() + "login: sso-only\n",
         ["customers/acme.yaml:3:3: error: organization.metadata has 25 keys; at most 24 (Auth0's limit less the ownership marker 'managed_by')"]),
    ] as [(String, [String])])
    func wholeMappingErrorsPointAtTheKey(_ input: String, _ expected: [String]) throws {
        #expect(try LoadErrorTests.load(customer: input) == expected)
    }

    @Test func tenantSectionMissingAMemberPointsAtTheKey() throws {
        #expect(try LoadErrorTests.load(tenant: "tenant:\n  domian: example-prod.eu.auth0.com\n") == [
            "tenant.yaml:1:1: error: missing required key 'domain' in tenant",
            "tenant.yaml:2:3: error: unknown key 'domian' in tenant (expected: domain)",
        ])
    }

    @Test(arguments: [
        ("2027-02-30", false), ("2027-13-01", false), ("2027-02-29", false), ("2027-00-10", false),
        ("2027-04-31", false), ("2027-1-01", false), ("+027-01-01", false),
        ("2028-02-29", true), ("2027-12-31", true), ("2027-01-31", true),
    ])
    func exceptionDates(_ date: String, _ valid: Bool) throws {
        let tenant = LoadErrorTests.tenantYAML + "policy:\n  exceptions:\n    - rule: invitation-ttl\n"
            + "      reason: migration\n      expires: \(date)\n"
        let expected = valid ? [] : [
            "tenant.yaml:16:16: error: policy.exceptions[0].expires '\(date)' is not a date (expected YYYY-MM-DD, a day that exists)"
        ]
        #expect(try LoadErrorTests.load(tenant: tenant) == expected)
    }
}
