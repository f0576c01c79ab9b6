import Foundation
import TenantGenerator
import Testing
import TestSupport

/// Issue 6: a full plan makes no more requests than
/// `1 + ceil(orgs/100) + orgs + ceil(connections/100) + sum over managed clients of ceil(links/100) + ceil(roles/100)`
/// (the `1` is the clients list, one page while the tenant has at most 100 clients).
@Suite struct RequestCountTests {
    func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    @Test func fullPlanOfAGeneratedTenant() async throws {
        let work = try CaseWorkspace(empty: "request-count")
        let n = 250
        let generated = try await generate(n: n, into: work.root)
        let result = await work.run(
            ["plan", generated.directory, "--tenant", "local:live.json", "--detailed-exitcode"],
            environment: secretsEnvironment(n))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let live = try work.json()
        let organizations = live["organizations"]!.arrayValue!.count
        let connections = live["connections"]!.arrayValue!.count
        let roles = live["roles"]!.arrayValue!.count
        let webLinks = live["connection_clients"]!.objectValue!.values.filter {
            $0.arrayValue!.contains(.string(live.clientID("saas-web")))
        }.count
        #expect([organizations, connections, roles, webLinks] == [250, 251, 2, 251] as [Int])
        let formula = 1 + ceilDiv(organizations, 100) + organizations + ceilDiv(connections, 100)
            + ceilDiv(webLinks, 100) + ceilDiv(roles, 100)
        #expect(formula == 261)
        #expect(result.requests.count == formula)
        #expect(result.planLines[1] == "read 250 organizations, 251 connections, 1 client, 2 roles in 261 requests")
        // One GET per page of the client's links, never one per connection.
        #expect(result.requests.filter { $0.path.hasSuffix("/clients") && $0.path.hasPrefix("/api/v2/connections/") } == [])
        #expect(result.requests.filter { $0.path.hasPrefix("/api/v2/clients/") }.count == 3)
    }
}
