/// The formats of `tenantplan plan --format` (README, "Commands"): each mapped to its renderer, one file under
/// `Sources/Output/Plan/`.
public enum PlanFormat: String, OutputFormat {
    /// For people, in the layout of README "Using it" (``PlanTextRenderer``); the default.
    case text
    /// A versioned document for CI and review bots (``PlanJSONRenderer``, docs/plan-json.md).
    case json
    /// A pull-request comment (``PlanMarkdownRenderer``).
    case markdown

    /// The renderer of this format.
    public var renderer: any PlanRenderer.Type {
        switch self {
        case .text: return PlanTextRenderer.self
        case .json: return PlanJSONRenderer.self
        case .markdown: return PlanMarkdownRenderer.self
        }
    }

    /// The renderer's ``FormatRenderer/formatNote``, shown after the name in `--help`.
    public var note: String? { renderer.formatNote }
}
