/// The formats of `tenantplan members --format` (docs/sso-enforcement.md): each mapped to its renderer.
public enum MembersFormat: String, OutputFormat {
    /// For people (``MembersText``); the default.
    case text
    /// A versioned document (``MembersJSON``; docs/sso-enforcement.md, "members --format json").
    case json

    /// The renderer of this format.
    public var renderer: any MembersRenderer.Type {
        switch self {
        case .text: return MembersText.self
        case .json: return MembersJSON.self
        }
    }

    /// The renderer's ``FormatRenderer/formatNote``, shown after the name in `--help`.
    public var note: String? { renderer.formatNote }
}
