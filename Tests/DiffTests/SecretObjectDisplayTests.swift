import Diff
import JSONValues
import LocalTenant
@testable import Output
import Testing
import TestSupport

/// A secret object (`configuration`, `decryptionKey`, `gateway_authentication`) declared in part: the declared
/// object is the wanted object, so live members it leaves out are removed, and the plan shows that by the
/// object's structure with each secret value redacted (docs/secrets.md).
@Suite struct SecretObjectDisplayTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var strategy: String
        var declared: String
        var live: JSONValue
        var line: String
        var json: JSONValue
        var sent: JSONValue
        var testDescription: String { "\(strategy): \(declared)" }
    }

    static let cases: [Case] = [
        Case(
            strategy: "auth0", declared: "configuration: {HOST: \"${env:DBHOST}\"}",
            live: ["configuration": ["DB_PASS": "pw-live-1", "HOST": "db"]],
            line: #"~ options.configuration: {"DB_PASS":(sensitive),"HOST":(sensitive)} -> {"HOST":(sensitive, from env DBHOST, unset)}"#,
            json: [
                "change": "update", "path": "options.configuration",
                "before": ["sensitive": true, "members": ["DB_PASS": ["sensitive": true], "HOST": ["sensitive": true]]],
                "after": ["sensitive": true, "members": ["HOST": ["sensitive": true, "env": "DBHOST", "unset": true]]],
            ],
            sent: ["configuration": ["HOST": "db"]]),
        Case(
            strategy: "auth0", declared: "configuration: {HOST: db}",
            live: ["configuration": ["DB_PASS": "pw-live-1", "HOST": "db"]],
            line: #"~ options.configuration: {"DB_PASS":(sensitive),"HOST":(sensitive)} -> {"HOST":(sensitive)}"#,
            json: [
                "change": "update", "path": "options.configuration",
                "before": ["sensitive": true, "members": ["DB_PASS": ["sensitive": true], "HOST": ["sensitive": true]]],
                "after": ["sensitive": true, "members": ["HOST": ["sensitive": true]]],
            ],
            sent: ["configuration": ["HOST": "db"]]),
        Case(
            strategy: "samlp", declared: "decryptionKey: {key: \"${env:SAML_KEY}\"}",
            live: ["decryptionKey": ["key": "key-live-1", "cert": "cert-live-1"]],
            line: #"~ options.decryptionKey: {"cert":(sensitive),"key":(sensitive)} -> {"key":(sensitive, from env SAML_KEY, unset)}"#,
            json: [
                "change": "update", "path": "options.decryptionKey",
                "before": ["sensitive": true, "members": ["cert": ["sensitive": true], "key": ["sensitive": true]]],
                "after": ["sensitive": true, "members": ["key": ["sensitive": true, "env": "SAML_KEY", "unset": true]]],
            ],
            sent: ["decryptionKey": ["key": "key-live-1"]]),
        Case(
            strategy: "sms", declared: "gateway_authentication: {method: bearer, secret: \"${env:GW_SECRET}\"}",
            live: [
                "gateway_authentication": [
                    "method": "bearer", "secret": "gw-live-1", "subject": "sub", "audience": "aud",
                    "secret_base64_encoded": false,
                ]
            ],
            line: #"~ options.gateway_authentication: {"audience":"aud","method":"bearer","secret":(sensitive),"secret_base64_encoded":false,"subject":"sub"} -> {"method":"bearer","secret":(sensitive, from env GW_SECRET, unset)}"#,
            json: [
                "change": "update", "path": "options.gateway_authentication",
                "before": [
                    "sensitive": true,
                    "members": [
                        "audience": "aud", "method": "bearer", "secret": ["sensitive": true],
                        "secret_base64_encoded": false, "subject": "sub",
                    ],
                ],
                "after": [
                    "sensitive": true,
                    "members": ["method": "bearer", "secret": ["sensitive": true, "env": "GW_SECRET", "unset": true]],
                ],
            ],
            sent: ["gateway_authentication": ["method": "bearer", "secret": "gw-live-1"]]),
        // Neighbour: a non-secret object is shown whole, as before.
        Case(
            strategy: "auth0", declared: "passwordComplexityOptions: {min_length: 12}",
            live: ["passwordComplexityOptions": ["min_length": 8, "character_types": ["lower"]]],
            line: #"~ options.passwordComplexityOptions: {"character_types":["lower"],"min_length":8} -> {"min_length":12}"#,
            json: [
                "change": "update", "path": "options.passwordComplexityOptions",
                "before": ["character_types": ["lower"], "min_length": 8], "after": ["min_length": 12],
            ],
            sent: ["passwordComplexityOptions": ["min_length": 12]]),
    ]

    static func harness(_ c: Case) throws -> (EngineHarness, LocalTenant) {
        let tenantYAML = """
            tenant:
              domain: example-prod.eu.auth0.com
            connections:
              - name: legacy
                strategy: \(c.strategy)
                options:
                  \(c.declared)

            """
        let live: JSONValue = [
            "connections": [
                [
                    "id": "con_LEGACY", "name": "legacy", "strategy": .string(c.strategy), "options": c.live,
                    "metadata": ["managed_by": "tenantplan"],
                ]
            ]
        ]
        return (try EngineHarness(tenantFile: tenantYAML, customers: [:]), try LocalTenant(json: live))
    }

    @Test("a partly declared object shows the live members it removes; the request carries the declared object", arguments: cases)
    func partlyDeclaredObject(_ c: Case) async throws {
        let (harness, live) = try Self.harness(c)
        let (plan, text) = try await harness.plan(live)
        #expect(text.contains("\n      \(c.line)\n"))
        let field = try #require(plan.changes.first?.fields.first)
        #expect(PlanJSONRenderer.field(field) == c.json)
        #expect(plan.changes.first?.fields.count == 1)
        let markdown = PlanMarkdownRenderer(directory: "t", target: "local").render(plan)
        #expect(markdown.contains("\n\(c.line)\n"))
        let report = try await harness.apply(live)
        #expect(plan.requests.map(\.body) == [["options": c.sent]])
        let after = await live.snapshotJSON.connection(named: "legacy")?["options"]
        if c.strategy == "sms" {
            // Auth0's schema requires `audience` in `gateway_authentication`: the visible removal is refused
            // (400) and the live object stays as it was.
            #expect(report.failed.map(\.request) == ["PATCH /api/v2/connections/con_LEGACY"])
            #expect(after == c.live)
        } else {
            #expect(report.succeeded)
            #expect(after == c.sent)
        }
        for secret in ["pw-live-1", "key-live-1", "cert-live-1", "gw-live-1"] {
            #expect(!text.contains(secret) && !markdown.contains(secret))
        }
    }

    /// Declared whole and equal to the live object, with an unset variable: no change, the unset variable named.
    @Test func unchangedObjectWithUnsetVariableIsNamed() async throws {
        let c = Case(
            strategy: "auth0", declared: "configuration: {HOST: \"${env:DBHOST}\"}", live: ["configuration": ["HOST": "db"]],
            line: "", json: [:], sent: [:])
        let (harness, live) = try Self.harness(c)
        let (plan, _) = try await harness.plan(live)
        #expect(plan.isEmpty)
    }
}
