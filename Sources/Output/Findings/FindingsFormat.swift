/// The formats of `tenantplan check --format` (README, "Commands"; docs/rules.md): each mapped to its renderer,
/// one file under `Sources/Output/Findings/`.
public enum FindingsFormat: String, OutputFormat {
    /// Compiler-style lines for people (``FindingsText``); the default.
    case text
    /// A versioned document (``FindingsJSON``).
    case json
    /// SARIF 2.1.0 for code scanning (``FindingsSARIF``).
    case sarif
    /// GitHub Actions workflow commands (``FindingsGitHub``).
    case github
    /// JUnit XML (``FindingsJUnit``).
    case junit

    /// The renderer of this format.
    public var renderer: any FindingsRenderer.Type {
        switch self {
        case .text: return FindingsText.self
        case .json: return FindingsJSON.self
        case .sarif: return FindingsSARIF.self
        case .github: return FindingsGitHub.self
        case .junit: return FindingsJUnit.self
        }
    }

    /// The renderer's ``FormatRenderer/formatNote``, shown after the name in `--help`.
    public var note: String? { renderer.formatNote }
}
