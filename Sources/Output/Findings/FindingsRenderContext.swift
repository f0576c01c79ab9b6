/// What a ``FindingsRenderer`` is given besides the report.
public struct FindingsRenderContext: Sendable {
    /// The tenant directory as the user named it, put in front of every path.
    public let directory: String
    /// Colour on a terminal, plain otherwise (only the `text` format uses it).
    public let style: TextStyle

    /// Creates a context.
    public init(directory: String, style: TextStyle = .plain) {
        self.directory = directory
        self.style = style
    }
}
