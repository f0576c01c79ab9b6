import Auth0Schema
import PlanModel

/// `invitation-ttl`: an invitation lifetime above Auth0's maximum of 30 days (error) or above the tenant's
/// configured maximum `policy.rules.invitation-ttl.max` (warning).
///
/// `ttl_sec` of `POST /api/v2/organizations/{id}/invitations` is 0 to ``Auth0Limits/invitationTTLMaximum`` seconds
/// (https://auth0.com/docs/api/management/v2/organizations/post-invitations). One lifetime gets one finding, at
/// the higher severity. Located at `ttl`/`ttl_sec`.
public struct InvitationTTL: Rule {
    /// Creates the rule.
    public init() {}

    /// `invitation-ttl`.
    public let id = "invitation-ttl"
    /// Error (above 30 days); warning above the configured maximum.
    public let defaultSeverity = Diagnostic.Severity.error
    /// As the reference states it.
    public let severitySummary = "error above 30 days; warning above the configured `max`"
    /// When it fires.
    public let title = "The invitation lifetime is above 30 days (error) or above the configured maximum (warning)"
    /// The risk.
    public let whyItMatters = """
        Auth0 accepts invitation lifetimes up to 30 days (`ttl_sec` at most \(Auth0Limits.invitationTTLMaximum)); \
        a longer lifetime makes every invitation request fail with 400. Below that, a long-lived invitation link is a standing way into \
        the organization: a forwarded or leaked e-mail can be used to join for as long as it lives, so the tenant \
        can set a shorter maximum.
        """
    /// The fix.
    public let howToFix = """
        Set `invitations.ttl` (or `ttl_sec`) to at most 30 days, and at most the configured maximum \
        (`policy.rules.invitation-ttl.max` in `tenant.yaml`), or raise that maximum.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/api/management/v2/organizations/post-invitations",
        "https://community.auth0.com/t/how-to-set-the-expiration-of-an-organization-member-invitation/157744",
    ]
    /// `max`: the tenant's maximum lifetime.
    public let parameters = [
        RuleParameter(
            name: "max", kind: .duration(range: 1...Auth0Limits.invitationTTLMaximum),
            summary: "the longest invitation lifetime this tenant accepts (e.g. `7d`); longer ones are warnings; "
                + "at most `\(DurationText.text(Auth0Limits.invitationTTLMaximum))`"),
    ]

    /// At most one finding per invitation policy.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        let maximum = context.seconds("max")
        return (tenant.customers ?? []).compactMap { customer in
            guard let ttl = customer.invitations?.ttlSeconds else { return nil }
            let text = DurationText.text(ttl.value)
            let lifetime = text == "\(ttl.value)s" ? "\(ttl.value) s" : "\(text) (\(ttl.value) s)"
            let limit = Auth0Limits.invitationTTLMaximum
            if ttl.value > limit {
                return finding(
                    "organization '\(customer.name)' invitations live \(lifetime), above Auth0's maximum of "
                        + "\(DurationText.text(limit)) (\(limit) s): Auth0 rejects every invitation; set the lifetime "
                        + "to at most \(DurationText.text(limit))",
                    at: ttl.location, organization: customer.name, severity: .error)
            }
            if let maximum, ttl.value > maximum {
                return finding(
                    "organization '\(customer.name)' invitations live \(lifetime), above this tenant's maximum of "
                        + "\(DurationText.text(maximum)) (policy.rules.invitation-ttl.max): a forwarded or leaked "
                        + "invitation can be used to join for longer; set the lifetime to at most "
                        + "\(DurationText.text(maximum)), or raise the maximum",
                    at: ttl.location, organization: customer.name, severity: .warning)
            }
            return nil
        }
    }
}
