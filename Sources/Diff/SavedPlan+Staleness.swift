import ManagementAPI
import PlanModel

/// The checks `apply FILE` makes before it applies a saved plan (docs/saved-plans.md, "`apply FILE`").
extension SavedPlan {
    /// The first check, before the live tenant is read: the tenant directory's input files against the ones the
    /// plan was made from.
    /// - Parameter current: Input file -> SHA-256 now (``InputDigest/files(directory:)``).
    /// - Returns: ``SavedPlanStaleness/inputChanged(directory:files:)``, or `nil` when every file is as planned.
    public func staleness(inputFiles current: [String: String]) -> SavedPlanStaleness? {
        let files = InputDigest.changes(from: inputFiles, to: current)
        return files.isEmpty ? nil : .inputChanged(directory: directory, files: files)
    }

    /// The checks after the live tenant was read and planned again, in order: the tenant reached, the live objects
    /// the plan touches (``Fingerprint``), the changes apply would make now (``differences(from:unsetSecrets:)``),
    /// the members at risk (``membersAtRiskChanges(in:)``).
    /// - Parameters:
    ///   - target: What this apply reaches (``ManagementTransport/tenantDescription``).
    ///   - planned: The plan made now, over the saved plan's scope, and its snapshot.
    ///   - tenant: The desired state it was made from.
    /// - Returns: The first staleness found, or `nil` when the saved plan is what apply would do now.
    public func staleness(target: String, of planned: LivePlan, tenant: Tenant) -> SavedPlanStaleness? {
        guard target == self.target else { return .anotherTenant(planned: self.target, reached: target) }
        let objects = staleObjects(in: planned.live)
        guard objects.isEmpty else { return .liveObjectsChanged(objects) }
        let current = Self.changes(of: planned.plan, redactor: SecretRedactor(tenant: tenant, live: planned.live))
        let differences = differences(from: current, unsetSecrets: Self.unsetSecrets(of: tenant))
        guard differences.isEmpty else { return .requestsDiffer(differences) }
        let members = membersAtRiskChanges(in: planned.plan)
        return members.isEmpty ? nil : .membersAtRiskChanged(members)
    }

    /// Each organization whose members at risk now (``Plan/memberImpacts``, read again) differ from the saved
    /// fingerprints: another count or other user ids; an organization in only one of them counts as none at risk
    /// in the other.
    public func membersAtRiskChanges(in plan: Plan) -> [SavedPlanStaleness.MembersAtRiskChange] {
        let now = plan.memberImpacts.map(MemberFingerprint.init)
        let saved = Dictionary(memberImpact.map { ($0.organization, $0) }, uniquingKeysWith: { a, _ in a })
        let current = Dictionary(now.map { ($0.organization, $0) }, uniquingKeysWith: { a, _ in a })
        var names = memberImpact.map(\.organization)
        names += now.map(\.organization).filter { saved[$0] == nil }
        return names.compactMap { name in
            let before = saved[name], after = current[name]
            guard before?.digest != after?.digest, (before?.atRisk ?? 0) + (after?.atRisk ?? 0) > 0 else { return nil }
            return .init(organization: name, planned: before?.atRisk ?? 0, now: after?.atRisk ?? 0)
        }
    }

    /// Each object the plan touches that changed in `live` since the plan, with how, in plan order.
    public func staleObjects(in live: LiveSnapshot) -> [SavedPlanStaleness.ObjectChange] {
        let current = Fingerprint.of(fingerprints.map { ($0.kind, $0.name) }, in: live)
        return zip(fingerprints, current).compactMap { saved, now in
            saved.difference(to: now).map { SavedPlanStaleness.ObjectChange(address: saved.address, kind: $0) }
        }
    }

    /// How the changes `apply` would now make differ from the reviewed ones (empty when they are the same): each
    /// change now that is not in the plan, has another action or other requests, in the order of `current`; then
    /// each reviewed change no longer needed; else, when the addresses are the same in another order, that.
    /// - Parameter unsetSecrets: The `${env:}` names unset now (``unsetSecrets(of:)``): a change that differs
    ///   because a secret was set or unset since planning carries their names.
    public func differences(from current: [Change], unsetSecrets: [String]) -> [SavedPlanStaleness.ChangeDifference] {
        var differences: [SavedPlanStaleness.ChangeDifference] = []
        let saved = Dictionary(changes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(current.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        let flipped = Set(unsetSecrets).symmetricDifference(self.unsetSecrets).sorted()
        for change in current {
            guard let reviewed = saved[change.address] else {
                differences.append(.notInPlan(address: change.address, action: change.action, flipped: flipped))
                continue
            }
            if reviewed.action != change.action {
                differences.append(
                    .actionChanged(address: change.address, planned: reviewed.action, now: change.action, flipped: flipped))
            } else if reviewed.requests != change.requests {
                differences.append(.requestsChanged(address: change.address, flipped: flipped))
            }
        }
        for change in changes where now[change.address] == nil {
            differences.append(.noLongerNeeded(address: change.address, action: change.action))
        }
        if differences.isEmpty, changes.map(\.address) != current.map(\.address) {
            differences.append(.orderChanged)
        }
        return differences
    }
}
