import PlanModel

/// `waad-common-endpoint-auto-membership`: a multi-tenant `waad` connection (`useCommonEndpoint: true`) is
/// enabled on an organization with `assign_membership_on_login: true`.
///
/// The common endpoint accepts users of every Microsoft Entra tenant
/// (https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2),
/// so auto-membership admits anyone with a Microsoft work account
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/grant-just-in-time-membership).
/// Located at the `assign_membership_on_login` value.
public struct WAADCommonEndpointAutoMembership: Rule {
    /// Creates the rule.
    public init() {}

    /// `waad-common-endpoint-auto-membership`.
    public let id = "waad-common-endpoint-auto-membership"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title =
        "A multi-tenant (`useCommonEndpoint`) `waad` connection is enabled with `assign_membership_on_login: true`"
    /// The risk.
    public let whyItMatters = """
        A `waad` connection with `useCommonEndpoint: true` accepts users from any Microsoft Entra tenant, not only \
        the customer's. With automatic membership, anyone with a Microsoft work or school account who reaches \
        the organization's login becomes a member.
        """
    /// The fix.
    public let howToFix = """
        Set `assign_membership_on_login: false` and invite members; or make the connection single-tenant \
        (`useCommonEndpoint: false`, with the customer's `tenant_domain`).
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2",
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/grant-just-in-time-membership",
    ]

    /// One finding per auto-membership entry on a common-endpoint `waad` connection.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] {
            for entry in customer.enabledEntries {
                guard let assign = entry.assignMembershipOnLogin, assign.value,
                    let connection = tenant.connection(named: entry.connection.value), connection.usesCommonEndpoint
                else { continue }
                findings.append(
                    finding(
                        "organization '\(customer.name)' makes every user of connection '\(connection.name.value)' a "
                            + "member on login, and that waad connection uses the common endpoint "
                            + "(useCommonEndpoint: true): anyone with an account in any Microsoft Entra tenant can join "
                            + "the organization; set assign_membership_on_login: false and invite members, or make "
                            + "the connection single-tenant",
                        at: assign.location, organization: customer.name))
            }
        }
        return findings
    }
}
