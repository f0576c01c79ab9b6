import Policy

/// A findings format of `tenantplan check` (``FindingsFormat``).
public protocol FindingsRenderer: FormatRenderer {
    /// `report` in this format, ending with a newline.
    static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String
}
