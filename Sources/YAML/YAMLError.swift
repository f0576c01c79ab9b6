import TerminalText

/// Why a YAML file could not be turned into a ``YAMLDocument``.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libyaml stopped: its problem, the 1-based problem mark, and the context it was in (with the mark where
    /// that context started, e.g. the `{` of an unclosed flow mapping).
    case syntax(problem: String, at: Mark, context: String?, contextMark: Mark?)
    /// The file holds more than one YAML document (`---` separated); tenantplan files are one document each.
    case multipleDocuments(at: Mark)
    /// An alias (`*name`) names no anchor defined before it.
    case undefinedAlias(name: String, at: Mark)
    /// Collections nested deeper than ``YAMLParser/maximumDepth``, counting the depth an alias copies in.
    case tooDeep(at: Mark)
    /// Aliases (`*name`) that together copy in more than ``YAMLParser/maximumAliasNodes`` nodes (nested aliases
    /// multiply: a few hundred bytes can stand for billions of nodes); reported at the alias that crosses the limit.
    case aliasBudgetExceeded(at: Mark)
    /// A mapping key that is a sequence or a mapping (`[a, b]: 1`, `{x: y}: 2`, or an alias to one); `kind` is
    /// `a sequence` or `a mapping`.
    case nonScalarKey(kind: String, at: Mark)
    /// A mapping key that YAML reads as null: empty, `~` or `null` written plain.
    case nullKey(at: Mark)
    /// A YAML 1.1 merge key (`<<: *base`), which tenantplan does not expand.
    case mergeKey(at: Mark)
    /// libyaml's reader refused the bytes: invalid UTF-8 (`problem` names the octet problem, `value` the byte, -1
    /// for a sequence cut off by the end of the file) or
    /// a control character (`value` is its code point); `at` is the offending byte's line and column.
    case encoding(problem: String, value: Int, at: Mark)
    /// An explicit tag other than `!!str` on a scalar, `!!seq` on a sequence or `!!map` on a mapping
    /// (`!!binary aGVsbG8=`, `!!python/object:os.system`, `!local`, `!!int 5`): tenantplan resolves values by the
    /// YAML core schema as written and would otherwise read a tagged value silently as something else. `tag` is
    /// as written in short form (`!!binary`) when it is in the `tag:yaml.org,2002:` namespace, else the full tag.
    case unsupportedTag(tag: String, at: Mark)
    /// The bytes are UTF-16 or UTF-32 (a byte-order mark, or NUL bytes interleaved with ASCII), not UTF-8;
    /// `encoding` names which (`UTF-16 LE`); reported at 1:1.
    case notUTF8(encoding: String)

    /// Where the error is reported.
    public var mark: Mark {
        switch self {
        case .syntax(_, let at, _, _): return at
        case .multipleDocuments(let at): return at
        case .undefinedAlias(_, let at): return at
        case .tooDeep(let at): return at
        case .aliasBudgetExceeded(let at): return at
        case .nonScalarKey(_, let at): return at
        case .nullKey(let at): return at
        case .mergeKey(let at): return at
        case .encoding(_, _, let at): return at
        case .unsupportedTag(_, let at): return at
        case .notUTF8: return Mark(line: 1, column: 1)
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
        case .aliasBudgetExceeded:
            return "YAML aliases copy in more than \(YAMLParser.maximumAliasNodes) nodes (nested aliases multiply); "
                + "tenantplan files need far fewer: write the values out"
        case .nonScalarKey(let kind, _):
            return "a mapping key must be a string, found \(kind)"
        case .nullKey:
            return "a mapping key must be a string, found null (write a name, or quote it: \"~\")"
        case .mergeKey:
            return "merge keys ('<<') are not supported: write the keys out"
        case .encoding(let problem, let value, _):
            if problem.contains("control character") {
                return "control character U+\(Self.hex(value, digits: 4)) is not allowed in YAML (write it escaped "
                    + "in a double-quoted string, e.g. \"\\t\")"
            }
            // libyaml gives -1 for a sequence cut off by the end of the file.
            return "the file is not valid UTF-8: \(problem)" + (value >= 0 ? " (byte 0x\(Self.hex(value, digits: 2)))" : "")
        case .unsupportedTag(let tag, _):
            return "YAML tag '\(TerminalText.escaped(tag))' is not supported: tenantplan reads values as written "
                + "(only !!str, to keep a value a string, is accepted); remove the tag"
        case .notUTF8(let encoding):
            return "the file is not UTF-8 (looks like \(encoding)): save it as UTF-8"
        }
    }

    private static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value & 0xFF_FFFF, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
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
