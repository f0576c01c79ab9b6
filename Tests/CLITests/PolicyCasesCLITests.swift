import Foundation
import JSONValues
import Testing
import TestSupport

/// The policy cases through the command line: exit codes, findings' locations, and no request on a policy error.
/// (The rules' exact messages are asserted in PolicyTests.)
@Suite struct PolicyCasesCLITests {
    /// `file:line: severity[rule]` of each finding line, the scratch directory cut off.
    static func findings(_ result: CommandResult, _ work: CaseWorkspace) -> [String] {
        result.stdout.split(separator: "\n").map(String.init).filter { $0.contains("[") && $0.contains("]: ") }
            .compactMap { line -> String? in
                let trimmed = line.replacingOccurrences(of: work.path("tenant") + "/", with: "")
                let parts = trimmed.split(separator: ":", maxSplits: 4).map(String.init)
                guard parts.count == 5 else { return nil }
                return "\(parts[0]):\(parts[1]):\(parts[3])"
            }
    }

    @Test(arguments: ["c04-options-replaced-whole", "c05-secret-unset-keeps-live", "c12-dashboard-drift-detected"])
    func checkPassesWithNoFindings(_ name: String) async throws {
        let work = try CaseWorkspace(case: name)
        let result = await work.run(["check", "tenant"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("check: no findings"))
    }

    @Test func c16LegalButOpen() async throws {
        let work = try CaseWorkspace(case: "c16-org-signup-rules")
        try work.edit("tenant/customers/acme.yaml", line: 7, "assign_membership_on_login: true")
        try work.edit("tenant/customers/acme.yaml", line: 10, "show_as_button: true")
        #expect(await work.run(["validate", "tenant"]).exitCode == 0)
        let check = await work.run(["check", "tenant"])
        #expect(check.exitCode == 3)
        #expect(Self.findings(check, work) == [
            "customers/acme.yaml:7: error[auto-membership-shared-connection]",
            "customers/acme.yaml:8: error[invite-only-signup-open]",
        ])
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json"])
        #expect(plan.exitCode == 3)
        #expect(plan.requests.isEmpty)
        #expect(!plan.output.contains("LIVE-c16-Nf3hK8sD1q"))
    }

    @Test func c16ClosedAgain() async throws {
        let work = try CaseWorkspace(case: "c16-org-signup-rules")
        try work.edit("tenant/customers/acme.yaml", line: 8, "is_signup_enabled: false")
        try work.edit("tenant/customers/acme.yaml", line: 10, "show_as_button: true")
        let check = await work.run(["check", "tenant"])
        #expect(check.exitCode == 0)
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 0)
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 0 to change, 0 to destroy.") })
    }

    @Test func c17SSOOnlyHiddenButton() async throws {
        let work = try CaseWorkspace(case: "c17-sso-only-hidden-button")
        let check = await work.run(["check", "tenant"])
        #expect(check.exitCode == 3)
        #expect(Self.findings(check, work) == [
            "customers/bigbank.yaml:8: error[sso-only-password-connection]",
            "customers/initech.yaml:4: error[sso-only-no-enterprise-connection]",
            "customers/initech.yaml:6: error[sso-only-password-connection]",
        ])
    }

    @Test func c17FixedRemovesTheDatabaseLink() async throws {
        let work = try CaseWorkspace(case: "c17-sso-only-hidden-button")
        try FileManager.default.removeItem(atPath: work.path("tenant/customers/initech.yaml"))
        try work.deleteLines("tenant/customers/bigbank.yaml", 8...9)
        #expect(await work.run(["check", "tenant"]).exitCode == 0)

        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("~ organization \"bigbank\"") && $0.hasSuffix("customers/bigbank.yaml:2") })
        #expect(plan.planLines.contains(
            "- enabled connection \"Username-Password-Authentication\"  [security: login: sso-only]"))
        #expect(plan.planLines.contains { $0.hasPrefix("Plan: 0 to add, 1 to change, 0 to destroy.") })
        #expect(!plan.planLines.contains { $0.hasPrefix("- connection \"Username-Password-Authentication\"") })
        #expect(!plan.stdout.contains("initech"))

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == ["DELETE /api/v2/organizations/org_wjENqLzEM6dAbbFG/enabled_connections/con_QJl1Dxto8cZaCXRB"])
        #expect(await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"]).exitCode == 0)
    }

    @Test func c19InvitationPreflight() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        #expect(await work.run(["validate", "tenant"]).exitCode == 0)
        let check = await work.run(["check", "tenant"])
        #expect(check.exitCode == 3)
        #expect(Self.findings(check, work) == [
            "customers/acme.yaml:9: error[invitation-client-login-route]",
            "customers/acme.yaml:9: error[invitation-client-organizations]",
            "customers/acme.yaml:10: error[invitation-connection-not-enabled]",
            "customers/acme.yaml:11: error[invitation-ttl]",
            "customers/globex.yaml:11: warning[invitation-ttl]",
        ])
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json"])
        #expect(plan.exitCode == 3)
        #expect(plan.writes == [])
    }

    @Test func checkFormatsAndBadFormat() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        let sarif = await work.run(["check", "tenant", "--format", "sarif"])
        #expect(sarif.exitCode == 3)
        let json = try JSONValue(data: Data(sarif.stdout.utf8))
        #expect(json["version"] == "2.1.0")
        let github = await work.run(["check", "tenant", "--format", "github"])
        #expect(github.stdout.hasPrefix("::error file="))
        let bad = await work.run(["check", "tenant", "--format", "yaml"])
        #expect(bad.exitCode == 1)
        #expect(bad.stderr == "tenantplan: error: --format takes one of: text, json, sarif, github, junit (see tenantplan --help)\n")
    }
}
