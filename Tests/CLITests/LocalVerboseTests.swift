import Foundation
import Testing
import TestSupport

/// `--verbose` against the embedded local tenant logs every request it answers, one line each, in the Auth0
/// client's format (`RequestLog`): the apply's writes appear exactly as they will be sent.
@Suite struct LocalVerboseTests {
    @Test func applyLogsEachRequestLikeTheAuth0Client() async throws {
        let work = try await ExampleTenant.applied("local-verbose")
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Corporation")
        let result = await work.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve", "--verbose"],
            environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0)
        let acme = try work.json().organizationID("acme")
        let logged = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(" -> ") }
            .map { $0.replacingOccurrences(of: #"\(\d+ ms\)$"#, with: "(N ms)", options: .regularExpression) }
        // One line per request served, in order: the request as sent, its status, its duration.
        #expect(logged.map { String($0.prefix { $0 != ">" }.dropLast(2)) } == result.requests.map(\.description))
        #expect(logged.count == result.requests.count)
        #expect(logged.dropLast().allSatisfy { $0.hasPrefix("GET ") && $0.hasSuffix(" -> 200 (N ms)") })
        #expect(logged.last == "PATCH /api/v2/organizations/\(acme) -> 200 (N ms)")
        #expect(logged.filter { !$0.hasPrefix("GET ") } == ["PATCH /api/v2/organizations/\(acme) -> 200 (N ms)"])
    }

    @Test func withoutVerboseNothingIsLogged() async throws {
        let work = try await ExampleTenant.applied("local-quiet")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0)
        #expect(!result.stderr.contains(" -> "))
    }
}
