import PlanModel

/// `invite-only-signup-open`: an organization with an invitation policy enables `is_signup_enabled` on a
/// connection.
///
/// With organization sign-up on, anyone who reaches the organization's login prompt can create an account and
/// is made a member (`is_signup_enabled` needs `assign_membership_on_login: true`;
/// https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections).
/// Located at the `is_signup_enabled` value.
public struct InviteOnlySignupOpen: Rule {
    /// Creates the rule.
    public init() {}

    /// `invite-only-signup-open`.
    public let id = "invite-only-signup-open"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "An organization with an invitation policy enables `is_signup_enabled`"
    /// The risk.
    public let whyItMatters = """
        An `invitations:` block says members join by invitation. Organization sign-up on a database connection \
        (`is_signup_enabled: true`, which Auth0 allows only together with `assign_membership_on_login: true`) \
        lets anyone who reaches the organization's login page create a password account and become a member, \
        without an invitation, which defeats invitation-only onboarding.
        """
    /// The fix.
    public let howToFix = """
        Set `is_signup_enabled: false` on the entry (or remove the key). If open sign-up is really intended for \
        this organization, remove the `invitations:` block or add an exception with a reason.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections",
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/invite-members",
        "https://community.auth0.com/t/restrict-sign-ups-to-just-invited-users-for-organizations/190048",
    ]

    /// One finding per open entry of an organization with an invitation policy.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for customer in tenant.customers ?? [] where customer.invitations != nil {
            for entry in customer.enabledEntries {
                guard let signup = entry.isSignupEnabled, signup.value else { continue }
                findings.append(
                    finding(
                        "organization '\(customer.name)' is invitation-only (it has an invitations policy) but "
                            + "enables sign-up on connection '\(entry.connection.value)': anyone who reaches the "
                            + "organization's login page can create an account and become a member without an "
                            + "invitation; set is_signup_enabled: false, or remove the invitations policy if open "
                            + "sign-up is intended",
                        at: signup.location, organization: customer.name))
            }
        }
        return findings
    }
}
