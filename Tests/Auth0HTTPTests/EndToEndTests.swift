import Auth0HTTP
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import TestSupport
import Testing

@Suite("End to end: ManagementClient over Auth0Transport over a loopback socket to a local tenant")
struct EndToEndTests {
    @Test("read organizations with checkpoint pagination, create one (201), read it back")
    func organizations() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("auth0http-\(UUID().uuidString).json")
        try ExampleData.tenant.encoded(pretty: true).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(path: file.path), clientSecret: ScriptedAuth0.secret)
        let server = try LoopbackServer(handler: auth0.handler)
        defer { server.stop() }
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID, "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
        ]))
        let client = ManagementClient(transport: transport, pageSize: 2)

        try await transport.checkScopes(for: .apply)
        let names = try await client.listOrganizations().map(\.name)
        #expect(names == ["acme", "beta", "gamma"])

        let created = try await transport.send(APIRequest(
            .post, "/api/v2/organizations", body: ["name": "delta", "display_name": "Delta & Sons"]))
        #expect(created.status == 201)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("org_"))

        let delta = try #require(try await client.organization(named: "delta"))
        #expect(delta.id == id)
        #expect(delta.displayName == "Delta & Sons")
        #expect(try await client.listOrganizations().map(\.name) == ["acme", "beta", "gamma", "delta"])

        let saved = try await LocalTenant(path: file.path).snapshotJSON  // the file and its journal
        #expect(saved["organizations"]?.arrayValue?.count == 4)
        #expect(server.requests == [
            "POST /oauth/token",
            "GET /api/v2/organizations?take=2",
            "GET /api/v2/organizations?from=cDoy&take=2",
            "POST /api/v2/organizations",
            "GET /api/v2/organizations/name/delta",
            "GET /api/v2/organizations?take=2",
            "GET /api/v2/organizations?from=cDoy&take=2",
        ])
        #expect(transport.statistics.snapshot.requestsSent == 6)
        #expect(transport.statistics.snapshot.tokenRequests == 1)
    }
}
