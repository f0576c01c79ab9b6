import Auth0Schema
import ManagementAPI
import PlanModel

/// Why an invitation is not sent: a request that breaks the organization's invite policy (docs/onboarding.md,
/// `invitations:`), or a live tenant that cannot carry it out. Refusals are found before any write.
///
/// Each case renders one line (``rendered(directory:)``); a location, when the case has one, is the YAML line
/// the rule comes from, printed with the tenant directory in front as the user named it.
public enum InvitationRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: The policy (no request sent)

    /// No customer file declares the organization.
    case organizationNotDeclared(organization: String)
    /// The customer file has no `invitations:` block.
    case noInvitePolicy(organization: String, file: String)
    /// The policy's connection is not among the customer's declared enabled connections.
    case connectionNotEnabled(connection: String, organization: String, at: SourceLocation)
    /// A requested role is not one of the policy's `roles`.
    case roleNotAllowed(role: String, organization: String, allowed: [String], at: SourceLocation)
    /// The requested lifetime (seconds) is above the policy's `ttl` (seconds).
    case ttlAbovePolicy(ttlSeconds: Int, policySeconds: Int, organization: String, at: SourceLocation)
    /// The lifetime (seconds) is above Auth0's ``Auth0Limits/invitationTTLMaximum``; `at` when it comes from the
    /// policy.
    case ttlAboveAuth0Maximum(ttlSeconds: Int, at: SourceLocation?)
    /// The e-mail address is empty.
    case missingEmail
    /// The e-mail address is not syntactically valid (``EmailAddress``).
    case invalidEmail(String)
    /// `require_app_metadata` keys that were not given (or given empty), in policy order.
    case missingAppMetadata(keys: [String], organization: String, at: SourceLocation)
    /// A CSV row that cannot be read (wrong number of fields, stray quote).
    case malformedRow(String)
    /// A pending invitation for the address carries other values of the required `app_metadata` keys.
    case pendingConflict(invitation: String, key: String, pending: String, requested: String)
    /// Another address in this run, or a pending invitation of another address, carries the same required value.
    case appMetadataInUse(key: String, value: String, email: String)
    /// `--inviter` is empty (Auth0 shows the inviter's name in the e-mail).
    case emptyInviter
    /// `--inviter` is longer (`length`, in Unicode code points) than Auth0's `maximum` for `inviter.name`.
    case inviterTooLong(length: Int, maximum: Int)
    /// Creating the invitation would leave more pending invitations than the Management API can list.
    case pendingLimit(Int)
    /// `invite --migrate`: no enterprise connection stays enabled for the organization after its plan
    /// (`connections`: those that do, sorted).
    case noSSOConnection(organization: String, connections: [String])
    /// `invite --migrate` without `--connection`: several enterprise connections stay enabled (sorted).
    case severalSSOConnections(organization: String, connections: [String])
    /// `invite --migrate --connection NAME`: NAME is not one of the enterprise connections that stay enabled.
    case notAnSSOConnection(connection: String, organization: String, ssoConnections: [String])

    // MARK: The live tenant (reads only, no write)

    /// The organization does not exist in the live tenant.
    case organizationNotLive(organization: String, tenant: String)
    /// The policy's client does not exist in the live tenant.
    case clientNotLive(client: String, tenant: String)
    /// The live client has no `initiate_login_uri`, so Auth0 cannot build `invitation_url`.
    case clientWithoutLoginRoute(client: String, tenant: String)
    /// The live client has `organization_usage: deny` (Auth0's default when absent).
    case clientDeniesOrganizations(client: String, tenant: String)
    /// The policy's connection is not enabled on the live organization.
    case connectionNotEnabledLive(connection: String, organization: String, tenant: String)
    /// The policy's connection is passwordless, which Auth0 refuses for invitations.
    case passwordlessConnection(connection: String, strategy: String)
    /// Roles of the policy that do not exist in the live tenant.
    case rolesNotLive(roles: [String], tenant: String)

    /// The message with locations relative to the tenant directory.
    public var description: String { rendered(directory: "") }

    /// The one-line message, each location prefixed by `directory` (the tenant directory as the user typed it).
    public func rendered(directory: String) -> String {
        func at(_ location: SourceLocation) -> String { " (\(location.prefixed(by: directory).fileAndLine))" }
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        switch self {
        case .organizationNotDeclared(let organization):
            return "organization '\(organization)' is not declared in any customer file"
        case .noInvitePolicy(let organization, let file):
            let path = SourceLocation(file: file, line: 0, column: 0).prefixed(by: directory).file
            return "organization '\(organization)' has no invitation policy: add an 'invitations:' block to \(path)"
        case .connectionNotEnabled(let connection, let organization, let location):
            return "the invite policy's connection '\(connection)' is not among the enabled connections of "
                + "organization '\(organization)'" + at(location)
        case .roleNotAllowed(let role, let organization, let allowed, let location):
            let allows = allowed.isEmpty ? "no roles" : list(allowed)
            return "role '\(role)' is not allowed by the invite policy of organization '\(organization)', which "
                + "allows \(allows)" + at(location)
        case .ttlAbovePolicy(let ttl, let policy, let organization, let location):
            return "ttl \(DurationText.text(ttl)) is above the invite policy's \(DurationText.text(policy)) for "
                + "organization '\(organization)'" + at(location)
        case .ttlAboveAuth0Maximum(let ttl, let location):
            let source = location.map { " (the invite policy's ttl, \($0.prefixed(by: directory).fileAndLine))" } ?? ""
            return "ttl \(DurationText.text(ttl))\(source) is above Auth0's maximum of "
                + "\(DurationText.text(Auth0Limits.invitationTTLMaximum)) (\(Auth0Limits.invitationTTLMaximum) s)"
        case .missingEmail:
            return "the e-mail address is empty"
        case .invalidEmail(let text):
            return "'\(text)' is not a valid e-mail address"
        case .missingAppMetadata(let keys, let organization, let location):
            let verb = keys.count == 1 ? "is" : "are"
            return "app_metadata \(list(keys)) \(verb) required by the invite policy of organization "
                + "'\(organization)'" + at(location)
        case .pendingConflict(let invitation, let key, let pending, let requested):
            return "a pending invitation \(invitation) for this address carries \(key)=\(pending), not \(requested); "
                + "revoke it first (DELETE \(Self.revokePath(invitation))) if the member changed"
        case .appMetadataInUse(let key, let value, let email):
            return "\(key)=\(value) is already used by \(email): one member id must identify one person"
        case .emptyInviter:
            return "--inviter must not be empty: Auth0 shows the inviter's name in the invitation e-mail"
        case .inviterTooLong(let length, let maximum):
            return "--inviter is \(length) characters long; Auth0 allows at most \(maximum) (inviter.name)"
        case .pendingLimit(let limit):
            return "the organization would have more than \(limit) invitations (pending or expired), more than the "
                + "Management API lists, so later runs could not check for duplicates; revoke expired invitations or "
                + "wait for some to be accepted"
        case .malformedRow(let text):
            return text
        case .noSSOConnection(let organization, let connections):
            let after = connections.isEmpty ? "none" : list(connections)
            return "organization '\(organization)' has no enterprise connection enabled once its plan is applied "
                + "(connections: \(after)); declare its SSO connection under 'connections:' first"
        case .severalSSOConnections(let organization, let connections):
            return "organization '\(organization)' has several enterprise connections enabled once its plan is "
                + "applied (\(list(connections))); name the one to invite members to with --connection NAME"
        case .notAnSSOConnection(let connection, let organization, let sso):
            let these = sso.isEmpty ? "it has none" : "its SSO connections: \(list(sso))"
            return "--connection '\(connection)' is not an enterprise connection enabled for organization "
                + "'\(organization)' once its plan is applied; \(these)"

        case .organizationNotLive(let organization, let tenant):
            return "organization '\(organization)' does not exist in \(tenant); run tenantplan apply first"
        case .clientNotLive(let client, let tenant):
            return "the invite policy's client '\(client)' does not exist in \(tenant); run tenantplan apply first"
        case .clientWithoutLoginRoute(let client, let tenant):
            return "client '\(client)' has no initiate_login_uri in \(tenant), so Auth0 cannot build the invitation "
                + "link"
        case .clientDeniesOrganizations(let client, let tenant):
            return "client '\(client)' does not accept organizations (organization_usage: deny) in \(tenant)"
        case .connectionNotEnabledLive(let connection, let organization, let tenant):
            return "connection '\(connection)' is not enabled on organization '\(organization)' in \(tenant); run "
                + "tenantplan apply first"
        case .passwordlessConnection(let connection, let strategy):
            return "connection '\(connection)' is passwordless (\(strategy)); Auth0 does not send invitations to "
                + "passwordless connections"
        case .rolesNotLive(let roles, let tenant):
            let noun = roles.count == 1 ? "role" : "roles"
            return "\(noun) \(list(roles.map { "'\($0)'" })) of the invite policy "
                + "\(roles.count == 1 ? "does" : "do") not exist in \(tenant); run tenantplan apply first"
        }
    }
}

/// One or more refusals, as an error value: nothing was written.
public struct InvitationRefused: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every refusal found, in check order.
    public let refusals: [InvitationRefusal]

    /// Creates the error.
    public init(_ refusals: [InvitationRefusal]) { self.refusals = refusals }

    /// The refusals, one per line.
    public var description: String { refusals.map(\.description).joined(separator: "\n") }
}

extension InvitationRefusal {
    /// `/api/v2/organizations/{id}/invitations/INVITATION`: the request that revokes a pending invitation
    /// (``ManagementOperation/deleteInvitation``), with the invitation's id filled in.
    static func revokePath(_ invitation: String) -> String {
        ManagementOperation.deleteInvitation.template.replacingOccurrences(of: "{invitation_id}", with: invitation)
    }
}
