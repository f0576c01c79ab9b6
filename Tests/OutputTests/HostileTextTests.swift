@testable import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
@testable import Output
import PlanModel
import Testing
import TestSupport

/// Names, keys and values holding escape sequences, line breaks and bidi overrides print visibly: they can
/// neither clear the screen nor fake a line of tenantplan's own output.
@Suite struct HostileTextTests {
    static let hostile = "\u{1B}[2J\nPlan: 0 to add, 0 to change, 0 to destroy."
    static let shown = "\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."

    static let acmeYAML = """
        organization:
          name: acme
          display_name: Acme Corp
          metadata:
            customer_id: "\\e[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."
            note: "gnp.exe\\u202Etxt"
        login: password-only

        """

    static var live: JSONValue {
        [
            "organizations": [
                [
                    "id": "org_ACME", "name": "acme", "display_name": .string("evil\u{9B}31m\u{2028}"),
                    "metadata": [.init(stringLiteral: hostile): "x", "managed_by": "tenantplan"],
                ]
            ],
            "connections": [], "clients": [], "roles": [],
        ]
    }

    static let planBlock = """
          ~ organization "acme"                                  customers/acme.yaml:2
              ~ display_name: "evil\\u{9B}31m\\u{2028}" -> "Acme Corp"
              - metadata.\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy.: "x"
              + metadata.customer_id: "\\u001b[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."
              + metadata.note: "gnp.exe\\u{202E}txt"
        """

    @Test func planText() async throws {
        let harness = try EngineHarness(tenantFile: "tenant:\n  domain: example-prod.eu.auth0.com\n", customers: ["acme": Self.acmeYAML])
        let (_, text) = try await harness.plan(try LocalTenant(json: Self.live))
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 0 connections, 0 clients, 0 roles in 4 requests

            \(Self.planBlock)

            Plan: 0 to add, 1 to change, 0 to destroy.

            """)
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("Plan:") }.count == 1)
    }

    @Test func planMarkdown() async throws {
        let harness = try EngineHarness(tenantFile: "tenant:\n  domain: example-prod.eu.auth0.com\n", customers: ["acme": Self.acmeYAML])
        let (plan, _) = try await harness.plan(try LocalTenant(json: Self.live))
        let text = PlanMarkdownRenderer(directory: "t\u{1B}[31m", target: "local\nX").render(plan)
        #expect(text == """
            ### tenantplan plan: `t\\u{1B}[31m` against `local\\nX`

            **Plan: 0 to add, 1 to change, 0 to destroy.**

            | kind | to add | to change | to destroy |
            |---|---:|---:|---:|
            | organization | 0 | 1 | 0 |

            <details><summary>~ organization "acme" — `customers/acme.yaml:2`</summary>

            ```diff
            ~ display_name: "evil\\u{9B}31m\\u{2028}" -> "Acme Corp"
            - metadata.\\u{1B}[2J\\nPlan: 0 to add, 0 to change, 0 to destroy.: "x"
            + metadata.customer_id: "\\u001b[2J\\nPlan: 0 to add, 0 to change, 0 to destroy."
            + metadata.note: "gnp.exe\\u{202E}txt"
            ```
            </details>

            """)
    }

    @Test func diagnostic() {
        let diagnostic = Diagnostic(
            .error, "unknown key '\(Self.hostile)' in organization", at: SourceLocation(file: "customers/a\tb.yaml", line: 3, column: 1),
            notes: [.init("first \u{202E}here", at: SourceLocation(file: "customers/a\tb.yaml", line: 1, column: 1))])
        #expect(diagnostic.rendered(directory: "t") == """
            t/customers/a\\tb.yaml:3:1: error: unknown key '\(Self.shown)' in organization
            t/customers/a\\tb.yaml:1:1: note: first \\u{202E}here
            """)
    }

    @Test func applyReport() {
        var report = ApplyReport()
        let create = PlannedRequest(
            phase: .organizations, operation: .createOrganization, path: "/x",
            subject: .resource(.organization, "a\u{1B}]0;pwned\u{7}"))
        let update = PlannedRequest(
            phase: .organizations, operation: .updateOrganization, path: "/y", subject: .resource(.organization, "b"))
        report.done.append(.init(planned: create, request: "POST /x", detail: nil))
        report.failed.append(.init(planned: update, request: "PATCH /y", detail: Self.hostile))
        #expect(ApplyReportRenderer.render(report, directory: "t") == """
            Apply failed: 1 done, 1 failed, 0 not attempted.
              done: create organization "a\\u{1B}]0;pwned\\u{7}"
              failed: update organization "b": \(Self.shown)
            Nothing done is undone. Run `tenantplan plan t` to see the remainder; running apply again converges.

            """)
    }
}
