import Apply
import Diff
import JSONValues
import LocalTenant
import ManagementAPI
import Output
import Testing
import TestSupport

/// A failed apply can be re-run to converge, without duplicates.
@Suite struct ConvergenceTests {
    /// Counts of each kind of object in the local tenant.
    static func counts(_ live: LocalTenant) async -> [Int] {
        let state = await live.snapshotJSON
        let enabled = state["organizations"]?.arrayValue?.reduce(0) { $0 + ($1["enabled_connections"]?.arrayValue?.count ?? 0) }
        return [
            state["roles"]?.arrayValue?.count ?? 0, state["clients"]?.arrayValue?.count ?? 0,
            state["connections"]?.arrayValue?.count ?? 0, state["organizations"]?.arrayValue?.count ?? 0,
            enabled ?? 0,
        ]
    }

    @Test(arguments: 0...5)
    func interruptedAfterKWritesThenRerunConverges(_ k: Int) async throws {
        let harness = try EngineHarness()
        let live = try emptyTenant(LocalTenant.Faults(failWritesAfter: k))
        let first = try await harness.apply(live)
        #expect(!first.succeeded)
        #expect(first.done.count == k)
        #expect(first.done.count + first.failed.count + first.notAttempted.count == 6)

        // The remainder is exactly what was not done.
        let (remainder, _) = try await harness.plan(live)
        #expect(remainder.requests.count == 6 - k)

        await live.setFaults(LocalTenant.Faults())
        let second = try await harness.apply(live)
        #expect(second.succeeded)
        #expect(await Self.counts(live) == [1, 1, 1, 1, 1])
        #expect(try await harness.plan(live).plan.isEmpty)
    }

    @Test func conflictOnCreateUsesTheExistingObject() async throws {
        let harness = try EngineHarness()
        let live = try emptyTenant()
        let (plan, _) = try await harness.plan(live)
        // Someone creates the organization between plan and apply.
        _ = try await live.send(APIRequest(.post, "/api/v2/organizations", body: ["name": "acme"]))
        let report = try await Applier(client: ManagementClient(transport: live)).apply(plan, options: ApplyOptions())
        #expect(report.succeeded)
        let entry = try #require(report.done.first { RequestSummary.text($0.planned) == "create organization \"acme\"" })
        #expect(entry.detail?.hasPrefix("already existed (409): used the existing organization org_") == true)
        #expect(await Self.counts(live) == [1, 1, 1, 1, 1])
    }

    @Test func lostCreateResponseIsLookedUpBeforeSendingAgain() async throws {
        let harness = try EngineHarness()
        let live = try emptyTenant()
        let lossy = LossyTransport(live, dropping: "POST /api/v2/organizations")
        let (plan, _) = try await harness.plan(live)
        let report = try await Applier(client: ManagementClient(transport: lossy)).apply(plan, options: ApplyOptions())
        #expect(report.succeeded)
        let entry = try #require(report.done.first { RequestSummary.text($0.planned) == "create organization \"acme\"" })
        #expect(entry.detail?.hasPrefix("response lost; found the created organization org_") == true)
        let sent = await live.servedRequests.map(\.description)
        #expect(sent.filter { $0 == "POST /api/v2/organizations" }.count == 1)
        #expect(sent.contains("GET /api/v2/organizations/name/acme"))
        #expect(await Self.counts(live) == [1, 1, 1, 1, 1])
    }
}

/// Carries a request out, then loses the response of the first one matching `dropping`.
actor LossyTransport: ManagementTransport {
    nonisolated let tenantDescription = "lossy"
    nonisolated var remoteDomain: String? { nil }
    private let inner: LocalTenant
    private var dropping: String?

    init(_ inner: LocalTenant, dropping: String) {
        self.inner = inner
        self.dropping = dropping
    }

    func send(_ request: APIRequest) async throws -> APIResponse {
        let response = try await inner.send(request)
        if request.description == dropping {
            dropping = nil
            throw TransportError(request: request.description, reason: "connection reset")
        }
        return response
    }
}
