import Diff
import JSONValues
import Members

/// The member impact in the `json` plan (docs/plan-json.md): `read.member_impact_requests`, and a
/// `member_impact` object under each organization change whose login paths shrink.
extension PlanJSONRenderer {
    /// `{"members": 250, "candidates": 5, "requests": 8, "removed_connections": ["globex-db"],
    /// "at_risk_count": 3, "moved_count": 0, "at_risk": [{"user_id": "auth0|…", "email": "ana@globex.example",
    /// "connections": ["globex-db"]}, …]}`: `at_risk` lists the first ``MemberImpactText/shown`` members at
    /// risk, in member-list order (`email` `null` when the user has none); `at_risk_count` counts them all;
    /// `moved_count` the accounts not counted because their person moved (``MemberImpact/moved``).
    static func memberImpact(_ impact: MemberImpact) -> JSONValue {
        [
            "members": .int(impact.memberCount),
            "candidates": .int(impact.candidateCount),
            "requests": .int(impact.requests),
            "removed_connections": .array(impact.change.removed.map { .string($0.name) }),
            "at_risk_count": .int(impact.atRisk.count),
            "moved_count": .int(impact.moved.count),
            "at_risk": .array(impact.atRisk.prefix(MemberImpactText.shown).map { member in
                [
                    "user_id": .string(member.userID), "email": member.email.map(JSONValue.string) ?? .null,
                    "connections": .array(member.connections.map(JSONValue.string)),
                ]
            }),
        ]
    }

    /// The change's JSON with its organization's ``memberImpact(_:)`` added when the plan has one, and
    /// ``Plan/memberLockoutFlag`` in its `requires` when that impact locks members out.
    static func change(_ change: ResourceChange, in plan: Plan) -> JSONValue {
        let item = Self.change(change)
        guard change.kind == .organization, let impact = plan.memberImpact(of: change.name),
            case .object(var object) = item
        else { return item }
        object["member_impact"] = memberImpact(impact)
        if !impact.isEmpty, case .array(let flags) = object["requires"] {
            object["requires"] = .array(flags + [.string(Plan.memberLockoutFlag)])
        }
        return .object(object)
    }
}
