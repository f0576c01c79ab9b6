import PlanModel

/// `invitation-connection-not-enabled`: the invitation connection is not among the organization's enabled
/// connections.
///
/// An invitation's `connection_id` must be enabled on the organization
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/send-membership-invitations).
/// Checked only when `connections:` is declared (otherwise the enabled connections are not managed). Located at
/// `invitations.connection`.
public struct InvitationConnectionNotEnabled: Rule {
    /// Creates the rule.
    public init() {}

    /// `invitation-connection-not-enabled`.
    public let id = "invitation-connection-not-enabled"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "The invitation connection is not among the organization's enabled connections"
    /// The risk.
    public let whyItMatters = """
        Invitees are sent straight to the invitation's connection. If the organization does not enable it, Auth0 \
        rejects the invitation or the invitee cannot complete login, and the customer's onboarding fails. It \
        usually means the policy names the wrong connection.
        """
    /// The fix.
    public let howToFix = """
        Name one of the organization's enabled connections in `invitations.connection`, or enable the connection \
        in the customer's `connections:`.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/send-membership-invitations",
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
    ]

    /// One finding per invitation policy whose connection is not enabled.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        (tenant.customers ?? []).compactMap { customer in
            guard let policy = customer.invitations, let connection = policy.connection,
                let enabled = customer.connections?.value,
                !enabled.contains(where: { $0.connection.value == connection.value })
            else { return nil }
            return finding(
                "organization '\(customer.name)' sends invitees to connection '\(connection.value)', which is not "
                    + "enabled on the organization: invitations cannot be accepted; enable it in connections, or name "
                    + "an enabled connection in invitations.connection",
                at: connection.location, organization: customer.name)
        }
    }
}
