import PlanModel

/// `invitation-member-id`: the invite policy does not require an `app_metadata` key that ties the invitee to
/// the company's own user record.
///
/// An invitation's `app_metadata` is copied to the user who accepts it
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/send-membership-invitations).
/// Located at `require_app_metadata` when it is empty, otherwise at `invitations:`.
public struct InvitationMemberID: Rule {
    /// Creates the rule.
    public init() {}

    /// `invitation-member-id`.
    public let id = "invitation-member-id"
    /// Warning.
    public let defaultSeverity = Diagnostic.Severity.warning
    /// When it fires.
    public let title =
        "The invite policy does not require an `app_metadata` key that ties the invitee to the company's own record"
    /// The risk.
    public let whyItMatters = """
        Whoever follows an invitation link becomes a member. When the invitation carries a key from your own \
        user records (a member id) in `app_metadata`, it is copied to the new user, so the application can check \
        that the person who joined is the one who was invited, and reconcile or revoke access later. Without it, \
        a forwarded invitation leaves nothing to check against.
        """
    /// The fix.
    public let howToFix = """
        Add `require_app_metadata: [member_id]` (or the key your application uses) to the customer's \
        `invitations:`; `tenantplan invite` then refuses invitations without it.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/send-membership-invitations",
        "https://auth0.com/docs/api/management/v2/organizations/post-invitations",
    ]

    /// One finding per invitation policy without a required key.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        (tenant.customers ?? []).compactMap { customer in
            guard let policy = customer.invitations, policy.requireAppMetadata?.value.isEmpty ?? true else {
                return nil
            }
            return finding(
                "organization '\(customer.name)' invitations do not require an app_metadata key: an accepted "
                    + "invitation is not tied to a record in the company's own user directory, so a forwarded link "
                    + "leaves nothing to check; add require_app_metadata: [member_id] (or the key your application "
                    + "uses) to invitations",
                at: policy.requireAppMetadata?.location ?? policy.location, organization: customer.name)
        }
    }
}
