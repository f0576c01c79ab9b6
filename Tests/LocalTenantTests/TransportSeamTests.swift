import Foundation
import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// What a command asks the seam (``ManagementTransport``) instead of testing which side answers.
@Suite struct TransportSeamTests {
    /// A transport that answers 204 to everything and declares nothing else: the protocol's defaults.
    struct Bare: ManagementTransport {
        var tenantDescription: String { "bare" }
        var remoteDomain: String? { nil }
        func send(_ request: APIRequest) async throws -> APIResponse { APIResponse(status: 204) }
    }

    @Test func localTenantReadsOneRequestAtATime() throws {
        #expect(try emptyTenant().readConcurrencyLimit == 1)
    }

    @Test func aTransportThatPacesItselfHasNoReadLimit() {
        #expect(Bare().readConcurrencyLimit == Int.max)
    }

    @Test func localTenantLogsEachRequestOnceAsked() async throws {
        let live = try emptyTenant()
        let lines = LockedLines()
        _ = try await live.send(APIRequest(.get, "/api/v2/roles"))
        await live.logRequests { lines.append($0) }
        _ = try await live.send(APIRequest(.get, "/api/v2/roles"))
        let logged = lines.all
        #expect(logged.count == 1)
        #expect(logged.first?.hasPrefix("GET /api/v2/roles -> 200 (") == true)
        #expect(logged.first?.hasSuffix(" ms)") == true)
    }

    @Test func aTransportWithoutALogIgnoresTheRequestToLog() async throws {
        let lines = LockedLines()
        let bare = Bare()
        await bare.logRequests { lines.append($0) }
        _ = try await bare.send(APIRequest(.get, "/api/v2/roles"))
        #expect(lines.all == [])
    }
}
