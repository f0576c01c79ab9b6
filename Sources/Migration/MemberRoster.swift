import JSONValues
import PlanModel

/// Who is where in one organization (`tenantplan members`, docs/sso-enforcement.md): each member, the connections
/// it signs in with, and its standing under the declared `login` once the plan of that organization is applied.
///
/// Standing is decided by identities only (``Members/MemberStanding``): an e-mail address never makes two accounts
/// one person. A member at risk has *moved* when another member signs in through one of the organization's SSO
/// connections and carries the same member id (the value of the invite policy's member key in `app_metadata`), and
/// is *invited* when a pending, unexpired organization invitation carries its member id.
public struct MemberRoster: Sendable, Equatable {
    /// A member's standing once the plan is applied.
    public enum Standing: Sendable, Equatable {
        /// Keeps access: signs in through this connection (the first of its identities on a connection enabled
        /// after the plan).
        case signsIn(through: String)
        /// At risk, but moved: the member whose `user_id` is given signs in through an SSO connection and carries
        /// the same member id.
        case moved(to: String)
        /// At risk, invited: a pending, unexpired invitation carries the member id (`id` `uinv_…`, `expires_at`).
        case invited(invitation: String, expiresAt: String?)
        /// At risk, not invited yet: `tenantplan invite --migrate` would invite it.
        case notInvited
        /// At risk, and no invitation can be bound to it: the reason (no member id, no e-mail address).
        case needsManualDecision(String)

        /// True for every standing but ``signsIn(through:)``.
        public var isAtRisk: Bool {
            if case .signsIn = self { return false }
            return true
        }
    }

    /// One member.
    public struct Entry: Sendable, Equatable {
        /// `user_id`.
        public var userID: String
        /// `email`, where the invitation is sent; shown, never matched.
        public var email: String?
        /// The connection names of the user's identities, in the order Auth0 returned them.
        public var connections: [String]
        /// The value of the member key in `app_metadata`, `nil` when absent.
        public var memberID: JSONValue?
        /// The user's whole `app_metadata` (the other keys an invite policy requires are copied from it).
        public var appMetadata: [String: JSONValue]
        /// The standing after the plan.
        public var standing: Standing

        /// An entry.
        public init(
            userID: String, email: String?, connections: [String], memberID: JSONValue?,
            appMetadata: [String: JSONValue] = [:], standing: Standing
        ) {
            self.userID = userID
            self.email = email
            self.connections = connections
            self.memberID = memberID
            self.appMetadata = appMetadata
            self.standing = standing
        }
    }

    /// The requests a roster took, measured: the bound is `plan + ceil(members / 100) + members +
    /// ceil(invitations / 50)` (pages of `GET /api/v2/organizations/{id}/invitations`).
    public struct Requests: Sendable, Equatable {
        /// The scoped plan of the organization (its read: organization, enabled connections, clients, …).
        public var plan: Int
        /// `GET /api/v2/organizations/{id}/members` pages.
        public var memberPages: Int
        /// `GET /api/v2/users/{id}`, one per member.
        public var users: Int
        /// `GET /api/v2/organizations/{id}/invitations` pages.
        public var invitationPages: Int

        /// Request counts.
        public init(plan: Int, memberPages: Int, users: Int, invitationPages: Int) {
            self.plan = plan
            self.memberPages = memberPages
            self.users = users
            self.invitationPages = invitationPages
        }

        /// Every request.
        public var total: Int { plan + memberPages + users + invitationPages }
    }

    /// The organization's `name`.
    public var organization: String
    /// The organization's `id` (`org_…`).
    public var organizationID: String
    /// The declared `login:` (`sso-only`, …).
    public var login: String
    /// Where `login:` is written (the customer file, relative to the tenant directory).
    public var loginLocation: SourceLocation
    /// The `app_metadata` key holding the member id (the invite policy's `member_key`, default `member_id`).
    public var memberKey: String
    /// The connections enabled for the organization once its plan is applied, sorted.
    public var connectionsAfter: [String]
    /// Those of ``connectionsAfter`` that are enterprise connections (the organization's SSO), sorted.
    public var ssoConnections: [String]
    /// Every member, in the order Auth0 listed them.
    public var members: [Entry]
    /// The pending, unexpired invitations read (the organization's own, any connection).
    public var pendingInvitations: Int
    /// The requests taken.
    public var requests: Requests

    /// A roster.
    public init(
        organization: String, organizationID: String, login: String, loginLocation: SourceLocation, memberKey: String,
        connectionsAfter: [String], ssoConnections: [String], members: [Entry], pendingInvitations: Int,
        requests: Requests
    ) {
        self.organization = organization
        self.organizationID = organizationID
        self.login = login
        self.loginLocation = loginLocation
        self.memberKey = memberKey
        self.connectionsAfter = connectionsAfter
        self.ssoConnections = ssoConnections
        self.members = members
        self.pendingInvitations = pendingInvitations
        self.requests = requests
    }

    /// Members that keep access.
    public var signingIn: Int { members.count { !$0.standing.isAtRisk } }
    /// Members at risk (moved, invited, not invited, needing a manual decision).
    public var atRisk: Int { members.count { $0.standing.isAtRisk } }
    /// Members at risk that moved.
    public var moved: Int { members.count { if case .moved = $0.standing { true } else { false } } }
    /// Members at risk with a pending invitation.
    public var invited: Int { members.count { if case .invited = $0.standing { true } else { false } } }
    /// Members at risk not invited yet.
    public var notInvited: Int { members.count { $0.standing == .notInvited } }
    /// Members at risk needing a manual decision.
    public var needManualDecision: Int {
        members.count { if case .needsManualDecision = $0.standing { true } else { false } }
    }
}
