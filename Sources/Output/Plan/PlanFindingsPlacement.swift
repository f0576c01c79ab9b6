/// Where `plan` prints the policy findings of its checks, given the plan format on stdout
/// (``PlanRenderer/findingsPlacement``).
public enum PlanFindingsPlacement: Sendable, Equatable {
    /// As text on stdout, above the plan (`text`).
    case textAbovePlan
    /// In the plan's own document; findings that stop the plan are printed in the `json` findings format instead
    /// (`json`).
    case inPlanDocument
    /// As text on stderr, so stdout holds only the plan (`markdown`: `plan --format markdown > plan.md`).
    case textOnStderr
}
