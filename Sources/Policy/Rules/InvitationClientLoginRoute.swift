import PlanModel

/// `invitation-client-login-route`: the invitation client has no `initiate_login_uri`.
///
/// Auth0 builds an invitation's `invitation_url` from the application's login route and rejects
/// `POST /api/v2/organizations/{id}/invitations` without one
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/invite-members,
/// https://auth0.com/docs/authenticate/login/auth0-universal-login/configure-default-login-routes).
/// Located at `invitations.client`.
public struct InvitationClientLoginRoute: Rule {
    /// Creates the rule.
    public init() {}

    /// `invitation-client-login-route`.
    public let id = "invitation-client-login-route"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "The invitation client has no `initiate_login_uri`"
    /// The risk.
    public let whyItMatters = """
        An invitation link points at the application's login route (`initiate_login_uri`) with the `invitation` \
        and `organization` parameters. Without a route Auth0 cannot build `invitation_url` and rejects every \
        invitation with 400, so onboarding this customer fails the first time someone is invited, long after the \
        change merged.
        """
    /// The fix.
    public let howToFix = """
        Set `initiate_login_uri` on the client in `tenant.yaml` to the `https://` route of the application that \
        starts login (it must accept `invitation` and `organization` query parameters), or invite through a \
        client that has one.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/invite-members",
        "https://auth0.com/docs/authenticate/login/auth0-universal-login/configure-default-login-routes",
        "https://support.auth0.com/center/s/article/Auth0-Organization-Invitation-Configuration",
    ]

    /// One finding per invitation policy whose declared client has no login route.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        (tenant.customers ?? []).compactMap { customer in
            guard let policy = customer.invitations, let client = tenant.client(named: policy.client.value),
                client.initiateLoginURI == nil
            else { return nil }
            return finding(
                "organization '\(customer.name)' invites through client '\(client.name.value)', which has no "
                    + "initiate_login_uri: Auth0 cannot build the invitation link and rejects every invitation; set "
                    + "initiate_login_uri on client '\(client.name.value)' in tenant.yaml, or invite through a client "
                    + "that has one",
                at: policy.client.location, organization: customer.name)
        }
    }
}
