import Foundation
import Testing
import TestSupport

/// docs/sso-enforcement.md played end to end by `scripts/sso-enforcement-runbook` against the embedded local
/// tenant: globex goes `sso-only`, its password members are seen at risk, invited by member id (once), two accept
/// and are seen moved, and the plan is applied.
@Suite struct SSOEnforcementRunbookTests {
    @Test func runbookPasses() throws {
        let run = try ScriptRun("sso-enforcement-runbook")
        let text = run.output
        #expect(run.status == 0, "\(text)")
        #expect(text.hasSuffix("sso-enforcement-runbook: ok\n"))
        #expect(text.contains(
            "6 members: 1 keeps access, 5 at risk once the plan is applied (0 moved, 0 invited, 4 not invited, 1 needs "
                + "a manual decision)."))
        #expect(text.contains("Invitations to organization globex: 4 created, 0 skipped, 0 rejected, 0 failed, 1 needs a manual decision."))
        #expect(text.contains("Invitations to organization globex: 0 created, 4 skipped, 0 rejected, 0 failed, 1 needs a manual decision."))
        #expect(text.contains(
            "8 members: 3 keep access, 5 at risk once the plan is applied (2 moved, 2 invited, 0 not invited, 1 needs "
                + "a manual decision)."))
        for secret in ["runbook-okta-signing-certificate", "runbook-entra-client-secret"] { #expect(!text.contains(secret)) }
    }
}
