import PlanModel

/// Everything an invitation to one organization carries except the invitee: the organization's invite policy
/// (docs/onboarding.md) applied to the caller's options and checked (``InvitePolicyCheck``).
///
/// Names, not ids: ids come from the live tenant (``InvitationTarget``).
public struct InvitationTemplate: Sendable, Equatable {
    /// The organization's `name`.
    public let organization: String
    /// The customer file declaring it, relative to the tenant directory.
    public let file: String
    /// `inviter.name` shown in the invitation e-mail.
    public let inviterName: String
    /// The policy's `client` (name).
    public let client: String
    /// The policy's `connection` (name); `nil` lets Auth0 show the organization's login prompt.
    public let connection: String?
    /// Role names to assign: the requested ones (each allowed by the policy), else all of the policy's.
    public let roles: [String]
    /// True when ``roles`` are the policy's `roles` (no `--role` given), false when requested.
    public let rolesFromPolicy: Bool
    /// `ttl_sec`, in seconds: the requested lifetime, else the policy's, else Auth0's ``Auth0Limits/invitationTTLDefault`` (7 days).
    public let ttlSeconds: Int
    /// `send_invitation_email`: the policy's value, else Auth0's default `true`.
    public let sendInvitationEmail: Bool
    /// `require_app_metadata` keys, in policy order.
    public let requiredAppMetadata: [String]
    /// Where `require_app_metadata` is written (else the `invitations:` key).
    public let requiredAppMetadataLocation: SourceLocation
    /// The required key that identifies the member (the policy's `member_key`, else `member_id` when required):
    /// no two addresses may carry the same value. `nil` when no required key identifies the member; the other
    /// required keys (a cost center) may repeat.
    public let memberKey: String?

    /// Creates a template.
    public init(
        organization: String, file: String, inviterName: String, client: String, connection: String?,
        roles: [String], rolesFromPolicy: Bool = false, ttlSeconds: Int, sendInvitationEmail: Bool,
        requiredAppMetadata: [String], requiredAppMetadataLocation: SourceLocation, memberKey: String? = nil
    ) {
        self.rolesFromPolicy = rolesFromPolicy
        self.memberKey = memberKey
        self.organization = organization
        self.file = file
        self.inviterName = inviterName
        self.client = client
        self.connection = connection
        self.roles = roles
        self.ttlSeconds = ttlSeconds
        self.sendInvitationEmail = sendInvitationEmail
        self.requiredAppMetadata = requiredAppMetadata
        self.requiredAppMetadataLocation = requiredAppMetadataLocation
    }
}
