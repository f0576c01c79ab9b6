import Auth0Schema
import JSONValues
import YAML

/// Reads typed values out of one file's YAML tree, collecting a ``Diagnostic`` for every problem instead of
/// stopping at the first. Every message names the key path and what was expected.
struct FileReader {
    /// The file, relative to the tenant directory.
    let file: String
    /// The environment `${env:NAME}` references resolve against.
    let environment: [String: String]
    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at node: YAMLNode, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.error, message, at: location(node), notes: notes))
    }

    mutating func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.error, message, at: location, notes: notes))
    }

    mutating func report(duplicates: [DuplicateKey]) {
        for duplicate in duplicates {
            error(
                "duplicate key '\(duplicate.key)': a key may appear once in a mapping",
                at: location(duplicate.mark),
                notes: [Diagnostic.Note("'\(duplicate.key)' first written here", at: location(duplicate.firstMark))])
        }
    }

    // MARK: Mappings

    /// A mapping's entries by key, after checking that `node` is a mapping, that every key is one of `allowed`,
    /// and that every key of `required` is present.
    /// - Parameter key: The key the mapping is the value of (`colors` in `colors:`): a missing required key is
    ///   reported there, not at the mapping's first entry. `nil` for the top of a file and sequence items.
    /// - Returns: `nil` when `node` is not a mapping.
    mutating func fields(
        _ node: YAMLNode, path: String, allowed: [String], required: [String] = [], key: YAMLNode? = nil
    ) -> Fields? {
        guard let pairs = node.mapping else {
            error("expected a mapping for \(Self.describe(path)), found \(node.kindDescription)", at: node)
            return nil
        }
        var known: [YAMLPair] = []
        known.reserveCapacity(pairs.count)
        for pair in pairs {
            let name = pair.keyText
            if allowed.contains(name) {
                known.append(pair)
            } else {
                error(
                    "unknown key '\(name)' \(Self.place(path)) (expected: \(allowed.joined(separator: ", ")))",
                    at: pair.key)
            }
        }
        for requiredKey in required where !known.contains(where: { $0.keyText == requiredKey }) {
            error("missing required key '\(requiredKey)' \(Self.place(path))", at: key ?? node)
        }
        return Fields(node: node, path: path, pairs: known)
    }

    /// A mapping's entries by key, checked against `layout` (``FileLayout``): every key one of its keys, every
    /// required key present, at most one of each exclusive pair.
    /// - Parameter key: As for ``fields(_:path:allowed:required:key:)``.
    mutating func fields(_ node: YAMLNode, path: String, layout: MappingLayout, key: YAMLNode? = nil) -> Fields? {
        guard let fields = fields(node, path: path, allowed: layout.allowed, required: layout.required, key: key)
        else { return nil }
        for (first, second) in layout.exclusive where fields[first] != nil {
            if let node = fields.keyNode(second) {
                error("\(Self.describe(path)) has both \(first) and \(second); give one", at: node)
            }
        }
        return fields
    }

    // MARK: Scalars

    /// A string value. Null, sequences and mappings are errors; placeholders, masked values and `${env:}`
    /// references (allowed only in connection options) are errors.
    mutating func string(_ node: YAMLNode, path: String) -> Located<String>? {
        guard case .scalar(let text, _) = node.content, !node.isNull else {
            error("expected a string for \(path), found \(node.kindDescription)", at: node)
            return nil
        }
        switch ScalarChecks.classify(text) {
        case .plain:
            return Located(text, at: location(node))
        case .environmentReference, .malformedReference:
            error(
                "\(path) cannot come from the environment: ${env:NAME} is accepted only inside connection options",
                at: node)
        case .placeholder(let marker):
            placeholderError(marker, path: path, node: node, secretsAllowed: false)
        case .masked(let mask):
            maskedError(mask, path: path, node: node, secretsAllowed: false)
        }
        return nil
    }

    /// A non-empty string of at most `maxLength` characters.
    mutating func boundedString(_ node: YAMLNode, path: String, maxLength: Int) -> Located<String>? {
        guard let value = string(node, path: path) else { return nil }
        if value.value.isEmpty {
            error("\(path) must not be empty", at: node)
            return nil
        }
        if value.value.count > maxLength {
            error("\(path) is \(value.value.count) characters; at most \(maxLength)", at: node)
            return nil
        }
        return value
    }

    /// A string that must be one of `choices`.
    mutating func choice(_ node: YAMLNode, path: String, _ choices: [String]) -> Located<String>? {
        guard let value = string(node, path: path) else { return nil }
        guard choices.contains(value.value) else {
            error("\(path) '\(value.value)' is not one of: \(choices.joined(separator: ", "))", at: node)
            return nil
        }
        return value
    }

    /// An `https://` URL.
    mutating func httpsURL(_ node: YAMLNode, path: String) -> Located<String>? {
        guard let value = string(node, path: path) else { return nil }
        let text = value.value
        guard text.lowercased().hasPrefix("https://"), text.count > 8, !text.contains(where: \.isWhitespace) else {
            error("\(path) '\(text)' must be an https:// URL", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    mutating func bool(_ node: YAMLNode, path: String) -> Located<Bool>? {
        if case .scalar(let text, .plain) = node.content, node.tag == nil {
            switch text {
            case "true", "True", "TRUE": return Located(true, at: location(node))
            case "false", "False", "FALSE": return Located(false, at: location(node))
            default: break
            }
        }
        error("expected true or false for \(path), found \(Self.found(node))", at: node)
        return nil
    }

    /// A whole number written as a plain scalar.
    mutating func int(_ node: YAMLNode, path: String) -> Located<Int>? {
        if case .scalar(let text, .plain) = node.content, node.tag == nil, let value = Int(text) {
            return Located(value, at: location(node))
        }
        error("expected a whole number for \(path), found \(Self.found(node))", at: node)
        return nil
    }

    // MARK: Collections

    /// A sequence's items (each checked by the caller).
    mutating func sequence(_ node: YAMLNode, path: String) -> [YAMLNode]? {
        guard let items = node.sequence else {
            error("expected a sequence for \(path), found \(node.kindDescription)", at: node)
            return nil
        }
        return items
    }

    /// A sequence of strings; an item that is not a string is reported and left out.
    mutating func stringList(_ node: YAMLNode, path: String) -> [Located<String>]? {
        guard let items = sequence(node, path: path) else { return nil }
        return items.enumerated().compactMap { index, item in string(item, path: "\(path)[\(index)]") }
    }

    /// A mapping of string keys to string values (metadata).
    mutating func stringMap(_ node: YAMLNode, path: String) -> Located<[String: String]>? {
        guard let pairs = node.mapping else {
            error("expected a mapping of strings for \(path), found \(node.kindDescription)", at: node)
            return nil
        }
        var map: [String: String] = [:]
        for pair in pairs {
            let key = pair.keyText
            if let value = string(pair.value, path: "\(path).\(key)") { map[key] = value.value }
        }
        return Located(map, at: location(node))
    }

    /// A connection `options` value: any YAML, converted to JSON, with `${env:NAME}` references resolved against
    /// the environment. Placeholders and masked values are errors; references inside sequences are errors.
    mutating func desiredValue(_ node: YAMLNode, path: String, insideSequence: Bool = false) -> DesiredValue? {
        switch node.content {
        case .scalar(let text, let style):
            let quoted = style != .plain || node.tag == "tag:yaml.org,2002:str"
            switch ScalarChecks.classify(text) {
            case .plain:
                return .literal(quoted ? .string(text) : Self.plainScalar(text, isNull: node.isNull))
            case .environmentReference(let name):
                if insideSequence {
                    error("\(path): ${env:NAME} references are accepted as mapping values, not inside sequences",
                          at: node)
                    return nil
                }
                if CredentialVariables.isReserved(name) {
                    error(
                        "\(path): ${env:\(name)} names a variable of tenantplan's own (AUTH0_*: its Management API "
                            + "credentials and tenant), which a connection option may not carry; give the value a "
                            + "variable of its own",
                        at: node)
                    return nil
                }
                // An empty variable counts as unset: a secret missing in CI often arrives as "".
                let value = environment[name].flatMap { $0.isEmpty ? nil : $0 }
                return .secret(SecretReference(name: name, value: value))
            case .malformedReference:
                error(
                    "\(path) '\(text)' is not a valid environment reference "
                        + "(expected ${env:NAME} as the whole value, NAME of letters, digits and '_')",
                    at: node)
                return nil
            case .placeholder(let marker):
                placeholderError(marker, path: path, node: node, secretsAllowed: true)
                return nil
            case .masked(let mask):
                maskedError(mask, path: path, node: node, secretsAllowed: true)
                return nil
            }
        case .sequence(let items):
            var values: [JSONValue] = []
            var ok = true
            for (index, item) in items.enumerated() {
                switch desiredValue(item, path: "\(path)[\(index)]", insideSequence: true) {
                case .literal(let value)?: values.append(value)
                default: ok = false
                }
            }
            return ok ? .literal(.array(values)) : nil
        case .mapping(let pairs):
            var members: [String: DesiredValue] = [:]
            var ok = true
            for pair in pairs {
                guard let value = desiredValue(pair.value, path: "\(path).\(pair.keyText)",
                                               insideSequence: insideSequence)
                else { ok = false; continue }
                members[pair.keyText] = value
            }
            guard ok else { return nil }
            if members.values.contains(where: \.containsSecret) { return .object(members) }
            return .literal(.object(members.mapValues {
                if case .literal(let value) = $0 { return value }
                return .null
            }))
        }
    }

    // MARK: Helpers

    private mutating func placeholderError(_ marker: String, path: String, node: YAMLNode, secretsAllowed: Bool) {
        error(
            "placeholder '\(marker)' in \(path): tenantplan does not substitute other tools' placeholders; "
                + (secretsAllowed ? "write the value, or ${env:NAME} for a secret" : "write the value"),
            at: node)
    }

    private mutating func maskedError(_ mask: String, path: String, node: YAMLNode, secretsAllowed: Bool) {
        error(
            "masked value '\(mask)' in \(path): deploying it would overwrite the real value; "
                + (secretsAllowed ? "write ${env:NAME} for a secret" : "write the real value"),
            at: node)
    }

    /// YAML 1.2 core-schema reading of a plain scalar.
    static func plainScalar(_ text: String, isNull: Bool) -> JSONValue {
        if isNull { return .null }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let value = Int(text) { return .int(value) }
        let numeric = text.allSatisfy { $0.isASCIIDigit || "+-.eE".contains($0) }
        if numeric, text.contains(where: \.isASCIIDigit), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    static func describe(_ path: String) -> String { path.isEmpty ? "the top of the file" : path }

    static func place(_ path: String) -> String { path.isEmpty ? "at the top level" : "in \(path)" }

    static func found(_ node: YAMLNode) -> String {
        if let text = node.scalar, !node.isNull { return "'\(text)'" }
        return node.kindDescription
    }
}

/// A checked mapping: its entries with allowed keys (a handful each, so they are scanned, not hashed).
struct Fields {
    let node: YAMLNode
    let path: String
    let pairs: [YAMLPair]

    /// The value node of `key`, if present.
    subscript(key: String) -> YAMLNode? { pairs.first { $0.keyText == key }?.value }

    /// The key node of `key`, if present.
    func keyNode(_ key: String) -> YAMLNode? { pairs.first { $0.keyText == key }?.key }

    /// The key path of a member: `organization.display_name`.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
