import Auth0Schema
import Foundation
import JSONValues
import ManagementAPI

/// `/api/v2/organizations/{id}/invitations…`
/// (https://auth0.com/docs/api/management/v2/organizations/post-invitations and its neighbours).
///
/// Follows the recorded `TestOrganizationManager_DeleteInvitation` traffic and the OpenAPI schemas
/// `CreateOrganizationInvitationRequestContent` / `…ResponseContent`: `POST` answers 201 with `id` (`uinv_…`),
/// `ticket_id`, `invitation_url` (the client's `initiate_login_uri`, or the tenant's default login route when the
/// client has none, with `invitation=<ticket>&organization=<org id>&organization_name=<name>`), `created_at` and
/// `expires_at` (`ttl_sec` later; 0 or absent means ``Auth0Limits/invitationTTLDefault``, at most
/// ``Auth0Limits/invitationTTLMaximum``); `GET` lists (offset
/// pagination, newest first, `{invitations, start, limit}` without a total) or reads one; `DELETE` answers 204,
/// then 404 `inexistent_invitation`. There is no update. Invitations live in the state's `invitations` map, keyed by
/// organization id.
extension LocalTenant {
    static let invitationNotFound = error(404, "Not Found", "The invitation does not exist.", "inexistent_invitation")

    /// Serves `/api/v2/organizations/{id}/invitations` + `parts`, for the organization at position `i`.
    func invitations(
        _ operation: ManagementOperation, _ request: APIRequest, organization i: Int, _ parts: [String]
    ) -> APIResponse {
        let organizationID = state.organizations[i]["id"]?.stringValue ?? ""
        let stored = state.invitations[organizationID] ?? []
        switch operation {
        case .listInvitations:
            return listInvitations(stored, query: request.query)
        case .createInvitation:
            return createInvitation(request.body, organization: state.organizations[i])
        case .getInvitation:
            guard let invitation = stored.first(where: { $0["id"]?.stringValue == parts[0] }) else {
                return Self.invitationNotFound
            }
            return Self.ok(invitation)
        case .deleteInvitation:
            guard let position = stored.firstIndex(where: { $0["id"]?.stringValue == parts[0] }) else {
                return Self.invitationNotFound
            }
            state.invitations[organizationID]?.remove(at: position)
            return Self.ok(nil, status: 204)
        default:
            return Self.methodNotAllowed
        }
    }

    /// `GET …/invitations`: a bare array, or `{invitations, start, limit}` with `include_totals=true` (Auth0 does
    /// not return a total for invitations). Sorted by `created_at`, newest first unless `sort=created_at:1`.
    private func listInvitations(_ stored: [JSONValue], query: [String: String]) -> APIResponse {
        let perPage = min(max(Int(query["per_page"] ?? "50") ?? 50, 1), 100)
        let page = max(Int(query["page"] ?? "0") ?? 0, 0)
        if let refusal = Self.offsetCapRefusal(.listInvitations, query: query) { return refusal }
        let ascending = query["sort"] == "created_at:1"
        let sorted = stored.enumerated().sorted { a, b in
            let (x, y) = (a.element["created_at"]?.stringValue ?? "", b.element["created_at"]?.stringValue ?? "")
            if x != y { return ascending ? x < y : x > y }
            return ascending ? a.offset < b.offset : a.offset > b.offset
        }.map(\.element)
        let start = min(page * perPage, sorted.count)
        let slice = Array(sorted[start..<min(start + perPage, sorted.count)])
        guard query["include_totals"] == "true" else { return Self.ok(.array(slice)) }
        return Self.ok(["invitations": .array(slice), "start": .int(start), "limit": .int(perPage)])
    }

    /// `POST …/invitations`: reads the schema-checked payload (``InvitationPayload``), makes Auth0's checks the
    /// schema cannot express (``checkInvitation(_:organization:)``), then stores and returns the invitation (201).
    private func createInvitation(_ body: JSONValue?, organization: [String: JSONValue]) -> APIResponse {
        let payload = InvitationPayload(body)
        do {
            let loginURI = try checkInvitation(payload, organization: organization)
            return Self.ok(.object(storeInvitation(payload, organization: organization, loginURI: loginURI)), status: 201)
        } catch {
            return error.response
        }
    }

    /// Auth0's checks of a create that the schema cannot express, in this order, with the messages of the
    /// OpenAPI document's 400 answers: the client exists and allows organizations, a login route exists, the
    /// connection exists, is not passwordless and is enabled for the organization, the roles exist.
    /// - Returns: The login route the invitation URL starts with: the client's `initiate_login_uri`, else the
    ///   tenant's ``defaultLoginRoute`` (Auth0 "Configure Default Login Routes",
    ///   https://auth0.com/docs/universal-login/configure-default-login-routes).
    /// - Throws: ``InvitationPayload/Refusal`` holding the 400 answer of the first check that fails.
    private func checkInvitation(_ payload: InvitationPayload, organization: [String: JSONValue])
        throws(InvitationPayload.Refusal) -> String
    {
        func refuse(_ message: String) -> InvitationPayload.Refusal {
            InvitationPayload.Refusal(response: Self.error(400, "Bad Request", message, nil))
        }
        guard let c = index.clientByID[payload.clientID] else { throw refuse("The specified client_id does not exist.") }
        let client = state.clients[c]
        if (client["organization_usage"]?.stringValue ?? "deny") == "deny" {
            throw refuse("The specified client_id does not allow organizations.")
        }
        // The application's login route, else the tenant's default login route (recorded in
        // TestOrganizationManager_DeleteInvitation, whose client has none).
        let applicationRoute = client["initiate_login_uri"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        guard let loginURI = applicationRoute ?? defaultLoginRoute else {
            throw refuse(
                "A default login route is required to generate the invitation url. For more information, see "
                    + "https://auth0.com/docs/universal-login/configure-default-login-routes")
        }
        if let connectionID = payload.connectionID {
            guard let k = index.connectionByID[connectionID] else {
                throw refuse("The specified connection does not exist.")
            }
            if ["email", "sms"].contains(state.connections[k]["strategy"]?.stringValue ?? "") {
                throw refuse("Passwordless connections are not supported.")
            }
            let enabled = organization["enabled_connections"]?.arrayValue ?? []
            guard enabled.contains(where: { $0["connection_id"]?.stringValue == connectionID }) else {
                throw refuse("The specified connection (\(connectionID)) is not enabled for the organization")
            }
        }
        if let roleIDs = payload.roleIDs {
            let missing = roleIDs.filter { index.roleByID[$0] == nil }
            if !missing.isEmpty {
                throw refuse("One or more of the specified roles do not exist: \(missing.joined(separator: ", "))")
            }
        }
        return loginURI
    }

    /// Stores a checked invitation in the state's `invitations` map under the organization's id.
    /// - Returns: The invitation as `POST` answers it: a new `id` (`uinv_…`) and `ticket_id`, its
    ///   `invitation_url` (``invitationURL(loginURI:ticket:organizationID:organizationName:)``), `created_at` now
    ///   and `expires_at` ``InvitationPayload/ttlSeconds`` later, and the payload's members.
    private func storeInvitation(
        _ payload: InvitationPayload, organization: [String: JSONValue], loginURI: String
    ) -> [String: JSONValue] {
        let organizationID = organization["id"]?.stringValue ?? ""
        let ticket = Self.newID("", length: 32)
        let created = Date()
        var invitation: [String: JSONValue] = [
            "id": .string(Self.newID("uinv_")),
            "organization_id": .string(organizationID),
            "client_id": .string(payload.clientID),
            "inviter": ["name": .string(payload.inviter)],
            "invitee": ["email": .string(payload.email)],
            "invitation_url": .string(
                Self.invitationURL(
                    loginURI: loginURI, ticket: ticket, organizationID: organizationID,
                    organizationName: organization["name"]?.stringValue ?? "")),
            "ticket_id": .string(ticket),
            "created_at": .string(LiveInvitation.iso8601(created)),
            "expires_at": .string(LiveInvitation.iso8601(created.addingTimeInterval(TimeInterval(payload.ttlSeconds)))),
        ]
        if let connectionID = payload.connectionID { invitation["connection_id"] = .string(connectionID) }
        if let roleIDs = payload.roleIDs { invitation["roles"] = .array(roleIDs.map(JSONValue.string)) }
        invitation.merge(payload.metadata) { _, given in given }
        state.invitations[organizationID, default: []].append(.object(invitation))
        return invitation
    }

    /// The tenant's default login route: `tenant_settings.default_redirection_uri` in the local tenant file (the
    /// member of `GET /api/v2/tenants/settings`); `nil` when unset or empty.
    var defaultLoginRoute: String? {
        guard let route = state.other["tenant_settings"]?["default_redirection_uri"]?.stringValue, !route.isEmpty
        else { return nil }
        return route
    }

    /// `initiate_login_uri` with `invitation`, `organization` and `organization_name` added to its query, as in
    /// the recorded `invitation_url`.
    static func invitationURL(loginURI: String, ticket: String, organizationID: String, organizationName: String)
        -> String
    {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let query = "invitation=\(encode(ticket))&organization=\(encode(organizationID))"
            + "&organization_name=\(encode(organizationName))"
        let separator = loginURI.contains("?") ? (loginURI.hasSuffix("?") || loginURI.hasSuffix("&") ? "" : "&") : "?"
        return loginURI + separator + query
    }
}
