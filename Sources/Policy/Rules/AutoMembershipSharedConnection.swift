import PlanModel

/// `auto-membership-shared-connection`: `assign_membership_on_login: true` on a connection the customer does not
/// own (a shared database or social connection, or another customer's connection).
///
/// Auto-membership makes every user who logs in through the connection a member of the organization
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/grant-just-in-time-membership).
/// A connection is owned by a customer when it is declared in that customer's `enterprise_connections`
/// (``Connection/owner`` equals the organization name). Located at the `assign_membership_on_login` value.
public struct AutoMembershipSharedConnection: Rule {
    /// Creates the rule.
    public init() {}

    /// `auto-membership-shared-connection`.
    public let id = "auto-membership-shared-connection"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title =
        "`assign_membership_on_login: true` on a connection the customer does not own"
    /// The risk.
    public let whyItMatters = """
        With `assign_membership_on_login: true`, every user who logs in to the organization through that \
        connection becomes a member. That is safe only on the customer's own identity provider, whose users are \
        the customer's people. On a shared database or social connection, or on another customer's connection, \
        people who have nothing to do with the customer can join the organization and see its data.
        """
    /// The fix.
    public let howToFix = """
        Set `assign_membership_on_login: false` on the entry and add members by invitation; keep automatic \
        membership only on connections declared in the customer's own `enterprise_connections:`.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/grant-just-in-time-membership",
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
    ]

    /// One finding per auto-membership entry on a connection the organization does not own.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] {
            for entry in customer.enabledEntries {
                guard let assign = entry.assignMembershipOnLogin, assign.value,
                    let connection = tenant.connection(named: entry.connection.value),
                    connection.owner != customer.name
                else { continue }
                findings.append(
                    finding(
                        "organization '\(customer.name)' makes every user of connection '\(connection.name.value)' a "
                            + "member on login, but it is \(connection.ownership): people who are not the "
                            + "customer's can join the organization; set assign_membership_on_login: false and "
                            + "invite members, or enable it only on the customer's own enterprise connection",
                        at: assign.location, organization: customer.name))
            }
        }
        return findings
    }
}
