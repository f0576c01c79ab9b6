import Foundation
import Output
import PlanModel
import Policy
import Testing
import TestSupport

/// Every findings format on the same report, compared whole with golden files under `Resources/golden/`;
/// the SARIF log validated against the SARIF 2.1.0 schema.
@Suite("Findings formats")
struct FindingsFormatTests {
    /// The tenant directory as the user named it; every path in the output starts with it.
    static let directory = "tenants/c19"

    /// c19 with two exceptions: a valid one (with characters every format must escape) and an expired one.
    static func report() throws -> PolicyReport {
        let scratch = try CaseWorkspace(case: "c19-invitation-preflight")
        let exceptions = """
              exceptions:
                - rule: invitation-connection-not-enabled
                  organization: acme
                  reason: "partners-db is enabled by the \\"onboarding\\" runbook & <ops>, 100%"
                  expires: 2099-12-31
                - rule: invitation-ttl
                  organization: globex
                  reason: legacy 14-day invitations
                  expires: 2026-01-31

            """
        try scratch.write("tenant/tenant.yaml", try scratch.read("tenant/tenant.yaml") + exceptions)
        return try scratch.check()
    }

    static func compare(_ rendered: String, golden name: String) throws {
        let source = Resources.sourceURL.appendingPathComponent("golden/\(name)")
        if Resources.recording {
            try Data(rendered.utf8).write(to: source)
        }
        let expected = try String(
            contentsOf: try Resources.url.appendingPathComponent("golden/\(name)"), encoding: .utf8)
        #expect(
            rendered == expected,
            "golden/\(name) differs; run TENANTPLAN_RECORD=1 swift test --filter PolicyTests and review the diff")
    }

    @Test("the golden report has findings, a suppressed finding and an expired exception")
    func goldenReport() throws {
        let report = try Self.report()
        #expect(PolicyCasesTests.summary(report) == [
            "invitation-client-login-route error customers/acme.yaml:9",
            "invitation-client-organizations error customers/acme.yaml:9",
            "invitation-ttl error customers/acme.yaml:11",
            "invitation-ttl warning customers/globex.yaml:11",
        ])
        #expect(report.suppressed.map { $0.diagnostic.ruleID } == ["invitation-connection-not-enabled"])
        #expect(report.settingsDiagnostics.map { $0.location?.description } == ["tenant.yaml:35:16"])
    }

    @Test("text")
    func text() throws {
        try Self.compare(FindingsText.render(try Self.report(), directory: Self.directory), golden: "findings.txt")
    }

    @Test("json")
    func json() throws {
        let rendered = FindingsJSON.render(try Self.report(), directory: Self.directory)
        try Self.compare(rendered, golden: "findings.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
    }

    @Test("sarif")
    func sarif() throws {
        try Self.compare(FindingsSARIF.render(try Self.report(), directory: Self.directory), golden: "findings.sarif")
    }

    @Test("github")
    func github() throws {
        try Self.compare(FindingsGitHub.render(try Self.report(), directory: Self.directory), golden: "findings.github.txt")
    }

    @Test("junit")
    func junit() throws {
        try Self.compare(FindingsJUnit.render(try Self.report(), directory: Self.directory), golden: "findings.junit.xml")
    }

    @Test("the SARIF log validates against the SARIF 2.1.0 schema (python3 jsonschema)")
    func sarifValidates() throws {
        let scratch = try CaseWorkspace(empty: "sarif")
        // The golden report, and a clean one with no results.
        let clean = try CaseWorkspace(case: "c17-sso-only-hidden-button")
        try clean.delete("tenant/customers/initech.yaml")
        try clean.edit("tenant/customers/bigbank.yaml", [
            (8, "- connection: Username-Password-Authentication", nil), (9, "show_as_button: false", nil),
        ])
        let logs = [
            "golden.sarif": FindingsSARIF.render(try Self.report(), directory: Self.directory),
            "clean.sarif": FindingsSARIF.render(try clean.check(), directory: "."),
        ]
        let schema = try Resources.url.appendingPathComponent("sarif-schema-2.1.0.json")
        for (name, log) in logs.sorted(by: { $0.key < $1.key }) {
            try scratch.write(name, log)
            let (status, output) = try Self.validate(scratch.root.appendingPathComponent(name), schema: schema)
            #expect(status == 0, "\(name) does not validate against the SARIF 2.1.0 schema:\n\(output)")
        }
    }

    /// Runs `python3` with `jsonschema` on `file`.
    /// - Returns: The exit status and combined output. Status 3 means python3 has no `jsonschema` module.
    static func validate(_ file: URL, schema: URL) throws -> (Int32, String) {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("python3 has no jsonschema module: install it (pip install jsonschema) to validate SARIF")
                sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=lambda e: list(e.path))
            for error in errors:
                print("/".join(str(p) for p in error.path) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 to validate SARIF (\(error)): install python3 with the jsonschema module")
            return (-1, "")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 127 {
            Issue.record("python3 is not installed: it is needed (with the jsonschema module) to validate SARIF")
        }
        if process.terminationStatus == 3 {
            Issue.record(Comment(rawValue: output))
        }
        return (process.terminationStatus, output)
    }

    @Test("SARIF results carry ruleId, level, message, uri and region")
    func sarifShape() throws {
        let rendered = FindingsSARIF.render(try Self.report(), directory: Self.directory)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == "invitation-client-login-route")
        #expect(first["level"] as? String == "error")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "tenants/c19/customers/acme.yaml")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 9)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 11)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == RuleCatalog.all.map(\.id))
        #expect(driver["name"] as? String == "tenantplan")
        #expect(driver["version"] as? String == ToolIdentity.version)
    }

    @Test("the json findings name the tool and its version")
    func jsonTool() throws {
        let rendered = FindingsJSON.render(try Self.report(), directory: Self.directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["tool"] as? [String: String] == ["name": "tenantplan", "version": ToolIdentity.version])
    }
}
