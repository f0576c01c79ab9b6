import Foundation
import JSONValues
import ManagementAPI

/// The accept-invitation test switch: `"tenantplan_local": {"accept_invitations": ["uinv_…", …]}` or
/// `{"accept_invitations": "all"}` in the local tenant file simulates invitees following their organization
/// invitation links (https://auth0.com/docs/manage-users/organizations/configure-organizations/invite-members),
/// applied once when the tenant is opened and then removed from the file (README, "Which tenant";
/// docs/decisions.md, "The local tenant"). It is a switch for tests and runbooks, not a user command.
///
/// For each invitation accepted, as Auth0 does when an invitee accepts:
/// - a user is created on the invitation's connection (`connection_id`; without one, the organization's only
///   enabled connection): `user_id` `auth0|<24 hex>` on a database connection, `<strategy>|<connection name>|<24 hex>`
///   on an enterprise connection (Auth0's `<strategy>|<connection name>|<user id at the identity provider>`),
///   `<strategy>|<24 hex>` otherwise; one identity `{connection, provider, user_id, isSocial}`; `email` from
///   `invitee.email` (verified: the invitation link reached it), `name` the e-mail, `nickname` its local part;
///   the invitation's `app_metadata` and `user_metadata`; `created_at`, `updated_at`, `last_login` the time of
///   acceptance, `logins_count` 1;
/// - the user becomes a member of the organization (last in `organization_members`);
/// - the invitation is deleted (Auth0 removes an accepted invitation).
///
/// Not modelled: the invitation's `roles` (member roles are not held), and an invitee who already has a user
/// (every acceptance creates a new user). `"all"` accepts every invitation not yet expired, organization by
/// organization in file order; an invitation named by id must exist and not be expired (Auth0 refuses an expired
/// link).
extension LocalTenantState {
    /// The switch's key under `tenantplan_local`.
    static let acceptSwitch = "accept_invitations"

    /// Auth0's enterprise strategies, whose user ids carry the connection's name (the list of PlanModel's
    /// `ConnectionKind.enterpriseStrategies`; a test keeps the two equal).
    static let enterpriseStrategies: Set<String> = [
        "ad", "adfs", "auth0-oidc", "google-apps", "ip", "oidc", "okta", "pingfederate", "samlp", "sharepoint", "waad",
    ]

    /// True when the file holds the accept-invitation switch.
    var acceptsInvitations: Bool { other["tenantplan_local"]?[Self.acceptSwitch] != nil }

    /// Applies the accept-invitation switch and removes it (and `tenantplan_local` when nothing else is left in
    /// it); nothing when the file holds no switch.
    /// - Parameters:
    ///   - now: The time of acceptance (expiry is checked against it; the user's timestamps).
    ///   - newIdentifier: The user's id at its identity provider (24 lowercase hex digits by default).
    /// - Returns: The ids of the users created, in order of acceptance.
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` when the switch is malformed, names an invitation that is
    ///   not in the file or has expired, or an invitation's connection cannot be told; the state is unchanged then.
    @discardableResult
    mutating func acceptInvitations(now: Date = Date(), newIdentifier: () -> String = Self.randomSubject) throws
        -> [String]
    {
        guard var switches = other["tenantplan_local"]?.objectValue, let selection = switches[Self.acceptSwitch]
        else { return [] }
        let place = "tenantplan_local.\(Self.acceptSwitch)"
        var pending: [(organization: String, invitation: JSONValue)] = []
        for organization in organizations {
            guard let id = organization["id"]?.stringValue else { continue }
            for invitation in invitations[id] ?? [] { pending.append((id, invitation)) }
        }
        func expired(_ invitation: JSONValue) -> Bool {
            LiveInvitation(json: invitation)?.isExpired(at: now) ?? false
        }
        var selected: [(organization: String, invitation: JSONValue)] = []
        if selection == "all" {
            selected = pending.filter { !expired($0.invitation) }
        } else if let items = selection.arrayValue, let ids = Optional(items.compactMap(\.stringValue)),
            ids.count == items.count
        {
            for id in ids {
                guard !selected.contains(where: { $0.invitation["id"]?.stringValue == id }) else {
                    throw LocalTenantError.invalidFile("\(place) names invitation '\(id)' twice")
                }
                guard let found = pending.first(where: { $0.invitation["id"]?.stringValue == id }) else {
                    throw LocalTenantError.invalidFile("\(place) names invitation '\(id)', which is not among invitations")
                }
                if expired(found.invitation) {
                    throw LocalTenantError.invalidFile(
                        "\(place) names invitation '\(id)', which expired at "
                            + "\(found.invitation["expires_at"]?.stringValue ?? "?"): Auth0 does not accept an expired invitation")
                }
                selected.append(found)
            }
        } else {
            throw LocalTenantError.invalidFile("\(place) must be \"all\" or an array of invitation ids")
        }
        var next = self
        var created: [String] = []
        for (organization, invitation) in selected {
            let user = try acceptedUser(invitation, organization: organization, now: now, subject: newIdentifier())
            let userID = user["user_id"]?.stringValue ?? ""
            next.users.append(user)
            next.organizationMembers[organization, default: []].append(userID)
            next.invitations[organization]?.removeAll { $0["id"] == invitation["id"] }
            created.append(userID)
        }
        switches[Self.acceptSwitch] = nil
        next.other["tenantplan_local"] = switches.isEmpty ? nil : .object(switches)
        self = next
        return created
    }

    /// The user an accepted `invitation` of `organization` creates (see the type's comment).
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` when the invitation's connection cannot be told or is not in
    ///   the file.
    private func acceptedUser(_ invitation: JSONValue, organization: String, now: Date, subject: String) throws
        -> [String: JSONValue]
    {
        let invitationID = invitation["id"]?.stringValue ?? ""
        let connectionID: String
        if let named = invitation["connection_id"]?.stringValue {
            connectionID = named
        } else {
            let enabled = organizations.first { $0["id"]?.stringValue == organization }?["enabled_connections"]?
                .arrayValue ?? []
            guard enabled.count == 1, let only = enabled[0]["connection_id"]?.stringValue else {
                throw LocalTenantError.invalidFile(
                    "invitation '\(invitationID)' has no connection_id and its organization '\(organization)' has "
                        + "\(enabled.count) enabled connections: the local tenant cannot tell which one the invitee "
                        + "signs in with")
            }
            connectionID = only
        }
        guard let connection = connections.first(where: { $0["id"]?.stringValue == connectionID }),
            let name = connection["name"]?.stringValue, let strategy = connection["strategy"]?.stringValue
        else {
            throw LocalTenantError.invalidFile(
                "invitation '\(invitationID)' names connection '\(connectionID)', which is not among connections")
        }
        let enterprise = Self.enterpriseStrategies.contains(strategy)
        let identityUserID = enterprise ? "\(name)|\(subject)" : subject
        let email = invitation["invitee"]?["email"]?.stringValue ?? ""
        let nickname = String(email.prefix { $0 != "@" })
        let stamp = JSONValue.string(LiveInvitation.iso8601(now))
        var user: [String: JSONValue] = [
            "user_id": .string("\(strategy)|\(identityUserID)"),
            "email": .string(email),
            "email_verified": true,
            "name": .string(email),
            "nickname": .string(nickname),
            "picture": .string("https://cdn.auth0.com/avatars/\(nickname.prefix(2).lowercased()).png"),
            "identities": [[
                "connection": .string(name), "provider": .string(strategy), "user_id": .string(identityUserID),
                "isSocial": .bool(!enterprise && !["auth0", "email", "sms"].contains(strategy)),
            ]],
            "created_at": stamp, "updated_at": stamp, "last_login": stamp, "logins_count": 1,
        ]
        for key in ["app_metadata", "user_metadata"] where invitation[key] != nil { user[key] = invitation[key] }
        return user
    }

    /// 24 random lowercase hexadecimal digits, the shape of Auth0's database user ids.
    static func randomSubject() -> String {
        String((0..<24).map { _ in "0123456789abcdef".randomElement()! })
    }
}
