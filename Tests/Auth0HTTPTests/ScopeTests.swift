import Auth0HTTP
import Foundation
import JSONValues
import ManagementAPI
import TestSupport
import Testing

@Suite("Scope preflight")
struct ScopeTests {
    @Test("the missing-scopes message names each missing scope and the command")
    func missingScopesMessage() {
        let granted = RequiredScopes.plan.scopes.filter { $0 != "read:roles" && $0 != "read:connections_options" }
        let missing = RequiredScopes.plan.missing(from: granted)
        #expect(missing == ["read:connections_options", "read:roles"])
        #expect(
            MissingScopes(command: "plan", missing: missing).description
                == "the token lacks scopes plan needs: read:connections_options, read:roles")
    }

    @Test("apply needs the write scopes of its plan's requests only")
    func writeScopesOfAPlan() {
        let requests = [
            APIRequest(.post, "/api/v2/roles", body: ["name": "member"]),
            APIRequest(.post, "/api/v2/connections", body: ["name": "acme-entra", "options": [:]]),
            APIRequest(.patch, "/api/v2/connections/con_1", body: ["options": ["passwordPolicy": "good"]]),
            APIRequest(.patch, "/api/v2/connections/{{connection:acme-entra}}/clients", body: []),
            APIRequest(.post, "/api/v2/organizations", body: ["name": "acme"]),
            APIRequest(.post, "/api/v2/organizations/org_1/enabled_connections", body: [:]),
            APIRequest(.patch, "/api/v2/organizations/org_1/enabled_connections/con_1", body: [:]),
        ]
        #expect(RequiredScopes.writes(for: requests) == [
            "create:organizations", "create:organization_connections", "update:organization_connections",
            "create:connections", "update:connections", "update:connections_options", "create:roles",
        ])
        #expect(RequiredScopes.writes(for: [APIRequest(.delete, "/api/v2/organizations/org_1")]) == ["delete:organizations"])
        #expect(RequiredScopes.writes(for: [APIRequest(.patch, "/api/v2/connections/con_1", body: ["display_name": "x"])])
            == ["update:connections"])
        #expect(RequiredScopes.writes(for: []) == [])
    }

    @Test("the scopes each command needs")
    func table() {
        let reads = [
            "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
            "read:clients", "read:roles",
        ]
        #expect(RequiredScopes.plan.scopes == reads)
        #expect(RequiredScopes.export.scopes == reads)
        #expect(RequiredScopes.apply.scopes == reads)
        #expect(
            RequiredScopes.invite.scopes == [
                "read:organizations", "read:organization_connections", "read:clients", "read:roles",
                "read:organization_invitations", "create:organization_invitations",
            ])
        #expect(
            RequiredScopes.invitations.scopes == [
                "read:organizations", "read:organization_invitations", "delete:organization_invitations",
            ])
        let members = reads + ["read:organization_members", "read:users", "read:organization_invitations"]
        #expect(RequiredScopes.members.scopes == members)
        #expect(RequiredScopes.inviteMigrate.scopes == members + ["create:organization_invitations"])
        #expect(RequiredScopes(rawValue: "invite --migrate") == .inviteMigrate)
    }

    @Test("client credentials: scopes come from the token response, without a Management API request")
    func fromTokenResponse() async throws {
        let fake = try ScriptedAuth0(scope: "read:organizations read:organization_connections read:clients")
        let transport = try fake.transport()
        #expect(try await transport.grantedScopes() == ["read:organizations", "read:organization_connections", "read:clients"])
        await #expect(throws: MissingScopes(command: "invitations", missing: [
            "read:organization_invitations", "delete:organization_invitations",
        ])) { try await transport.checkScopes(for: .invitations) }
        let error = await #expect(throws: MissingScopes.self) { try await transport.checkScopes(for: .plan) }
        #expect(
            error?.description
                == "the token lacks scopes plan needs: read:connections, read:connections_options, read:roles")
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest])
    }

    @Test("client credentials with every scope: the preflight passes")
    func allGranted() async throws {
        let fake = try ScriptedAuth0()
        let transport = try fake.transport()
        for command in RequiredScopes.allCases { try await transport.checkScopes(for: command) }
        #expect(fake.server.requests == [ScriptedAuth0.tokenRequest])
    }

    @Test("AUTH0_API_TOKEN: scopes come from the JWT payload's scope claim; nothing is sent")
    func fromJWT() async throws {
        let fake = try ScriptedAuth0()
        let token = LoopbackAuth0.fakeJWT(scope: "read:organizations read:organization_invitations", expiresIn: 60, serial: 7)
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": fake.server.baseURL, "AUTH0_API_TOKEN": token,
        ]))
        #expect(try await transport.grantedScopes() == ["read:organizations", "read:organization_invitations"])
        await #expect(throws: MissingScopes(command: "invitations", missing: ["delete:organization_invitations"])) {
            try await transport.checkScopes(for: .invitations)
        }
        #expect(fake.server.requests == [])
    }

    @Test("a JWT whose scope claim is an array")
    func scopeArray() async throws {
        func part(_ value: JSONValue) -> String {
            value.encoded().base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        let token = "\(part(["alg": "none"])).\(part(["scope": ["read:roles", "read:clients"]]))."
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "example.eu.auth0.com", "AUTH0_API_TOKEN": token,
        ]))
        #expect(try await transport.grantedScopes() == ["read:roles", "read:clients"])
    }

    @Test(
        "an AUTH0_API_TOKEN that is not a readable JWT is a clear error without the token",
        arguments: [
            ("opaque-Token-Value", "AUTH0_API_TOKEN is not a readable JWT: it has 1 part separated by '.', a JWT has 3"),
            ("a.b.c.d.e", "AUTH0_API_TOKEN is not a readable JWT: it has 5 parts separated by '.', a JWT has 3"),
            ("eyJhbGciOiJub25lIn0.!!!.sig", "AUTH0_API_TOKEN is not a readable JWT: its payload is not base64url"),
            ("eyJhbGciOiJub25lIn0.WzFd.sig", "AUTH0_API_TOKEN is not a readable JWT: its payload is not a JSON object"),
        ])
    func unreadableJWT(token: String, message: String) async throws {
        let transport = Auth0Transport(configuration: try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "example.eu.auth0.com", "AUTH0_API_TOKEN": token,
        ]))
        let error = await #expect(throws: Auth0TokenError.self) { try await transport.checkScopes(for: .plan) }
        #expect(error?.description == message)
        #expect(error.map { !"\($0)".contains(token) } == true)
    }
}
