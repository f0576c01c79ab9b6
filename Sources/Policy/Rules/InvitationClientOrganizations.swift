import PlanModel

/// `invitation-client-organizations`: the invitation client has `organization_usage: deny`.
///
/// An application with `organization_usage: deny` cannot log users in to an organization, so an invitation
/// through it cannot be accepted
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/define-organization-behavior).
/// An undeclared `organization_usage` is not managed and not judged. Located at `invitations.client`.
public struct InvitationClientOrganizations: Rule {
    /// Creates the rule.
    public init() {}

    /// `invitation-client-organizations`.
    public let id = "invitation-client-organizations"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "The invitation client has `organization_usage: deny`"
    /// The risk.
    public let whyItMatters = """
        Accepting an invitation logs the invitee in to the organization through the invitation's application. An \
        application with `organization_usage: deny` does not accept organization logins, so every invitation for \
        this customer fails when the invitee follows the link.
        """
    /// The fix.
    public let howToFix = """
        Invite through an application with `organization_usage: allow` or `require`, or change the client's \
        `organization_usage` in `tenant.yaml` if it should serve organizations.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/define-organization-behavior",
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/invite-members",
    ]

    /// One finding per invitation policy whose declared client denies organizations.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        (tenant.customers ?? []).compactMap { customer in
            guard let policy = customer.invitations, let client = tenant.client(named: policy.client.value),
                client.organizationUsage?.value == "deny"
            else { return nil }
            return finding(
                "organization '\(customer.name)' invites through client '\(client.name.value)', which has "
                    + "organization_usage: deny: invitees cannot log in to the organization through it, so every "
                    + "invitation fails; invite through a client with organization_usage: allow or require",
                at: policy.client.location, organization: customer.name)
        }
    }
}
