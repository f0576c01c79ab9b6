import Policy

/// What a ``PlanRenderer`` is given besides the plan.
public struct PlanRenderContext: Sendable {
    /// The tenant directory as the user named it.
    public let directory: String
    /// What the plan ran against: a domain or `local tenant PATH`.
    public let target: String
    /// Colour on a terminal, plain otherwise (only the `text` format uses it).
    public let style: TextStyle
    /// The policy report the plan ran after (the `json` format lists its findings).
    public let findings: PolicyReport

    /// Creates a context.
    public init(directory: String, target: String, style: TextStyle = .plain, findings: PolicyReport) {
        self.directory = directory
        self.target = target
        self.style = style
        self.findings = findings
    }
}
