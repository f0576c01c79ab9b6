import JSONValues

/// A walk over one connection options schema collecting the paths it describes and, by ``SecretFieldRule``,
/// the secret ones (a secret field's members are not walked: the field is secret whole).
struct SchemaWalk {
    let document: ManagementAPIDocument
    /// Every path described.
    private(set) var described: Set<String> = []
    /// The secret paths.
    private(set) var secrets: Set<String> = []
    /// Schema names on the current `$ref` chain (a recursive schema is walked once per chain).
    private var visiting: Set<String> = []

    init(document: ManagementAPIDocument) { self.document = document }

    /// Walks `schema`, whose properties sit at `path`.
    mutating func visit(_ schema: JSONValue, path: [String], insideCode: Bool = false) {
        if let reference = schema["$ref"]?.stringValue {
            guard let name = ManagementAPIDocument.schemaName(reference: reference), !visiting.contains(name),
                  let target = document.schema(named: name)
            else { return }
            visiting.insert(name)
            visit(target, path: path, insideCode: insideCode)
            visiting.remove(name)
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            for part in schema[combinator]?.arrayValue ?? [] { visit(part, path: path, insideCode: insideCode) }
        }
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            let fieldPath = path + [name]
            let joined = fieldPath.joined(separator: ".")
            described.insert(joined)
            let code = insideCode || (path.isEmpty && SecretCatalogue.codeFields.contains(name))
            if !code,
               SecretFieldRule.denotesSecret(name: name, description: description(property), types: types(property))
            {
                secrets.insert(joined)
                continue
            }
            visit(property, path: fieldPath, insideCode: code)
        }
    }

    /// The first description on `schema`'s `$ref` chain.
    func description(_ schema: JSONValue) -> String? {
        var current = schema
        var seen: Set<String> = []
        while true {
            if let text = current["description"]?.stringValue, !text.isEmpty { return text }
            guard let reference = current["$ref"]?.stringValue,
                  let name = ManagementAPIDocument.schemaName(reference: reference), seen.insert(name).inserted,
                  let next = document.schema(named: name)
            else { return nil }
            current = next
        }
    }

    /// The JSON Schema types `schema` admits, through `$ref` and the combinators; `object` when it has
    /// `properties`; empty when it does not say.
    func types(_ schema: JSONValue, seen: Set<String> = []) -> Set<String> {
        var result: Set<String> = []
        switch schema["type"] {
        case .string(let type)?: result.insert(type)
        case .array(let types)?: result.formUnion(types.compactMap(\.stringValue))
        default: break
        }
        if schema["properties"] != nil { result.insert("object") }
        if let reference = schema["$ref"]?.stringValue, let name = ManagementAPIDocument.schemaName(reference: reference),
           !seen.contains(name), let target = document.schema(named: name)
        {
            result.formUnion(types(target, seen: seen.union([name])))
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            for part in schema[combinator]?.arrayValue ?? [] { result.formUnion(types(part, seen: seen)) }
        }
        return result
    }
}
