import Diff

/// A format of `tenantplan plan` (``PlanFormat``).
public protocol PlanRenderer: FormatRenderer {
    /// Where `plan` shows the policy findings it ran before planning, with this format on stdout.
    static var findingsPlacement: PlanFindingsPlacement { get }
    /// `plan` in this format, ending with a newline.
    static func render(_ plan: Plan, context: PlanRenderContext) -> String
}
