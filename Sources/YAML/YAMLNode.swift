/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the mark where it starts.
///
/// Only Swift values leave the YAML module: no libyaml type appears in this API.
public struct YAMLNode: Sendable, Equatable {
    /// How a scalar was written; a quoted scalar is always a string, a plain one may be a bool, number or null.
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The node's content.
    public enum Content: Sendable, Equatable {
        /// A scalar's text as written (after YAML unescaping) and its style.
        case scalar(String, ScalarStyle)
        /// A sequence's items in order.
        case sequence([YAMLNode])
        /// A mapping's entries in document order (duplicate keys are reported by the parser and kept out).
        case mapping([YAMLPair])
    }

    /// The node's content.
    public let content: Content
    /// Where the node starts (1-based).
    public let mark: Mark
    /// An explicit tag (`!!str`, `!custom`), expanded as libyaml reports it; `nil` when none was written.
    public let tag: String?

    /// Creates a node.
    public init(_ content: Content, mark: Mark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// The scalar text, or `nil` for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for a plain scalar that YAML reads as null: empty, `~`, `null`.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = content, tag == nil {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The mapping's entries, or `nil` when the node is not a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The sequence's items, or `nil` when the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// A word for the node's kind, for "expected …, found …" messages: `a mapping`, `a sequence`, `a scalar`, `null`.
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            return isNull ? "null" : "a scalar"
        }
    }
}

/// One `key: value` entry of a mapping; the key is always a non-null scalar (``YAMLParser`` refuses others).
public struct YAMLPair: Sendable, Equatable {
    /// The key node (its mark is where the key is written).
    public let key: YAMLNode
    /// The value node.
    public let value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var keyText: String { key.scalar ?? "" }
}
