/// Why a YAML file could not be turned into a ``YAMLDocument``.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libyaml stopped: its problem, the 1-based problem mark, and the context it was in (with the mark where
    /// that context started, e.g. the `{` of an unclosed flow mapping).
    case syntax(problem: String, at: Mark, context: String?, contextMark: Mark?)
    /// The file holds more than one YAML document (`---` separated); tenantplan files are one document each.
    case multipleDocuments(at: Mark)
    /// An alias (`*name`) names no anchor defined before it.
    case undefinedAlias(name: String, at: Mark)
    /// Collections nested deeper than ``YAMLParser/maximumDepth``.
    case tooDeep(at: Mark)

    /// Where the error is reported.
    public var mark: Mark {
        switch self {
        case .syntax(_, let at, _, _): return at
        case .multipleDocuments(let at): return at
        case .undefinedAlias(_, let at): return at
        case .tooDeep(let at): return at
        }
    }

    /// The message without its location, e.g. `YAML syntax error: did not find expected ',' or '}'`.
    public var description: String {
        switch self {
        case .syntax(let problem, _, let context, _):
            if let context { return "YAML syntax error: \(problem) (\(context))" }
            return "YAML syntax error: \(problem)"
        case .multipleDocuments:
            return "YAML syntax error: more than one document in this file (tenantplan reads one document per file)"
        case .undefinedAlias(let name, _):
            return "YAML syntax error: alias '*\(name)' refers to no anchor defined before it"
        case .tooDeep:
            return "YAML nesting deeper than \(YAMLParser.maximumDepth) levels; tenantplan files need far fewer"
        }
    }
}

/// A key written twice in the same mapping. libyaml accepts these silently; the wrapper reports them, and
/// keeps the first entry.
public struct DuplicateKey: Sendable, Equatable {
    /// The key's text.
    public let key: String
    /// Where the repeated key is written.
    public let mark: Mark
    /// Where the key was first written.
    public let firstMark: Mark

    /// Creates a record.
    public init(key: String, mark: Mark, firstMark: Mark) {
        self.key = key
        self.mark = mark
        self.firstMark = firstMark
    }
}

/// A parsed file: its root node (`nil` for an empty file) and the duplicate keys found while parsing.
public struct YAMLDocument: Sendable, Equatable {
    /// The document's root node, or `nil` when the file holds no document (empty, or comments only).
    public let root: YAMLNode?
    /// Every key written twice in one mapping, in document order.
    public let duplicateKeys: [DuplicateKey]
}
