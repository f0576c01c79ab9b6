import Diff
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
@testable import Output
import PlanModel
import Testing
import TestSupport

/// `plan --format markdown`: a pull-request comment that never passes GitHub's 65,536-character limit.
@Suite struct PlanMarkdownTests {
    @Test func smallPlanIsShownWhole() async throws {
        let harness = try EngineHarness()
        let (plan, _) = try await harness.plan(try LocalTenant(json: driftedLive))
        let text = PlanMarkdownRenderer(directory: "t", target: "local").render(plan)
        #expect(text.hasPrefix("""
            ### tenantplan plan: `t` against `local`

            **Plan: 0 to add, 3 to change, 1 to destroy. 1 organization, 1 connection, 1 client and 1 enabled connection not managed here were left alone.**

            | kind | to add | to change | to destroy |
            |---|---:|---:|---:|
            | organization | 0 | 1 | 1 |
            | connection | 0 | 1 | 0 |
            | client | 0 | 1 | 0 |

            :warning: Some changes need `--allow-destroy` or `--allow-identity-change` to apply.

            <details><summary>~ client "saas-web" — `tenant.yaml:10`</summary>

            ```diff
            ~ organization_usage: "allow" -> "require"
            ```
            </details>

            """))
        #expect(text.contains("<details><summary>- organization \"oldco\"</summary>"))
        #expect(!text.contains("more resource changes"))
    }

    @Test func twoThousandCustomersStayUnderTheLimitWithTheSummaryWhole() async throws {
        var customers: [String: String] = [:]
        for i in 0..<2000 {
            customers["c\(i)"] = """
                organization:
                  name: customer-\(i)
                  display_name: Customer \(i) with a long enough display name to take room
                  metadata: { customer_id: "c-\(i)", plan: enterprise }
                login: password-only

                """
        }
        let work = try CaseWorkspace("markdown", tenant: "tenant:\n  domain: example-prod.eu.auth0.com\n", customers: customers)
        let tenant = try work.loadTenant()
        let client = ManagementClient(transport: try LocalTenant(json: [:]))
        let plan = try await LivePlan.compute(for: tenant, through: client).plan
        let text = PlanMarkdownRenderer(directory: "tenants/big", target: "local").render(plan)
        #expect(text.count <= PlanMarkdownRenderer.limit)
        #expect(text.contains("**Plan: 2000 to add, 0 to change, 0 to destroy.**"))
        #expect(text.contains("| organization | 2000 | 0 | 0 |"))
        let shown = text.components(separatedBy: "<details>").count - 1
        #expect(shown > 100 && shown < 2000)
        #expect(text.hasSuffix(
            "… and \(2000 - shown) more resource changes, left out to keep this comment under 65536 characters. "
                + "Run `tenantplan plan tenants/big` for the whole plan.\n"))
    }

    @Test func backticksInValuesCannotCloseTheFence() {
        let change = ResourceChange(
            kind: .role, name: "member", action: .update, location: nil, liveID: "rol_1",
            fields: [FieldChange(.change, "description", before: .json("a ``` b"), after: .json("c"))], requests: [])
        #expect(PlanMarkdownRenderer.section(change).contains("````diff\n~ description: \"a ``` b\" -> \"c\"\n````"))
    }
}
