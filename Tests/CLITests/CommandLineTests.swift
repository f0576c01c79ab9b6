import Foundation
import Testing
import TestSupport

/// Per-command help, `--no-color` on every command, a markdown plan with only markdown on stdout, and a plan
/// that says above its summary when `apply` will refuse.
@Suite struct CommandLineTests {
    @Test(arguments: ["validate", "check", "plan", "apply", "invite", "invitations", "export"])
    func commandHelp(_ command: String) async throws {
        let work = try CaseWorkspace(empty: "help")
        for arguments in [[command, "--help"], [command, "-h"], ["help", command], [command, "x", "--help", "--no-color"]] {
            let result = await work.run(arguments)
            #expect(result.exitCode == 0)
            #expect(result.stdout.hasPrefix("usage: tenantplan \(command) "), "\(arguments)")
            #expect(!result.stdout.contains("tenantplan validate [DIR]              load"))
            #expect(result.stdout.contains("  --no-color "))
            #expect(result.stderr == "")
        }
    }

    @Test func unknownCommandHelpIsTheGlobalUsage() async throws {
        let work = try CaseWorkspace(empty: "help")
        let result = await work.run(["frobnicate", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("tenantplan: policy-checked configuration-as-code for Auth0 B2B tenants\n"))
    }

    @Test func noColorIsAcceptedByEveryCommand() async throws {
        let work = try CaseWorkspace(empty: "nocolor")
        try ExampleTenant.copy(into: work)
        let result = await work.run(["validate", "tenant", "--no-color"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "\(work.path("tenant")): valid (3 customers, 3 connections)\n")
        // After `--`, `--no-color` is a positional argument like any other.
        let after = await work.run(["validate", "--", "--no-color"])
        #expect(after.exitCode == 1)
    }

    @Test func markdownPlanWritesOnlyMarkdown() async throws {
        let work = try CaseWorkspace(empty: "markdown")
        try ExampleTenant.copy(into: work)
        // A warning finding: an organization without a display name would do; the example's findings suffice.
        let text = await work.run(["plan", "tenant", "--tenant", "local:live.json"])
        let markdown = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--format", "markdown"])
        #expect(markdown.exitCode == 0)
        #expect(markdown.stdout.hasPrefix("### tenantplan plan: "))
        let findings = text.stdout.components(separatedBy: "tenantplan plan: ")[0]
        #expect(markdown.stderr.hasSuffix(findings.dropLast()), "findings move to stderr")
    }

    @Test func planSaysWhenApplyWillRefuse() async throws {
        let work = try CaseWorkspace(empty: "refuse")
        try ExampleTenant.copy(into: work)
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("Plan: ") })
        #expect(lines[summary - 2 ..< summary] == [
            "! apply refuses while ACME_ENTRA_CLIENT_SECRET is unset (needed to create connection \"acme-entra\" (waad))",
            "! apply refuses while GLOBEX_OKTA_SIGNING_CERT is unset (needed to create connection \"globex-okta\" (samlp))",
        ])
        let set = await work.run(["plan", "tenant", "--tenant", "local:live.json"], environment: ExampleTenant.secrets)
        #expect(!set.stdout.contains("! apply"))
    }
}
