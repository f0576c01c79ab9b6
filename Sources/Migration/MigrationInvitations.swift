import Foundation
import Invitations
import JSONValues
import ManagementAPI
import Members
import PlanModel

/// `tenantplan invite --migrate` (docs/sso-enforcement.md): an organization invitation to the organization's SSO
/// connection for each member at risk under the declared `login`, bound by the member id read from the old user's
/// `app_metadata`, never by e-mail.
///
/// Each invitation is one the ``Inviter`` creates from the organization's invite policy with its connection set to
/// the SSO connection: `app_metadata` is exactly the member key with the old user's member id, plus each other
/// key the policy's `require_app_metadata` names, copied from the old user's `app_metadata` (a key it lacks
/// refuses that member). `invitee.email` is the old user's address: where the invitation is sent, not who it is
/// for. Idempotent by member id (``InvitationMatch/memberID(key:)``): a pending, unexpired invitation carrying the
/// member id is not sent again, whatever its address; two members sharing an address each get their own.
public enum MigrationInvitations {
    /// Reads who is where (``MemberRoster/read(organization:tenant:client:now:parallelism:)``), then invites each
    /// member at risk that has not moved, one create at a time (`POST /api/v2/organizations/{id}/invitations`;
    /// the transport owns the rate budget). Members that moved are reported skipped; members without a member id
    /// (or an address) as needing a manual decision.
    /// - Parameters:
    ///   - organization: The organization's `name`.
    ///   - tenant: The loaded tenant directory.
    ///   - now: The time invitations expire against.
    ///   - connection: `--connection NAME`: the SSO connection to invite to; `nil` takes the one enterprise
    ///     connection enabled for the organization once its plan is applied (several or none is a refusal).
    ///   - inviterName: `--inviter`; `roles`: `--role` names; `ttlSeconds`: `--ttl` (as for `invite`).
    ///   - dryRun: Read and decide, send no write.
    ///   - parallelism: User reads in flight at once.
    ///   - connect: Opens the live tenant (domain check, scope preflight); called once the invite policy has been
    ///     checked from the YAML alone, so a policy refusal sends no request.
    /// - Returns: The per-member report, in member order, or every refusal found before any write.
    /// - Throws: `connect`'s errors; ``ManagementAPIError``, ``TransportError``, ``UnexpectedResponse`` from a read;
    ///   ``PlanError``.
    public static func run(
        organization: String, tenant: Tenant, now: Date, connection: String? = nil,
        inviterName: String? = nil, roles: [String]? = nil, ttlSeconds: Int? = nil, dryRun: Bool = false,
        parallelism: Int = 1, connect: () async throws -> ManagementClient
    ) async throws -> Result<InvitationReport, InvitationRefused> {
        let policy: InvitationTemplate
        switch InvitePolicyCheck.template(
            organization: organization, in: tenant, inviterName: inviterName, roles: roles, ttlSeconds: ttlSeconds)
        {
        case .failure(let refused): return .failure(refused)
        case .success(let checked): policy = checked
        }
        let client = try await connect()
        let roster: MemberRoster
        switch try await MemberRoster.read(
            organization: organization, tenant: tenant, client: client, now: now, parallelism: parallelism)
        {
        case .failure(let refused): return .failure(refused)
        case .success(let read): roster = read
        }
        let sso: String
        switch ssoConnection(named: connection, in: roster) {
        case .failure(let refused): return .failure(refused)
        case .success(let name): sso = name
        }
        let template = InvitationTemplate(
            organization: policy.organization, file: policy.file, inviterName: policy.inviterName,
            client: policy.client, connection: sso, roles: policy.roles, rolesFromPolicy: policy.rolesFromPolicy,
            ttlSeconds: policy.ttlSeconds, sendInvitationEmail: policy.sendInvitationEmail,
            requiredAppMetadata: policy.requiredAppMetadata,
            requiredAppMetadataLocation: policy.requiredAppMetadataLocation, memberKey: roster.memberKey)

        var decided: [InvitationOutcome] = []
        var invitees: [Invitee] = []
        for member in roster.members {
            switch member.standing {
            case .signsIn: continue
            case .moved(let to):
                decided.append(InvitationOutcome(email: member.email, line: nil, status: .moved(to: to), userID: member.userID))
            case .needsManualDecision(let reason):
                decided.append(
                    InvitationOutcome(
                        email: member.email, line: nil, status: .needsManualDecision(reason), userID: member.userID))
            case .invited, .notInvited:
                invitees.append(invitee(member, template: template, memberKey: roster.memberKey))
            }
        }
        let inviter = Inviter(client: client, now: now)
        switch try await inviter.run(
            template, invitees: invitees, rejected: decided, dryRun: dryRun, match: .memberID(key: roster.memberKey))
        {
        case .failure(let refused): return .failure(refused)
        case .success(let report):
            let order = Dictionary(
                roster.members.enumerated().map { ($0.element.userID, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let outcomes = report.outcomes.sorted { (order[$0.userID ?? ""] ?? 0) < (order[$1.userID ?? ""] ?? 0) }
            return .success(
                InvitationReport(
                    organization: report.organization, template: report.template, dryRun: report.dryRun,
                    outcomes: outcomes))
        }
    }

    /// The SSO connection to invite to: `named` when it is one of the roster's SSO connections, else the only one.
    static func ssoConnection(named: String?, in roster: MemberRoster) -> Result<String, InvitationRefused> {
        if let named {
            guard roster.ssoConnections.contains(named) else {
                return .failure(
                    InvitationRefused([
                        .notAnSSOConnection(
                            connection: named, organization: roster.organization, ssoConnections: roster.ssoConnections)
                    ]))
            }
            return .success(named)
        }
        switch roster.ssoConnections.count {
        case 1: return .success(roster.ssoConnections[0])
        case 0:
            return .failure(
                InvitationRefused([
                    .noSSOConnection(organization: roster.organization, connections: roster.connectionsAfter)
                ]))
        default:
            return .failure(
                InvitationRefused([
                    .severalSSOConnections(organization: roster.organization, connections: roster.ssoConnections)
                ]))
        }
    }

    /// The invitee for a member at risk: its address, and `app_metadata` of exactly the member key (its member id)
    /// and the policy's other required keys, copied from the old user's `app_metadata` when they hold text.
    static func invitee(_ member: MemberRoster.Entry, template: InvitationTemplate, memberKey: String) -> Invitee {
        var metadata: [String: String] = [:]
        for key in template.requiredAppMetadata where key != memberKey {
            if let value = member.appMetadata[key]?.stringValue { metadata[key] = value }
        }
        metadata[memberKey] = MemberStanding.memberID(member.memberID)
        return Invitee(email: member.email ?? "", appMetadata: metadata, userID: member.userID)
    }
}
