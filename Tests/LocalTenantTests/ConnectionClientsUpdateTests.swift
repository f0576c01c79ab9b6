import JSONValues
import LocalTenant
import ManagementAPI
import Testing

/// The local tenant's `PATCH /api/v2/connections/{id}/clients` (Management API "Update enabled clients for a
/// connection"): whole answers at the batch limit of 50 and one past it, an unknown client refusing the whole
/// batch, and enabling or disabling a client twice.
@Suite struct ConnectionClientsUpdateTests {
    static let path = "/api/v2/connections/con_DB/clients"

    static func tenant() throws -> LocalTenant {
        try LocalTenant(json: [
            "connections": [["id": "con_DB", "name": "db", "strategy": "auth0", "options": [:]]],
            "clients": [["client_id": "cli_1", "name": "app"], ["client_id": "cli_2", "name": "admin"]],
            "connection_clients": ["con_DB": ["cli_2"]],
        ])
    }

    static func enabled(_ local: LocalTenant) async throws -> JSONValue? {
        try await local.send(APIRequest(.get, path, query: ["take": "50"])).body
    }

    static func entries(_ count: Int, status: Bool = true) -> JSONValue {
        .array(Array(repeating: ["client_id": "cli_1", "status": .bool(status)], count: count))
    }

    @Test(arguments: [1, 49, 50])
    func upToFiftyEntriesAreApplied(count: Int) async throws {
        let local = try Self.tenant()
        let answer = try await local.send(APIRequest(.patch, Self.path, body: Self.entries(count)))
        #expect(answer.status == 204 && answer.body == nil)
        #expect(try await Self.enabled(local) == ["clients": [["client_id": "cli_2"], ["client_id": "cli_1"]]])
    }

    @Test(arguments: [51, 100])
    func moreThanFiftyEntriesAreRefusedWhole(count: Int) async throws {
        let local = try Self.tenant()
        let answer = try await local.send(APIRequest(.patch, Self.path, body: Self.entries(count)))
        #expect(answer.status == 400)
        #expect(answer.body == [
            "statusCode": 400, "error": "Bad Request", "errorCode": "invalid_body",
            "message": .string("Payload validation error: 'Array is too long (\(count)), maximum 50'."),
        ])
        #expect(try await Self.enabled(local) == ["clients": [["client_id": "cli_2"]]])
    }

    /// An unknown client after a known one: 404, and the known one is not applied either.
    @Test func anUnknownClientRefusesTheWholeBatch() async throws {
        let local = try Self.tenant()
        let answer = try await local.send(
            APIRequest(.patch, Self.path, body: [
                ["client_id": "cli_1", "status": true], ["client_id": "cli_9", "status": true],
            ]))
        #expect(answer.status == 404)
        #expect(answer.body == [
            "statusCode": 404, "error": "Not Found", "message": "Client not found: cli_9", "errorCode": "inexistent_client",
        ])
        #expect(try await Self.enabled(local) == ["clients": [["client_id": "cli_2"]]])
    }

    /// Enabling an enabled client or disabling a disabled one changes nothing; `false` removes.
    @Test func statusIsADeltaAndRepeatsAreHarmless() async throws {
        let local = try Self.tenant()
        let again = try await local.send(APIRequest(.patch, Self.path, body: [["client_id": "cli_2", "status": true]]))
        #expect(again.status == 204)
        #expect(try await Self.enabled(local) == ["clients": [["client_id": "cli_2"]]])
        let off = try await local.send(APIRequest(.patch, Self.path, body: [
            ["client_id": "cli_2", "status": false], ["client_id": "cli_1", "status": false],
        ]))
        #expect(off.status == 204)
        #expect(try await Self.enabled(local) == ["clients": []])
    }
}
