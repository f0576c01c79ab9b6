/// One customer file, `customers/<name>.yaml`: an organization, its login intent, enabled connections,
/// owned enterprise connections and invitation policy.
public struct Customer: Sendable, Equatable {
    /// The file, relative to the tenant directory.
    public let file: String
    /// The organization.
    public let organization: Organization
    /// `login:`, the declared intent.
    public let login: Located<LoginMode>
    /// `connections:`, the organization's enabled connections; `nil` when the section is absent (not managed).
    public let connections: Located<[EnabledConnection]>?
    /// `enterprise_connections:`, connections this customer owns.
    public let enterpriseConnections: [Connection]
    /// `invitations:`, the invite policy; `nil` when absent.
    public let invitations: InvitePolicy?

    /// Creates a customer.
    public init(
        file: String, organization: Organization, login: Located<LoginMode>,
        connections: Located<[EnabledConnection]>?, enterpriseConnections: [Connection], invitations: InvitePolicy?
    ) {
        self.file = file
        self.organization = organization
        self.login = login
        self.connections = connections
        self.enterpriseConnections = enterpriseConnections
        self.invitations = invitations
    }
}

/// A customer's `invitations:` block: what every organization invitation must look like
/// (`POST /api/v2/organizations/{id}/invitations`).
public struct InvitePolicy: Sendable, Equatable {
    /// Where the `invitations:` key is written.
    public let location: SourceLocation
    /// `client`: the application invitations log in to.
    public let client: Located<String>
    /// `connection`: where invitees sign in; `nil` lets Auth0 show the organization's login prompt.
    public let connection: Located<String>?
    /// `ttl` or `ttl_sec`, in seconds (Auth0's default when absent: ``Auth0Limits/invitationTTLDefault``, 7 days).
    public let ttlSeconds: Located<Int>?
    /// `roles` by name.
    public let roles: [Located<String>]
    /// `send_invitation_email` (Auth0's default: true).
    public let sendInvitationEmail: Located<Bool>?
    /// `require_app_metadata`: keys every invitation must carry in `app_metadata`.
    public let requireAppMetadata: Located<[String]>?
    /// `member_key`: the `require_app_metadata` key that identifies the member, whose value no two addresses may
    /// share; `nil` means `member_id` (docs/onboarding.md).
    public let memberKey: Located<String>?

    /// Creates a policy.
    public init(
        location: SourceLocation, client: Located<String>, connection: Located<String>?, ttlSeconds: Located<Int>?,
        roles: [Located<String>], sendInvitationEmail: Located<Bool>?, requireAppMetadata: Located<[String]>?,
        memberKey: Located<String>? = nil
    ) {
        self.memberKey = memberKey
        self.location = location
        self.client = client
        self.connection = connection
        self.ttlSeconds = ttlSeconds
        self.roles = roles
        self.sendInvitationEmail = sendInvitationEmail
        self.requireAppMetadata = requireAppMetadata
    }
}
