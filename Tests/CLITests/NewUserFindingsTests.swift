import Foundation
import JSONValues
import Testing
import TestSupport

/// Inputs a new user found that crashed or misled tenantplan; each stays as a test.
@Suite struct NewUserFindingsTests {
    /// A full disk must neither crash the process nor be reported as success (an invitation URL, a SARIF file
    /// would be lost silently).
    @Test func fullStdoutDoesNotCrashAndIsNotSuccess() throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let process = Process()
        process.executableURL = builtExecutable
        process.arguments = ["plan", work.path("tenant"), "--tenant", "local:" + work.path("live.json")]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
    }

    /// Lost output is exit 1 with a message, also where the command would have exited 2 (changes present) or 3
    /// (policy errors): a CI job must never read an empty plan or SARIF file as a result.
    @Test(arguments: [
        (["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"], "c04-options-replaced-whole", Int32(2)),
        (["check", "tenant", "--format", "sarif"], "c17-sso-only-hidden-button", Int32(3)),
        (["plan", "tenant", "--tenant", "local:live.json", "--format", "json"], "c17-sso-only-hidden-button", Int32(3)),
    ])
    func fullStdoutIsExitOneWhateverTheCommandFound(arguments: [String], caseName: String, withOutput: Int32) throws {
        let work = try CaseWorkspace(case: caseName)
        func run(stdout: FileHandle) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = builtExecutable
            process.currentDirectoryURL = URL(fileURLWithPath: work.path("."))
            process.arguments = arguments
            let stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(try run(stdout: FileHandle.nullDevice).status == withOutput)
        let lost = try run(stdout: FileHandle(forWritingAtPath: "/dev/full")!)
        #expect(lost.status == 1)
        #expect(lost.stderr.hasSuffix("tenantplan: error: the output could not be written (The operation could not be completed. There isn’t enough space.)\n"), "\(lost.stderr)")
    }

    @Test func applyWithoutTerminalRefusesWithoutPrompting() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let original = try work.data("live.json")
        let result = await work.run(["apply", "tenant", "--tenant", "local:live.json"])
        #expect(result.exitCode == 1)
        #expect(!result.stdout.contains("Only 'yes' is accepted"))
        #expect(result.stderr.hasSuffix(
            "tenantplan: apply needs confirmation: run it with a terminal on standard input, or pass --auto-approve "
                + "after reviewing the plan; nothing was applied\n"))
        #expect(try work.data("live.json") == original)
    }

    @Test func emptySecretVariableCountsAsUnset() async throws {
        let work = try CaseWorkspace(case: "c07-placeholder-not-deployed")
        try work.edit("tenant/customers/acme.yaml", line: 5, "customer_id: \"c-1042\"")
        try work.edit("tenant/customers/acme.yaml", line: 18, "client_secret: ${env:ACME_ENTRA_CLIENT_SECRET}")
        try work.edit("tenant/customers/globex.yaml", line: 15, "client_secret: ${env:GLOBEX_OIDC_CLIENT_SECRET}")
        try work.edit("tenant/tenant.yaml", line: 8, "client_secret: ${env:GOOGLE_CLIENT_SECRET}")
        let apply = await work.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"],
            environment: ["GLOBEX_OIDC_CLIENT_SECRET": ""])
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.contains("GLOBEX_OIDC_CLIENT_SECRET (needed to create connection \"globex-oidc\" (oidc))"))
        #expect(apply.writes == [])
    }

    @Test func validateReportsPolicySettingsErrors() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        try work.edit("tenant/tenant.yaml", line: 26, "invitation-tl: { max: 7d }")
        let result = await work.run(["validate", "tenant"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("tenant.yaml:26:5: error: unknown rule 'invitation-tl' in policy.rules"))
    }

    @Test(arguments: ["json", "sarif", "github", "junit"])
    func machineFormatsCarryLoadErrors(_ format: String) async throws {
        let work = try CaseWorkspace(case: "c08-unparsable-file-aborts")
        let result = await work.run(["check", "tenant", "--format", format])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("customers/globex.yaml"))
        #expect(result.stdout.contains("did not find expected"))
    }

    @Test func missingCustomersFolderNeverDestroysEnterpriseConnections() async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        try FileManager.default.removeItem(atPath: work.path("tenant/customers"))
        try work.append("tenant/tenant.yaml", "connections: []")
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 0)
        #expect(!plan.stdout.contains("- connection \"acme-entra\""))
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
    }

    @Test func corruptLocalTenantFileIsRefused() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        try work.write("live.json", #"{"organizations": [{"name": "acme"}]}"#)
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json"])
        #expect(result.exitCode == 1)
        #expect(result.stderr
            == "tenantplan: error: local tenant file is invalid: \(work.path("live.json")): organizations[0] has no string 'id'\n")
    }

    @Test func flagWithAValueIsExplained() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let result = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve=yes"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "tenantplan: error: --auto-approve takes no value (see tenantplan --help)\n")
        #expect(result.requests.isEmpty)
    }

    @Test func misspelledLocalTenantFileIsPointedOut() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.jsn"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.hasPrefix(
            "tenantplan: note: local tenant \(work.path("live.jsn")) does not exist yet: starting from an empty tenant"))
    }

    @Test func repeatedOptionIsAnErrorNotLastOneWins() async throws {
        let work = try CaseWorkspace(case: "c04-options-replaced-whole")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--tenant", "local:other.json"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "tenantplan: error: --tenant is given twice; give it once (see tenantplan --help)\n")
        #expect(result.requests.isEmpty)
    }
}
