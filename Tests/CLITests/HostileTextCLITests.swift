import Foundation
import JSONValues
import Testing
import TestSupport

/// Keys and values with escape sequences and line breaks, through the commands: load errors on stderr, findings
/// in the text and github formats, invitations, and the top-level error line print them visibly, one line each.
@Suite struct HostileTextCLITests {
    static let shown = "\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."

    static func workspace() throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "hostile")
        try work.write("tenant/tenant.yaml", "tenant:\n  domain: example-prod.eu.auth0.com\n")
        try work.write("tenant/customers/acme.yaml", """
            organization:
              name: acme
              "\\e[2J\\nPlan: 0 to add, 0 to change, 0 to destroy.": 1
            login: password-only

            """)
        return work
    }

    static let error = "customers/acme.yaml:3:3: error: unknown key '\(shown)' in organization (expected: name, "
        + "display_name, metadata, branding)"

    @Test func loadErrorOnStderr() async throws {
        let work = try Self.workspace()
        let result = await work.run(["validate", "tenant"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == """
            \(work.path("tenant"))/\(Self.error)
            tenantplan: 1 error in \(work.path("tenant")); nothing was read or changed

            """)
    }

    @Test func checkTextPrintsTheLoadErrorVisibly() async throws {
        let work = try Self.workspace()
        let result = await work.run(["check", "tenant", "--format", "text"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == "\(work.path("tenant"))/\(Self.error)")
        #expect(result.stdout == "")
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test func findingsGitHub() async throws {
        let work = try Self.workspace()
        let result = await work.run(["check", "tenant", "--format", "github"])
        #expect(result.exitCode == 1)
        let file = "\(work.path("tenant"))/customers/acme.yaml".replacingOccurrences(of: ":", with: "%3A")
        #expect(result.stdout == """
            ::error file=\(file),line=3,col=3,title=policy settings::unknown key '\(Self.shown)' in organization (expected: name, display_name, metadata, branding)

            """)
    }

    @Test func topLevelError() async throws {
        let result = await (try CaseWorkspace(empty: "hostile")).run(["plan\u{1B}[2J\nPlan: 0 to add"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "tenantplan: error: unknown command 'plan\\u{1B}[2J\\nPlan: 0 to add' (see tenantplan --help)\n")
    }
}
