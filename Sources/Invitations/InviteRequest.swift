import Foundation
import ManagementAPI
import PlanModel

/// One `tenantplan invite` run as the library carries it out (docs/onboarding.md): who to invite, the caller's
/// options, and ``run(tenant:now:connect:)``, which checks the policy, then opens the live tenant and invites.
public struct InviteRequest: Sendable {
    /// Who to invite.
    public enum Invitees: Sendable {
        /// `--email ADDRESS` with its `--app-metadata`.
        case one(Invitee)
        /// `--from-csv FILE`, parsed, with the `--app-metadata` defaults for every row.
        case csv(InvitationCSV, common: [String: String])
    }

    /// Why a run stopped before any write: policy or live-tenant refusals, or a CSV the run cannot use.
    public enum Stop: Error, Sendable, Equatable {
        /// Every refusal found.
        case refused(InvitationRefused)
        /// The CSV lacks a column the policy requires (``InvitationCSVError``).
        case csv(InvitationCSVError)
    }

    /// The organization's `name`.
    public var organization: String
    /// Who to invite.
    public var invitees: Invitees
    /// `--inviter NAME`, if given.
    public var inviterName: String?
    /// `--role NAME`s, or `nil` for the policy's roles.
    public var roles: [String]?
    /// `--ttl`, in seconds, if given.
    public var ttlSeconds: Int?
    /// `--dry-run`: send nothing.
    public var dryRun: Bool

    /// A request.
    public init(
        organization: String, invitees: Invitees, inviterName: String? = nil, roles: [String]? = nil,
        ttlSeconds: Int? = nil, dryRun: Bool = false
    ) {
        self.organization = organization
        self.invitees = invitees
        self.inviterName = inviterName
        self.roles = roles
        self.ttlSeconds = ttlSeconds
        self.dryRun = dryRun
    }

    /// Checks the request against the organization's invite policy from the YAML alone
    /// (``InvitePolicyCheck``; a refusal stops before `connect` is called, so before any request), then connects
    /// and runs the ``Inviter``.
    /// - Parameters:
    ///   - tenant: The loaded tenant directory.
    ///   - now: The time pending invitations are judged against.
    ///   - connect: Opens the live tenant (the caller's domain check and scope preflight), called once.
    /// - Returns: The report, or why nothing was written.
    /// - Throws: `connect`'s errors; ``ManagementAPIError`` or ``TransportError`` when a read fails.
    public func run(tenant: Tenant, now: Date, connect: () async throws -> ManagementClient) async throws
        -> Result<InvitationReport, Stop>
    {
        let template: InvitationTemplate
        switch InvitePolicyCheck.template(
            organization: organization, in: tenant, inviterName: inviterName, roles: roles, ttlSeconds: ttlSeconds)
        {
        case .failure(let refused): return .failure(.refused(refused))
        case .success(let checked): template = checked
        }
        var people: [Invitee] = []
        var rejected: [InvitationOutcome] = []
        switch invitees {
        case .one(let invitee):
            let refusals = InvitePolicyCheck.check(invitee, against: template)
            guard refusals.isEmpty else { return .failure(.refused(InvitationRefused(refusals))) }
            people = [invitee]
        case .csv(let csv, let common):
            do {
                (people, rejected) = try csv.invitees(required: template.requiredAppMetadata, common: common)
            } catch let error as InvitationCSVError {
                return .failure(.csv(error))
            }
        }
        let client = try await connect()
        return try await Inviter(client: client, now: now).run(
            template, invitees: people, rejected: rejected, dryRun: dryRun
        ).mapError(Stop.refused)
    }
}
