import PlanModel

/// What a ``Rule`` found, before the ``PolicyEngine`` applies severity overrides and exceptions.
public struct Finding: Sendable, Equatable {
    /// The rule's severity for this case (usually its default).
    public let severity: Diagnostic.Severity
    /// What is at risk and how to fix it; never a secret value.
    public let message: String
    /// The YAML node at fault.
    public let location: SourceLocation
    /// The organization the finding concerns (exceptions name it); `nil` for tenant-wide findings about shared
    /// connections.
    public let organization: String?
    /// Related locations (where a domain was first claimed).
    public let notes: [Diagnostic.Note]

    /// Creates a finding.
    public init(
        severity: Diagnostic.Severity, message: String, location: SourceLocation, organization: String?,
        notes: [Diagnostic.Note] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.organization = organization
        self.notes = notes
    }
}
