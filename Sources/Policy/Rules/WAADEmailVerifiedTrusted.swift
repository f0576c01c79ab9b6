import PlanModel

/// `waad-email-verified-trusted`: a `waad` connection sets `should_trust_email_verified_connection:
/// always_set_emails_as_verified`.
///
/// Microsoft Entra ID's `email` claim is mutable and unverified; trusting it as verified lets an attacker who
/// controls any Entra tenant present a victim's address (the "nOAuth" takeover;
/// https://learn.microsoft.com/en-us/entra/identity-platform/migrate-off-email-claim-authorization).
/// Located at the option's key.
public struct WAADEmailVerifiedTrusted: Rule {
    /// Creates the rule.
    public init() {}

    /// `waad-email-verified-trusted`.
    public let id = "waad-email-verified-trusted"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title =
        "A `waad` connection sets `should_trust_email_verified_connection: always_set_emails_as_verified`"
    /// The risk.
    public let whyItMatters = """
        Microsoft Entra ID's `email` claim can be edited by the user or by any tenant's administrator and is not \
        verified. Marking it verified lets whoever controls an Entra tenant present someone else's address as \
        verified, and anything that links or trusts accounts by verified e-mail hands them the victim's account: \
        the "nOAuth" takeover.
        """
    /// The fix.
    public let howToFix = """
        Set `options.should_trust_email_verified_connection: never_set_emails_as_verified`, and identify users by \
        their immutable object id (`userid_attribute: oid`), not by e-mail.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2",
        "https://learn.microsoft.com/en-us/entra/identity-platform/migrate-off-email-claim-authorization",
    ]
    /// Connection-scoped: shared `waad` connections are checked too.
    public let scope = RuleScope.connection

    /// One finding per `waad` connection that trusts e-mail as verified.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        tenant.allConnections.compactMap { connection in
            guard connection.strategy.value == "waad",
                connection.literalString("should_trust_email_verified_connection") == "always_set_emails_as_verified",
                let option = connection.options["should_trust_email_verified_connection"]
            else { return nil }
            return finding(
                "connection '\(connection.name.value)' (waad) marks every Entra ID e-mail address as verified: Entra "
                    + "e-mail claims are editable and unverified, so whoever controls an Entra tenant can claim a "
                    + "victim's address and take over the matching account (\"nOAuth\"); set "
                    + "should_trust_email_verified_connection: never_set_emails_as_verified",
                at: option.location, organization: connection.owner)
        }
    }
}
