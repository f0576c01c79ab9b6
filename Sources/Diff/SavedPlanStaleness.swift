/// Why `apply FILE` refuses a saved plan as stale: what changed since the plan was made (docs/saved-plans.md,
/// "`apply FILE`"). Found by ``SavedPlan/staleness(inputFiles:)`` and
/// ``SavedPlan/staleness(target:of:tenant:)``; rendered as text by `Output`'s `SavedPlanStalenessText`.
public enum SavedPlanStaleness: Sendable, Equatable {
    /// Input files of the tenant directory were added, removed or changed, sorted by file.
    case inputChanged(directory: String, files: [InputDigest.Change])
    /// This apply reaches another tenant (``ManagementTransport/tenantDescription``) than the plan was made against.
    case anotherTenant(planned: String, reached: String)
    /// Live objects the plan touches changed, in plan order.
    case liveObjectsChanged([ObjectChange])
    /// The changes apply would make now are not the reviewed ones.
    case requestsDiffer([ChangeDifference])
    /// The members the plan would lock out are not the ones reviewed (a member added, removed, moved to SSO or
    /// newly at risk since the plan), per organization in plan order.
    case membersAtRiskChanged([MembersAtRiskChange])

    /// One organization whose members at risk differ from the saved plan's (``SavedPlan/MemberFingerprint``).
    public struct MembersAtRiskChange: Sendable, Equatable {
        /// The organization's name.
        public let organization: String
        /// Members at risk when planned.
        public let planned: Int
        /// Members at risk now.
        public let now: Int

        /// Creates a change.
        public init(organization: String, planned: Int, now: Int) {
            self.organization = organization
            self.planned = planned
            self.now = now
        }
    }

    /// How one live object the plan touches changed since the plan (``Fingerprint/difference(to:)``).
    public struct ObjectChange: Sendable, Equatable {
        /// How an object changed.
        public enum Kind: Sendable, Equatable {
            /// It did not exist when planned and does now.
            case created
            /// It existed when planned and does not now.
            case deleted
            /// It has another id: deleted and created again.
            case recreated
            /// These fingerprinted fields (``Fingerprint``) differ, sorted.
            case fields([String])
        }

        /// `organization "acme"`.
        public let address: String
        /// How.
        public let kind: Kind

        /// Creates an object change.
        public init(address: String, kind: Kind) {
            self.address = address
            self.kind = kind
        }
    }

    /// How one change apply would make now differs from the reviewed plan.
    public enum ChangeDifference: Sendable, Equatable {
        /// A change (`address`, `action`) that is not in the plan. `flipped`: the `${env:}` names set or unset since
        /// the plan, sorted (a reason the change appeared).
        case notInPlan(address: String, action: String, flipped: [String])
        /// The same resource, another action.
        case actionChanged(address: String, planned: String, now: String, flipped: [String])
        /// The same resource and action, other requests.
        case requestsChanged(address: String, flipped: [String])
        /// A reviewed change apply would no longer make.
        case noLongerNeeded(address: String, action: String)
        /// The same changes in another order.
        case orderChanged
    }
}
