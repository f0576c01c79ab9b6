import Auth0Schema
import PlanModel

/// Checks invitation requests against an organization's invite policy, from the YAML alone (no network).
///
/// Organization-level checks (``template(organization:in:inviterName:roles:ttlSeconds:)``): the organization is
/// declared and has an `invitations:` block; the policy's connection is among the customer's declared enabled
/// connections (when `connections:` is managed); requested roles are among the policy's `roles`; the lifetime is
/// at most the policy's `ttl` and at most Auth0's ``Auth0Limits/invitationTTLMaximum`` (30 days). Invitee-level checks
/// (``check(_:against:)``): e-mail syntax and every `require_app_metadata` key given. Only the key that identifies
/// the member (``InvitationTemplate/memberKey``) must be unique across addresses; ``Inviter`` checks that.
public enum InvitePolicyCheck {
    /// Applies the caller's options to the organization's policy and checks them.
    /// - Parameters:
    ///   - organization: The organization's `name`.
    ///   - tenant: The loaded tenant directory.
    ///   - inviterName: `inviter.name`; `nil` uses the organization's `display_name` (else its name).
    ///   - roles: Role names requested; `nil` uses all of the policy's roles.
    ///   - ttlSeconds: The lifetime requested, in seconds; `nil` uses the policy's `ttl` (else Auth0's ``Auth0Limits/invitationTTLDefault``, 7 days).
    /// - Returns: The template, or every refusal found.
    public static func template(
        organization: String, in tenant: Tenant, inviterName: String? = nil, roles: [String]? = nil,
        ttlSeconds: Int? = nil
    ) -> Result<InvitationTemplate, InvitationRefused> {
        guard let customer = tenant.customer(named: organization) else {
            return .failure(InvitationRefused([.organizationNotDeclared(organization: organization)]))
        }
        guard let policy = customer.invitations else {
            return .failure(InvitationRefused([.noInvitePolicy(organization: organization, file: customer.file)]))
        }
        var refusals: [InvitationRefusal] = []
        if let inviterName, inviterName.trimmingCharacters(in: .whitespaces).isEmpty {
            refusals.append(.emptyInviter)
        }
        if let connection = policy.connection, let enabled = customer.connections,
            !enabled.value.contains(where: { $0.connection.value == connection.value })
        {
            refusals.append(
                .connectionNotEnabled(connection: connection.value, organization: organization, at: connection.location))
        }
        let allowed = policy.roles.map(\.value)
        let rolesLocation = policy.roles.first?.location ?? policy.location
        for role in roles ?? [] where !allowed.contains(role) {
            refusals.append(.roleNotAllowed(role: role, organization: organization, allowed: allowed, at: rolesLocation))
        }
        let ttl = ttlSeconds ?? policy.ttlSeconds?.value ?? Auth0Limits.invitationTTLDefault
        if ttl > Auth0Limits.invitationTTLMaximum {
            refusals.append(
                .ttlAboveAuth0Maximum(ttlSeconds: ttl, at: ttlSeconds == nil ? policy.ttlSeconds?.location : nil))
        } else if let requested = ttlSeconds, let limit = policy.ttlSeconds, requested > limit.value {
            refusals.append(
                .ttlAbovePolicy(
                    ttlSeconds: requested, policySeconds: limit.value, organization: organization, at: limit.location))
        }
        guard refusals.isEmpty else { return .failure(InvitationRefused(refusals)) }
        var uniqueRoles: [String] = []
        for role in roles ?? allowed where !uniqueRoles.contains(role) { uniqueRoles.append(role) }
        let displayName = customer.organization.displayName?.value
        let required = policy.requireAppMetadata?.value ?? []
        let memberKey = policy.memberKey?.value ?? (required.contains("member_id") ? "member_id" : nil)
        return .success(
            InvitationTemplate(
                organization: organization, file: customer.file,
                inviterName: inviterName ?? displayName ?? organization,
                client: policy.client.value, connection: policy.connection?.value, roles: uniqueRoles,
                rolesFromPolicy: roles == nil, ttlSeconds: ttl,
                sendInvitationEmail: policy.sendInvitationEmail?.value ?? true, requiredAppMetadata: required,
                requiredAppMetadataLocation: policy.requireAppMetadata?.location ?? policy.location,
                memberKey: memberKey))
    }

    /// Checks one invitee against the template: e-mail syntax, then the required `app_metadata` keys.
    /// - Returns: The refusals; empty when the invitee may be invited.
    public static func check(_ invitee: Invitee, against template: InvitationTemplate) -> [InvitationRefusal] {
        var refusals: [InvitationRefusal] = []
        if invitee.email.isEmpty {
            refusals.append(.missingEmail)
        } else if !EmailAddress.isValid(invitee.email) {
            refusals.append(.invalidEmail(invitee.email))
        }
        let missing = template.requiredAppMetadata.filter {
            (invitee.appMetadata[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
        if !missing.isEmpty {
            refusals.append(
                .missingAppMetadata(
                    keys: missing, organization: template.organization, at: template.requiredAppMetadataLocation))
        }
        return refusals
    }
}
