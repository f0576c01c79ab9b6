import Foundation
import Testing
import TestSupport

/// docs/ci.md's workflow, run by `scripts/ci-local` against the embedded local tenant: the pull-request job (checks,
/// SARIF, a scoped markdown plan saved with `--out`) and the merge job (`apply plan.json`), then an empty full plan.
@Suite struct CIScriptTests {
    @Test func localWorkflowPasses() throws {
        let run = try ScriptRun("ci-local")
        let text = run.output
        #expect(run.status == 0, "\(text)")
        #expect(text.hasSuffix("ci-local: ok\n"))
        // The comment is the scoped plan of the one customer the pull request changed.
        #expect(text.contains("_scoped plan: organization acme only (no destroys; a full plan shows drift elsewhere)_, 5 requests"))
        #expect(text.contains("**Plan: 0 to add, 1 to change, 0 to destroy.**"))
        // The merge job applied exactly the reviewed request, and the full plan afterwards is empty.
        #expect(text.contains("done: update organization \"acme\""))
        #expect(text.contains("Apply complete: 1 request done."))
        #expect(text.contains("No changes. The live tenant matches the configuration."))
        for secret in ["ci-local-entra-client-secret", "ci-local-okta-signing-certificate"] {
            #expect(!text.contains(secret))
        }
    }
}
