import CLibYAML
import Foundation

/// Parses YAML text into a ``YAMLDocument`` through libyaml's event API.
///
/// - Marks are converted from libyaml's 0-based lines and columns to 1-based ones here, once.
/// - Duplicate keys, which libyaml accepts, are reported in ``YAMLDocument/duplicateKeys``.
/// - Anchors and aliases are resolved by copying the anchored node, within ``maximumAliasNodes`` and
///   ``maximumDepth``.
/// - Mapping keys are strings: a sequence, mapping or null key is an error, and so is a merge key (`<<`).
///   Booleans and numbers as keys are kept as the text written (`true: 1` has the key `true`), as JSON keys are.
/// - Only one document per file is accepted.
/// - Invalid UTF-8 and control characters are reported at the offending byte's line and column; UTF-16 and
///   UTF-32 files (with or without a byte-order mark) are refused as not UTF-8.
/// - Explicit tags are refused (``YAMLError/unsupportedTag(tag:at:)``) except `!!str` on a scalar, `!!seq` on a
///   sequence and `!!map` on a mapping, which say what the value is anyway.
public enum YAMLParser {
    /// The deepest nesting of sequences and mappings accepted, counting what aliases copy in. Deeper documents
    /// are refused: every later stage (validation, JSON encoding, the local tenant file) walks values recursively.
    public static let maximumDepth = 64
    /// The most nodes all aliases of one document may copy in together (each scalar, sequence and mapping an
    /// alias stands for counts one). Far above what a tenantplan file uses (the example tenant uses none) and far
    /// below what an alias bomb needs: 9 nested levels of 10 aliases each stand for a billion nodes.
    public static let maximumAliasNodes = 10_000

    /// Parses one YAML document.
    /// - Parameter data: The file's bytes, UTF-8 (a UTF-8 byte-order mark is skipped).
    /// - Returns: The document; its root is `nil` for an empty file.
    /// - Throws: ``YAMLError`` when the bytes are UTF-16 or UTF-32, libyaml reports a syntax or encoding error,
    ///   a tag other than `!!str`/`!!seq`/`!!map` is written, an alias names no anchor, aliases copy in too much,
    ///   nesting is too deep, a key is not a string, or the file holds more than one document.
    public static func parse(_ data: Data) throws(YAMLError) -> YAMLDocument {
        if let encoding = wideEncoding(data) { throw .notUTF8(encoding: encoding) }
        let handle = ParserHandle(data)
        var builder = TreeBuilder()
        while let event = try handle.next() {
            try builder.consume(event)
        }
        return YAMLDocument(root: builder.root, duplicateKeys: builder.duplicates)
    }

    /// Runs libyaml's event parser over the bytes and builds nothing: the baseline the benchmark compares
    /// loading against.
    /// - Returns: The number of events libyaml produced.
    /// - Throws: ``YAMLError/syntax(problem:at:context:contextMark:)`` on a syntax error.
    public static func countEvents(_ data: Data) throws(YAMLError) -> Int {
        let handle = ParserHandle(data)
        var count = 0
        while try handle.nextRaw() { count += 1 }
        return count
    }
}

extension YAMLParser {
    /// `UTF-16 LE`, `UTF-16 BE`, `UTF-32 LE` or `UTF-32 BE` when the bytes start with that byte-order mark or,
    /// without one, when NUL bytes sit between ASCII bytes the way that encoding writes ASCII text (YAML text
    /// starts with ASCII: a key, `#`, `-` or `---`); `nil` for anything else (UTF-8 and binary alike).
    public static func wideEncoding(_ data: Data) -> String? {
        let head = Array(data.prefix(4))
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 BE" }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 LE" }
        if starts([0xFE, 0xFF]) { return "UTF-16 BE" }
        if starts([0xFF, 0xFE]) { return "UTF-16 LE" }
        guard head.count == 4 else {
            guard head.count == 2 else { return nil }
            if head[0] != 0, head[0] < 0x80, head[1] == 0 { return "UTF-16 LE" }
            if head[0] == 0, head[1] != 0, head[1] < 0x80 { return "UTF-16 BE" }
            return nil
        }
        let nul = head.map { $0 == 0 }
        let ascii = head.map { $0 != 0 && $0 < 0x80 }
        if ascii[0], nul[1], nul[2], nul[3] { return "UTF-32 LE" }
        if nul[0], nul[1], nul[2], ascii[3] { return "UTF-32 BE" }
        if ascii[0], nul[1], ascii[2], nul[3] { return "UTF-16 LE" }
        if nul[0], ascii[1], nul[2], ascii[3] { return "UTF-16 BE" }
        return nil
    }

    /// The 1-based line and column of byte `offset`: lines end at LF, CR LF or CR; columns count characters (a
    /// leading byte-order mark is not one), as libyaml's marks do.
    public static func mark(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }
}

/// Owns libyaml's parser and the input buffer at stable heap addresses (libyaml keeps pointers into both).
private final class ParserHandle {
    enum Event {
        case documentStart(Mark)
        case documentEnd
        case scalar(String, YAMLNode.ScalarStyle, tag: String?, anchor: String?, Mark)
        case sequenceStart(tag: String?, anchor: String?, Mark)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?, Mark)
        case mappingEnd
        case alias(String, Mark)
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var event = yaml_event_t()
    private var finished = false

    init(_ data: Data) {
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(data.count, 1))
        _ = input.initialize(from: data)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, data.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// Advances one event without converting it; false at the end of the stream.
    func nextRaw() throws(YAMLError) -> Bool {
        if finished { return false }
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { finished = true; return false }
        return true
    }

    /// The next event converted to Swift values; `nil` at the end of the stream.
    func next() throws(YAMLError) -> Event? {
        while !finished {
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
            defer { yaml_event_delete(&event) }
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                finished = true
                return nil
            case YAML_DOCUMENT_START_EVENT:
                return .documentStart(mark)
            case YAML_DOCUMENT_END_EVENT:
                return .documentEnd
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = Self.string(s.value, length: s.length) ?? ""
                return .scalar(text, Self.style(s.style), tag: Self.string(s.tag), anchor: Self.string(s.anchor), mark)
            case YAML_SEQUENCE_START_EVENT:
                let s = event.data.sequence_start
                return .sequenceStart(tag: Self.string(s.tag), anchor: Self.string(s.anchor), mark)
            case YAML_SEQUENCE_END_EVENT:
                return .sequenceEnd
            case YAML_MAPPING_START_EVENT:
                let m = event.data.mapping_start
                return .mappingStart(tag: Self.string(m.tag), anchor: Self.string(m.anchor), mark)
            case YAML_MAPPING_END_EVENT:
                return .mappingEnd
            case YAML_ALIAS_EVENT:
                return .alias(Self.string(event.data.alias.anchor) ?? "", mark)
            default:
                continue  // stream start
            }
        }
        return nil
    }

    private func syntaxError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        if p.error == YAML_READER_ERROR {
            // libyaml leaves the mark at 0:0 for reader errors and gives the byte offset instead.
            let at = YAMLParser.mark(ofByte: Int(p.problem_offset), in: UnsafeBufferPointer(input))
            return .encoding(problem: problem, value: Int(p.problem_value), at: at)
        }
        let at = Mark(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
        let context = p.context.map { String(cString: $0) }
        let contextMark = context == nil
            ? nil : Mark(line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1)
        return .syntax(problem: problem, at: at, context: context, contextMark: contextMark)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

/// Turns the event stream into nodes with a stack of open collections, mutated in place.
///
/// Each node's size (nodes in its subtree, aliases counted as what they copy) and height (collections nested in
/// it) are tracked, so an alias is charged what it copies and refused before it is placed.
private struct TreeBuilder {
    private struct Frame {
        let isMapping: Bool
        let tag: String?
        let anchor: String?
        let mark: Mark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var skipping = false
        /// Keys seen, kept once the mapping grows past a few keys (small ones are scanned).
        var seen: [String: Mark]?
        /// Nodes in this collection so far, itself included.
        var size = 1
        /// The height of the tallest child so far (a scalar is 0, a collection 1 more than its tallest child).
        var childHeight = 0
    }

    /// An anchored node with its size and height.
    private struct Anchored {
        let node: YAMLNode
        let size: Int
        let height: Int
    }

    private(set) var root: YAMLNode?
    private(set) var duplicates: [DuplicateKey] = []
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var documents = 0
    /// Nodes copied in by aliases so far.
    private var aliasNodes = 0

    mutating func consume(_ event: ParserHandle.Event) throws(YAMLError) {
        switch event {
        case .documentStart(let mark):
            documents += 1
            if documents > 1 { throw .multipleDocuments(at: mark) }
        case .documentEnd:
            break
        case .scalar(let text, let style, let tag, let anchor, let mark):
            try Self.checkTag(tag, allowed: "str", at: mark)
            let node = YAMLNode(.scalar(text, style), mark: mark, tag: tag)
            if let anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0) }
            try add(node, size: 1, height: 0, at: mark)
        case .alias(let name, let mark):
            guard let anchored = anchors[name] else { throw .undefinedAlias(name: name, at: mark) }
            aliasNodes += anchored.size
            guard aliasNodes <= YAMLParser.maximumAliasNodes else { throw .aliasBudgetExceeded(at: mark) }
            guard stack.count + anchored.height <= YAMLParser.maximumDepth else { throw .tooDeep(at: mark) }
            try add(anchored.node, size: anchored.size, height: anchored.height, at: mark)
        case .sequenceStart(let tag, let anchor, let mark):
            try Self.checkTag(tag, allowed: "seq", at: mark)
            guard stack.count < YAMLParser.maximumDepth else { throw .tooDeep(at: mark) }
            try checkKeyPosition(kind: "a sequence", at: mark)
            stack.append(Frame(isMapping: false, tag: tag, anchor: anchor, mark: mark))
        case .mappingStart(let tag, let anchor, let mark):
            try Self.checkTag(tag, allowed: "map", at: mark)
            guard stack.count < YAMLParser.maximumDepth else { throw .tooDeep(at: mark) }
            try checkKeyPosition(kind: "a mapping", at: mark)
            stack.append(Frame(isMapping: true, tag: tag, anchor: anchor, mark: mark))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(content, mark: frame.mark, tag: frame.tag)
            let height = frame.childHeight + 1
            if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, size: frame.size, height: height) }
            try add(node, size: frame.size, height: height, at: frame.mark)
        }
    }

    /// Refuses an explicit tag other than the core schema's `!!allowed` (`str`, `seq` or `map`).
    private static func checkTag(_ tag: String?, allowed: String, at mark: Mark) throws(YAMLError) {
        guard let tag else { return }
        let core = "tag:yaml.org,2002:"
        if tag == core + allowed { return }
        throw .unsupportedTag(tag: tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag, at: mark)
    }

    /// Refuses a collection that starts where a mapping expects a key.
    private func checkKeyPosition(kind: String, at mark: Mark) throws(YAMLError) {
        if let top = stack.last, top.isMapping, top.pendingKey == nil { throw .nonScalarKey(kind: kind, at: mark) }
    }

    /// Places `node` (written at `mark`, or copied there by an alias) in the open collection.
    private mutating func add(_ node: YAMLNode, size: Int, height: Int, at mark: Mark) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        stack[top].childHeight = max(stack[top].childHeight, height)
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            if !stack[top].skipping { stack[top].pairs.append(YAMLPair(key: key, value: node)) }
            stack[top].pendingKey = nil
            stack[top].skipping = false
            return
        }
        guard let text = node.scalar else { throw .nonScalarKey(kind: node.kindDescription, at: mark) }
        if node.isNull { throw .nullKey(at: mark) }
        if text == "<<", case .scalar(_, .plain) = node.content, node.tag == nil { throw .mergeKey(at: mark) }
        stack[top].pendingKey = node
        if let first = firstMark(of: text, in: stack[top]) {
            duplicates.append(DuplicateKey(key: text, mark: mark, firstMark: first))
            stack[top].skipping = true
            return
        }
        if stack[top].seen != nil {
            stack[top].seen![text] = mark
        } else if stack[top].pairs.count >= 16 {
            var seen: [String: Mark] = [:]
            for pair in stack[top].pairs { seen[pair.keyText] = pair.key.mark }
            seen[text] = mark
            stack[top].seen = seen
        }
    }

    private func firstMark(of key: String, in frame: Frame) -> Mark? {
        if let seen = frame.seen { return seen[key] }
        return frame.pairs.first { $0.key.scalar == key }?.key.mark
    }
}
