import JSONValues
import ManagementAPI

/// The members a ``LoginPathChange`` would lock out of their organization, as read from the live tenant.
public struct MemberImpact: Sendable, Equatable {
    /// One member at risk: an identity on a removed connection, and none on a connection enabled after the change.
    public struct AtRisk: Sendable, Equatable {
        /// `user_id`.
        public var userID: String
        /// `email`, shown to people; never used to match anyone.
        public var email: String?
        /// The connection names of the user's identities, in the order Auth0 returned them.
        public var connections: [String]
        /// The value of the invite policy's member key in the user's `app_metadata` (`member_id` by default),
        /// `nil` when absent: the id a migration invitation carries (docs/sso-enforcement.md).
        public var memberKey: JSONValue?

        /// A member at risk.
        public init(userID: String, email: String?, connections: [String], memberKey: JSONValue?) {
            self.userID = userID
            self.email = email
            self.connections = connections
            self.memberKey = memberKey
        }
    }

    /// The change this impact is of.
    public var change: LoginPathChange
    /// The organization's members.
    public var memberCount: Int
    /// The members who could depend on a removed connection (``MemberImpactReader/isCandidate(_:of:)``): the
    /// users read.
    public var candidateCount: Int
    /// The requests the read took: `ceil(members / 100)` (at least 1), plus one per candidate, plus one user
    /// search per member at risk carrying a member id (``MemberImpactReader``).
    public var requests: Int
    /// The members at risk, in the order the member list gave them.
    public var atRisk: [AtRisk]
    /// Accounts that would be locked out but whose person has moved: another member carrying the same member id
    /// signs in through a connection still enabled. Not at risk; in member-list order.
    public var moved: [AtRisk]

    /// An impact.
    public init(
        change: LoginPathChange, memberCount: Int, candidateCount: Int, requests: Int, atRisk: [AtRisk],
        moved: [AtRisk] = []
    ) {
        self.change = change
        self.memberCount = memberCount
        self.candidateCount = candidateCount
        self.requests = requests
        self.atRisk = atRisk
        self.moved = moved
    }

    /// True when the change locks no member out.
    public var isEmpty: Bool { atRisk.isEmpty }
}
