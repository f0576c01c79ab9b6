import Foundation
import Invitations
import JSONValues
import LocalTenant
import ManagementAPI
import PlanModel
import Synchronization
import Testing

/// The library without the command line: a lost create response is settled by re-reading, never by resending
/// blindly; refusals come back as values.
@Suite struct InviterTests {
    /// Forwards to a local tenant; the first `POST …/invitations` takes effect but its response is lost.
    final class LosingTransport: ManagementTransport {
        let tenant: LocalTenant
        let lost = Mutex(false)
        let log = Mutex<[String]>([])
        var tenantDescription: String { tenant.tenantDescription }
        var remoteDomain: String? { nil }

        init(_ tenant: LocalTenant) { self.tenant = tenant }

        func send(_ request: APIRequest) async throws -> APIResponse {
            log.withLock { $0.append(request.description) }
            let response = try await tenant.send(request)
            let lose = request.method == .post && request.path.hasSuffix("/invitations")
                && lost.withLock { done in defer { done = true }; return !done }
            if lose { throw TransportError(request: request.description, reason: "connection reset") }
            return response
        }
    }

    static let template = InvitationTemplate(
        organization: "acme", file: "customers/acme.yaml", inviterName: "Acme Corp", client: "saas-web",
        connection: "acme-entra", roles: ["member"], ttlSeconds: 604_800, sendInvitationEmail: true,
        requiredAppMetadata: ["member_id"], requiredAppMetadataLocation: SourceLocation(file: "customers/acme.yaml", line: 9, column: 3))

    static func tenant(faults: LocalTenant.Faults = .init()) throws -> LocalTenant {
        try LocalTenant(json: [
            "organizations": [[
                "id": "org_acme", "name": "acme",
                "enabled_connections": [[
                    "connection_id": "con_entra", "assign_membership_on_login": false,
                    "connection": ["name": "acme-entra", "strategy": "waad"],
                ]],
            ]],
            "connections": [["id": "con_entra", "name": "acme-entra", "strategy": "waad"]],
            "clients": [["client_id": "cli_web", "name": "saas-web", "organization_usage": "require",
                         "initiate_login_uri": "https://app.example.com/login"]],
            "roles": [["id": "rol_member", "name": "member"]],
        ], faults: faults)
    }

    static let ann = Invitee(email: "ann@acme.example", appMetadata: ["member_id": "m-1"])

    @Test func lostResponseFoundByRereadingNotResent() async throws {
        let transport = LosingTransport(try Self.tenant())
        let inviter = Inviter(client: ManagementClient(transport: transport))
        let report = try await inviter.run(Self.template, invitees: [Self.ann]).get()
        let stored = try #require(await transport.tenant.snapshotJSON["invitations"]?["org_acme"]?.arrayValue)
        #expect(stored.count == 1)
        guard case .created(let invitation, let recovered) = report.outcomes.first?.status else {
            Issue.record("not created: \(report.outcomes)")
            return
        }
        #expect(recovered)
        #expect(.string(invitation.id) == stored[0]["id"])
        let log = transport.log.withLock { $0 }
        #expect(log.filter { $0.hasPrefix("POST") }.count == 1)
        #expect(log.suffix(2) == [
            "POST /api/v2/organizations/org_acme/invitations",
            "GET /api/v2/organizations/org_acme/invitations?include_totals=true&page=0&per_page=100",
        ])
    }

    @Test func lostBeforeTakingEffectIsSentAgainAfterTheReread() async throws {
        let tenant = try Self.tenant(faults: .init(failWritesAfter: 0))
        let inviter = Inviter(client: ManagementClient(transport: tenant))
        let report = try await inviter.run(Self.template, invitees: [Self.ann]).get()
        let served = await tenant.servedRequests.map(\.description)
        #expect(served.suffix(3) == [
            "POST /api/v2/organizations/org_acme/invitations",
            "GET /api/v2/organizations/org_acme/invitations?include_totals=true&page=0&per_page=100",
            "POST /api/v2/organizations/org_acme/invitations",
        ])
        #expect(report.failed == 1)
        #expect(report.succeeded == false)

        await tenant.setFaults(.init())
        let retried = try await inviter.run(Self.template, invitees: [Self.ann]).get()
        #expect(retried.created == 1)
    }

    @Test func refusalsAreValues() async throws {
        let tenant = try Self.tenant()
        let template = InvitationTemplate(
            organization: "acme", file: "customers/acme.yaml", inviterName: "Acme Corp", client: "nope",
            connection: "other", roles: ["member", "admin"], ttlSeconds: 60, sendInvitationEmail: true,
            requiredAppMetadata: [], requiredAppMetadataLocation: SourceLocation(file: "customers/acme.yaml", line: 1, column: 1))
        let result = try await Inviter(client: ManagementClient(transport: tenant)).run(template, invitees: [Self.ann])
        #expect(result == .failure(InvitationRefused([
            .connectionNotEnabledLive(connection: "other", organization: "acme", tenant: "local tenant (in memory)"),
            .clientNotLive(client: "nope", tenant: "local tenant (in memory)"),
            .rolesNotLive(roles: ["admin"], tenant: "local tenant (in memory)"),
        ])))
        #expect(await tenant.servedRequests.allSatisfy { !$0.isWrite })
    }

    @Test func everyInviteeRejectedSendsNothing() async throws {
        let tenant = try Self.tenant()
        let report = try await Inviter(client: ManagementClient(transport: tenant))
            .run(Self.template, invitees: [Invitee(email: "bad", appMetadata: [:], line: 2)]).get()
        #expect(report.rejected == 1)
        #expect(await tenant.servedRequests.isEmpty)
        #expect(report.outcomes.first?.status == .rejected([
            .invalidEmail("bad"),
            .missingAppMetadata(keys: ["member_id"], organization: "acme", at: Self.template.requiredAppMetadataLocation),
        ]))
    }
}
