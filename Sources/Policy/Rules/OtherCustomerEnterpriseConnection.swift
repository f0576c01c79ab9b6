import PlanModel

/// `other-customer-enterprise-connection`: an organization enables an enterprise connection that another
/// customer's file declares (``Connection/owner`` is another organization), whatever its
/// `assign_membership_on_login` says.
///
/// "Enterprise" is ``ConnectionKind/enterprise``, the one classification of strategies
/// (https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers). A connection declared in
/// `tenant.yaml` (shared, no owner) is not another customer's and passes this rule; automatic membership on it is
/// `auto-membership-shared-connection`'s concern. Located at the `connection:` value of the enabled connection
/// entry (`POST /api/v2/organizations/{id}/enabled_connections`,
/// https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections).
public struct OtherCustomerEnterpriseConnection: Rule {
    /// Creates the rule.
    public init() {}

    /// `other-customer-enterprise-connection`.
    public let id = "other-customer-enterprise-connection"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "An organization enables an enterprise connection that another customer's file owns"
    /// The risk.
    public let whyItMatters = """
        An enterprise connection declared in a customer file is that customer's identity provider: the other \
        company's administrators decide who has an account on it, with which e-mail address and claims. Enabled \
        on this customer's organization, it lets someone else's directory sign people in to it. With \
        `assign_membership_on_login: true` everyone in that directory joins; with `false` the members who log in \
        through it are still authenticated by the other company, which can create, rename or hand over their \
        accounts, and an invitation accepted through it ties the new member to that directory. Either way the \
        customer's own identity provider no longer decides who gets in. Connections declared in `tenant.yaml` \
        are shared, owned by no customer, and not covered by this rule.
        """
    /// The fix.
    public let howToFix = """
        Remove the entry from the organization's `connections:`; declare the customer's own identity provider \
        under its `enterprise_connections:` and enable that instead. When two organizations really do sign in \
        through one identity provider (a company and its subsidiary), declare the connection once in \
        `tenant.yaml` `connections:` as a shared connection, or record an exception with the reason.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers",
    ]

    /// One finding per enabled connection entry naming an enterprise connection owned by another customer.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] {
            for entry in customer.enabledEntries {
                guard let connection = tenant.connection(named: entry.connection.value),
                    connection.kind == .enterprise, let owner = connection.owner, owner != customer.name
                else { continue }
                findings.append(
                    finding(
                        "organization '\(customer.name)' enables enterprise connection '\(connection.name.value)', "
                            + "which is the connection of customer '\(owner)': that customer's identity provider decides "
                            + "who logs in to the organization, whatever assign_membership_on_login says; remove "
                            + "this entry from connections and enable the customer's own enterprise connection",
                        at: entry.connection.location, organization: customer.name))
            }
        }
        return findings
    }
}
