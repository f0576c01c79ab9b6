import Foundation
import ManagementAPI
import PlanModel

/// An organization's pending invitations (`GET /api/v2/organizations/{id}/invitations`), with role names and
/// whether each has expired, and the revocation of expired ones
/// (`DELETE /api/v2/organizations/{id}/invitations/{invitation_id}`).
///
/// Auth0 deletes an invitation when it is accepted, so every invitation listed is pending; an expired one can no
/// longer be accepted and only clutters the list (and blocks nothing: a new invitation may be sent).
public struct PendingInvitations: Sendable, Equatable {
    /// One pending invitation.
    public struct Entry: Sendable, Equatable {
        /// The invitation as read.
        public let invitation: LiveInvitation
        /// Its roles by name (an id that names no live role is shown as the id).
        public let roleNames: [String]
        /// True when `expires_at` is at or before the time of the read.
        public let expired: Bool
    }

    /// What happened to one expired invitation when revoking.
    public struct Revocation: Sendable, Equatable {
        /// The result of one `DELETE`.
        public enum Status: Sendable, Equatable {
            /// Deleted (204).
            case revoked
            /// Already gone (404 `inexistent_invitation`).
            case alreadyGone
            /// The delete failed.
            case failed(String)
        }

        /// The invitation.
        public let entry: Entry
        /// What happened.
        public let status: Status
    }

    /// The organization's `name`.
    public let organization: String
    /// The organization's `id`.
    public let organizationID: String
    /// Every pending invitation, soonest expiry first (then by id).
    public let entries: [Entry]

    /// The expired entries.
    public var expired: [Entry] { entries.filter(\.expired) }

    /// Reads an organization's pending invitations.
    ///
    /// Requests: `GET /api/v2/organizations/name/{name}`, `GET /api/v2/organizations/{id}/invitations` (offset
    /// pagination), `GET /api/v2/roles` (when an invitation carries roles).
    /// - Parameters:
    ///   - organization: The organization's `name`; it must be declared in `tenant`.
    ///   - tenant: The loaded tenant directory.
    ///   - client: The live tenant.
    ///   - now: The time expiry is judged against.
    /// - Returns: The invitations, or the refusal (not declared, or not in the live tenant).
    /// - Throws: ``ManagementAPIError`` or ``TransportError`` when a read fails.
    public static func read(organization: String, tenant: Tenant, client: ManagementClient, now: Date) async throws
        -> Result<PendingInvitations, InvitationRefused>
    {
        guard tenant.customer(named: organization) != nil else {
            return .failure(InvitationRefused([.organizationNotDeclared(organization: organization)]))
        }
        guard let live = try await client.organization(named: organization) else {
            return .failure(
                InvitationRefused([
                    .organizationNotLive(organization: organization, tenant: client.transport.tenantDescription)
                ]))
        }
        let invitations = try await client.listInvitations(organizationID: live.id)
        var roleNames: [String: String] = [:]
        if invitations.contains(where: { !$0.roles.isEmpty }) {
            for role in try await client.listRoles() { roleNames[role.id] = role.name }
        }
        let entries = invitations.map { invitation in
            Entry(
                invitation: invitation, roleNames: invitation.roles.map { roleNames[$0] ?? $0 },
                expired: invitation.isExpired(at: now))
        }.sorted { a, b in
            let (x, y) = (a.invitation.expiryDate ?? .distantFuture, b.invitation.expiryDate ?? .distantFuture)
            return x != y ? x < y : a.invitation.id < b.invitation.id
        }
        return .success(PendingInvitations(organization: organization, organizationID: live.id, entries: entries))
    }

    /// Deletes every expired invitation, one request at a time; a failure does not stop the others.
    /// - Returns: One revocation per expired entry, in ``entries`` order.
    public func revokeExpired(client: ManagementClient) async -> [Revocation] {
        var revocations: [Revocation] = []
        for entry in expired {
            let status: Revocation.Status
            do {
                try await client.deleteInvitation(organizationID: organizationID, invitationID: entry.invitation.id)
                status = .revoked
            } catch let error as ManagementAPIError where error.status == 404 {
                status = .alreadyGone
            } catch {
                status = .failed("\(error)")
            }
            revocations.append(Revocation(entry: entry, status: status))
        }
        return revocations
    }
}
