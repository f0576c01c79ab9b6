import Foundation
import JSONValues

/// An organization invitation as the Management API returns it (`OrganizationInvitation` in the OpenAPI
/// document; `POST`, `GET /api/v2/organizations/{id}/invitations[/{invitation_id}]`).
///
/// Auth0 deletes an invitation once it is accepted, so every invitation read is pending; it may have expired.
/// `invitation_url` is a bearer secret for the invitee: callers decide whether to show it.
public struct LiveInvitation: Sendable, Equatable {
    /// `id` (`uinv_…`).
    public var id: String
    /// `organization_id` (`org_…`), when returned.
    public var organizationID: String?
    /// `inviter.name`.
    public var inviterName: String?
    /// `invitee.email`.
    public var inviteeEmail: String
    /// `client_id`: the application the invitation logs in to.
    public var clientID: String?
    /// `connection_id`: the connection the invitee is sent to, when one was given.
    public var connectionID: String?
    /// `roles`: role ids (`rol_…`) assigned on acceptance; `[]` when absent.
    public var roles: [String]
    /// `app_metadata` copied to the user created on acceptance; `[:]` when absent.
    public var appMetadata: [String: JSONValue]
    /// `ticket_id`.
    public var ticketID: String?
    /// `invitation_url`: the link the invitee follows (a bearer secret).
    public var invitationURL: String?
    /// `created_at`, ISO 8601 text as returned (`2023-01-25T17:49:34.371Z`).
    public var createdAt: String?
    /// `expires_at`, ISO 8601 text as returned.
    public var expiresAt: String?

    /// Decodes an invitation object; `nil` without `id` or `invitee.email`.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let email = json["invitee"]?["email"]?.stringValue else { return nil }
        self.id = id
        inviteeEmail = email
        organizationID = json["organization_id"]?.stringValue
        inviterName = json["inviter"]?["name"]?.stringValue
        clientID = json["client_id"]?.stringValue
        connectionID = json["connection_id"]?.stringValue
        roles = json["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
        appMetadata = json["app_metadata"]?.objectValue ?? [:]
        ticketID = json["ticket_id"]?.stringValue
        invitationURL = json["invitation_url"]?.stringValue
        createdAt = json["created_at"]?.stringValue
        expiresAt = json["expires_at"]?.stringValue
    }

    /// `expires_at` as a date; `nil` when absent or not ISO 8601.
    public var expiryDate: Date? { expiresAt.flatMap(Self.date(iso8601:)) }

    /// True when the invitation can no longer be accepted at `now` (`expires_at` at or before it). An invitation
    /// without a readable `expires_at` counts as not expired, so it is never revoked on a guess.
    public func isExpired(at now: Date) -> Bool {
        guard let expiry = expiryDate else { return false }
        return expiry <= now
    }

    /// Parses ISO 8601 timestamps as Auth0 writes them, with or without fractional seconds.
    public static func date(iso8601 text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Formats a date as Auth0 does: UTC, milliseconds, `Z` (`2023-02-01T17:49:34.371Z`).
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// The body of `POST /api/v2/organizations/{id}/invitations` (`CreateOrganizationInvitationRequestContent`).
///
/// Only the members that are set are sent; `ttl_sec` is in seconds (0 or absent: Auth0's 604800, 7 days;
/// at most 2592000, 30 days); `roles` holds role ids and, when present, at least one.
public struct NewInvitation: Sendable, Equatable {
    /// `inviter.name` (1–300 characters), shown in the invitation e-mail.
    public var inviterName: String
    /// `invitee.email`.
    public var inviteeEmail: String
    /// `client_id`: the application whose `initiate_login_uri` Auth0 builds `invitation_url` from.
    public var clientID: String
    /// `connection_id`: the connection the invitee must sign in with; `nil` lets Auth0 prompt.
    public var connectionID: String?
    /// `ttl_sec`, in seconds; `nil` leaves Auth0's default (604800).
    public var ttlSeconds: Int?
    /// `roles`: role ids; empty sends no `roles` member (Auth0 refuses an empty array).
    public var roleIDs: [String]
    /// `app_metadata`; empty sends no `app_metadata` member.
    public var appMetadata: [String: JSONValue]
    /// `send_invitation_email`; `nil` leaves Auth0's default (true).
    public var sendInvitationEmail: Bool?

    /// Creates a body.
    public init(
        inviterName: String, inviteeEmail: String, clientID: String, connectionID: String? = nil,
        ttlSeconds: Int? = nil, roleIDs: [String] = [], appMetadata: [String: JSONValue] = [:],
        sendInvitationEmail: Bool? = nil
    ) {
        self.inviterName = inviterName
        self.inviteeEmail = inviteeEmail
        self.clientID = clientID
        self.connectionID = connectionID
        self.ttlSeconds = ttlSeconds
        self.roleIDs = roleIDs
        self.appMetadata = appMetadata
        self.sendInvitationEmail = sendInvitationEmail
    }

    /// The JSON body as sent.
    public var body: JSONValue {
        var body: [String: JSONValue] = [
            "inviter": ["name": .string(inviterName)],
            "invitee": ["email": .string(inviteeEmail)],
            "client_id": .string(clientID),
        ]
        if let connectionID { body["connection_id"] = .string(connectionID) }
        if let ttlSeconds { body["ttl_sec"] = .int(ttlSeconds) }
        if !roleIDs.isEmpty { body["roles"] = .array(roleIDs.map(JSONValue.string)) }
        if !appMetadata.isEmpty { body["app_metadata"] = .object(appMetadata) }
        if let sendInvitationEmail { body["send_invitation_email"] = .bool(sendInvitationEmail) }
        return .object(body)
    }
}

/// Organization invitations (https://auth0.com/docs/api/management/v2/organizations/get-invitations and the
/// neighbouring pages). There is no update: an invitation is created, read, and deleted.
extension ManagementClient {
    /// `/api/v2/organizations/{id}/invitations`.
    public static func invitationsPath(organizationID: String) -> String {
        ManagementOperation.listInvitations.path(organizationID)
    }

    /// `GET /api/v2/organizations/{id}/invitations` (offset pagination: `page`, `per_page`, `include_totals`;
    /// Auth0 returns `{invitations, start, limit}` without a total, newest first, and answers 400 past the first
    /// 1000 records).
    /// - Throws: ``ManagementAPIError`` (404 `inexistent_organization` for an unknown organization),
    ///   ``TransportError``, ``ListWindowExceeded`` for 1000 or more invitations (too many to check for
    ///   duplicates: revoke expired ones first).
    public func listInvitations(organizationID: String) async throws -> [LiveInvitation] {
        let path = Self.invitationsPath(organizationID: organizationID)
        return try Self.decodeAll(
            await offsetList(path, key: "invitations", window: Self.invitationsWindow), from: path, as: "invitation",
            LiveInvitation.init)
    }

    /// Invitations of one organization that offset pagination can reach.
    public static let invitationsWindow = ManagementOperation.listInvitations.paging.offsetRecordCap ?? 1000

    /// `GET /api/v2/organizations/{id}/invitations/{invitation_id}`; `nil` on 404 (`inexistent_invitation`).
    public func invitation(organizationID: String, invitationID: String) async throws -> LiveInvitation? {
        try await find(ManagementOperation.getInvitation.path(organizationID, invitationID))
            .flatMap(LiveInvitation.init)
    }

    /// `POST /api/v2/organizations/{id}/invitations` (Auth0 answers 201 with the invitation, including
    /// `invitation_url` and `ticket_id`).
    /// - Throws: ``ManagementAPIError`` (400 for a client without a login route, unknown roles or connection,
    ///   a connection not enabled on the organization), ``TransportError`` when the answer was lost, in which case
    ///   the invitation may or may not exist.
    public func createInvitation(organizationID: String, _ invitation: NewInvitation) async throws -> LiveInvitation {
        let request = APIRequest(.post, Self.invitationsPath(organizationID: organizationID), body: invitation.body)
        let body = try await call(request)
        guard let created = body.flatMap(LiveInvitation.init) else {
            throw ManagementAPIError(
                request: request,
                response: APIResponse(status: 502, body: ["message": "the response carries no invitation id"]))
        }
        return created
    }

    /// `DELETE /api/v2/organizations/{id}/invitations/{invitation_id}` (204).
    /// - Throws: ``ManagementAPIError`` (404 `inexistent_invitation` when already gone), ``TransportError``.
    public func deleteInvitation(organizationID: String, invitationID: String) async throws {
        try await call(
            APIRequest(.delete, ManagementOperation.deleteInvitation.path(organizationID, invitationID)))
    }
}
