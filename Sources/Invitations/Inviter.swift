import Auth0Schema
import Foundation
import JSONValues
import ManagementAPI

/// Creates organization invitations that follow a checked ``InvitationTemplate``, idempotently.
///
/// A run (``run(_:invitees:rejected:dryRun:)``):
/// 0. refuses an `inviter.name` longer than Auth0's schema allows (``inviterNameMaximum``), before any request;
/// 1. checks each invitee (``InvitePolicyCheck/check(_:against:)``); when none passes, it stops before any request;
/// 2. resolves the live ids (``InvitationTarget/resolve(_:client:)``; reads only); a refusal stops it;
/// 3. reads the organization's pending invitations once (`GET /api/v2/organizations/{id}/invitations`);
/// 4. for each invitee in order: skips an address with a pending, unexpired invitation (compared
///    case-insensitively) or one already seen in this run (with ``InvitationMatch/memberID(key:)``: the same
///    member id instead of the same address; a member id seen twice in the run is refused); otherwise sends
///    `POST /api/v2/organizations/{id}/invitations`, one at a time (the transport owns the rate budget).
///
/// A create whose response is lost (``TransportError``) is never sent again blindly: the organization's pending
/// invitations for that address are read first (README, "What the plan promises"), and the create is sent again only when none is
/// there. An API error fails that invitee only; the run goes on.
public struct Inviter: Sendable {
    /// The client every request goes through.
    public let client: ManagementClient
    /// The time pending invitations are judged against (expired when `expires_at` is at or before it).
    public let now: Date

    /// Creates an inviter.
    public init(client: ManagementClient, now: Date = Date()) {
        self.client = client
        self.now = now
    }

    /// Runs the invitations.
    /// - Parameters:
    ///   - template: The checked organization-level policy.
    ///   - invitees: The people to invite, in input order.
    ///   - rejected: Outcomes already decided (malformed CSV rows), merged into the report by line.
    ///   - dryRun: Read and decide, but send no write; outcomes are ``InvitationOutcome/Status/wouldCreate(_:)``.
    ///   - match: What makes two invitations one person's: the address (default), or the member id
    ///     (`invite --migrate`: a pending invitation carrying the member id skips it, whatever its address).
    /// - Returns: The report, or the refusals of resolving the live tenant (nothing written).
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` when a read fails (nothing written by this run yet).
    public func run(
        _ template: InvitationTemplate, invitees: [Invitee], rejected: [InvitationOutcome] = [], dryRun: Bool = false,
        match: InvitationMatch = .address
    ) async throws -> Result<InvitationReport, InvitationRefused> {
        if let maximum = Self.inviterNameMaximum, template.inviterName.unicodeScalars.count > maximum {
            return .failure(InvitationRefused([
                .inviterTooLong(length: template.inviterName.unicodeScalars.count, maximum: maximum)
            ]))
        }
        var outcomes = rejected
        var accepted: [Invitee] = []
        for invitee in invitees {
            let refusals = InvitePolicyCheck.check(invitee, against: template)
            if refusals.isEmpty {
                accepted.append(invitee)
            } else {
                outcomes.append(
                    InvitationOutcome(
                        email: invitee.email, line: invitee.line, status: .rejected(refusals), userID: invitee.userID))
            }
        }
        func report() -> InvitationReport {
            let ordered = outcomes.enumerated().sorted { a, b in
                (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
            }.map(\.element)
            return InvitationReport(
                organization: template.organization, template: template, dryRun: dryRun, outcomes: ordered)
        }
        guard !accepted.isEmpty else { return .success(report()) }

        let target: InvitationTarget
        switch try await InvitationTarget.resolve(template, client: client) {
        case .failure(let refused): return .failure(refused)
        case .success(let resolved): target = resolved
        }
        let pending = try await client.listInvitations(organizationID: target.organizationID)
        var pendingByKey: [String: LiveInvitation] = [:]
        for invitation in pending where !invitation.isExpired(at: now) {
            guard let key = match.key(of: invitation) else { continue }
            pendingByKey[key] = pendingByKey[key] ?? invitation
        }
        // The member key's value (a member id) identifies one person: record who holds it, pending or in this run.
        // Other required keys (a cost center) are shared by many people. Matching by member id makes this the
        // idempotence key itself.
        var holders: [String: String] = [:]  // member key value -> address
        if match == .address, let memberKey = template.memberKey {
            for invitation in pending where !invitation.isExpired(at: now) {
                if let value = invitation.appMetadata[memberKey]?.stringValue { holders[value] = invitation.inviteeEmail }
            }
        }
        var seen: [String: (line: Int?, email: String)] = [:]
        // Expired invitations stay in the list until revoked, so they count against the listing window too.
        var listed = pending.count
        for invitee in accepted {
            let key = match.key(of: invitee)
            let values = template.requiredAppMetadata.compactMap { name in
                invitee.appMetadata[name].map { (name, $0.trimmingCharacters(in: .whitespaces)) }
            }
            let member = template.memberKey.flatMap { name in
                invitee.appMetadata[name].map { (name: name, value: $0.trimmingCharacters(in: .whitespaces)) }
            }
            let status: InvitationOutcome.Status
            if let earlier = seen[key] {
                if case .memberID(let name) = match {
                    status = .rejected([.appMetadataInUse(key: name, value: key, email: earlier.email)])
                } else {
                    status = .duplicate(ofLine: earlier.line)
                }
            } else if let existing = pendingByKey[key] {
                if let (name, value) = values.first(where: { existing.appMetadata[$0.0]?.stringValue != $0.1 }) {
                    status = .rejected([
                        .pendingConflict(
                            invitation: existing.id, key: name,
                            pending: existing.appMetadata[name]?.stringValue ?? "(none)", requested: value)
                    ])
                } else {
                    status = .skipped(pending: existing)
                }
            } else if let member, let holder = holders[member.value], EmailAddress.key(holder) != key {
                status = .rejected([.appMetadataInUse(key: member.name, value: member.value, email: holder)])
            } else if listed >= ManagementClient.invitationsWindow - 1 {
                status = .rejected([.pendingLimit(ManagementClient.invitationsWindow - 1)])
            } else {
                listed += 1
                let body = newInvitation(invitee, template: template, target: target)
                status =
                    dryRun
                    ? .wouldCreate(body)
                    : await create(body, organizationID: target.organizationID) { match.key(of: $0) == key }
            }
            if seen[key] == nil { seen[key] = (invitee.line, invitee.email) }
            if case .rejected = status {} else if let member, holders[member.value] == nil {
                holders[member.value] = invitee.email
            }
            outcomes.append(
                InvitationOutcome(email: invitee.email, line: invitee.line, status: status, userID: invitee.userID))
        }
        return .success(report())
    }

    /// The most characters (Unicode code points) of `inviter.name`: the `maxLength` of
    /// `CreateOrganizationInvitationRequestContent` `inviter.name` in Auth0's OpenAPI document
    /// (`POST /api/v2/organizations/{id}/invitations`; 300).
    static let inviterNameMaximum = SchemaFacts(
        schemaNamed: "CreateOrganizationInvitationRequestContent", path: ["inviter", "name"],
        in: SchemaValidator.managementAPI)?.maxLength

    /// The request body for one invitee: every member explicit (`ttl_sec`, `send_invitation_email`), so what is
    /// sent never depends on Auth0's defaults.
    public func newInvitation(_ invitee: Invitee, template: InvitationTemplate, target: InvitationTarget)
        -> NewInvitation
    {
        NewInvitation(
            inviterName: template.inviterName, inviteeEmail: invitee.email, clientID: target.clientID,
            connectionID: target.connectionID, ttlSeconds: template.ttlSeconds, roleIDs: target.roleIDs,
            appMetadata: invitee.appMetadata.mapValues { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.value.isEmpty }.mapValues(JSONValue.string),
            sendInvitationEmail: template.sendInvitationEmail)
    }

    /// Sends one create; on a lost response, re-reads the organization's pending invitations for the invitee
    /// (`same`: the address, or the member id) before sending it again (once).
    private func create(
        _ body: NewInvitation, organizationID: String, same: (LiveInvitation) -> Bool
    ) async -> InvitationOutcome.Status {
        do {
            return .created(try await client.createInvitation(organizationID: organizationID, body), recovered: false)
        } catch is TransportError {
            do {
                let found = try await client.listInvitations(organizationID: organizationID).first {
                    same($0) && !$0.isExpired(at: now)
                }
                if let found { return .created(found, recovered: true) }
                return .created(try await client.createInvitation(organizationID: organizationID, body), recovered: false)
            } catch {
                return .failed("\(error)")
            }
        } catch {
            return .failed("\(error)")
        }
    }
}
