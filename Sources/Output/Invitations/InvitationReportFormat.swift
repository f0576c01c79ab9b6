/// The formats of `tenantplan invite --format` and `tenantplan invitations --format` (docs/onboarding.md): each
/// mapped to its renderer, which renders both commands' reports.
public enum InvitationReportFormat: String, OutputFormat {
    /// For people (``InvitationReportText``, ``PendingInvitationsText``); the default.
    case text
    /// Versioned documents (``InvitationReportJSON``, ``PendingInvitationsJSON``).
    case json

    /// The renderer of this format.
    public var renderer: any InvitationReportRenderer.Type {
        switch self {
        case .text: return InvitationReportText.self
        case .json: return InvitationReportJSON.self
        }
    }

    /// The renderer's ``FormatRenderer/formatNote``, shown after the name in `--help`.
    public var note: String? { renderer.formatNote }
}
