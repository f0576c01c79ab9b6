import Foundation
import JSONValues

/// The compiled schemas (``CompiledSchema``) of one ``SchemaValidator``, shared by all its copies: each `$ref`
/// target compiled once, on first use, with everything it reaches, and reused for every instance after.
///
/// Compiling happens under a lock (the loader validates files in parallel) and publishes a graph only when it is
/// complete; checking an instance against a compiled graph takes no lock.
final class CompiledSchemaCache: @unchecked Sendable {
    private let lock = NSLock()
    /// `$ref` text -> where its compiled target is (`nil` node: the reference does not resolve).
    private var targets: [String: ReferenceSlot] = [:]
    /// `$ref` text -> the compiled schema `{"$ref": text}`, the form the loader and the local tenant pass.
    private var wrappers: [String: CompiledSchema] = [:]
    /// `components.schemas` name -> that schema compiled.
    private var named: [String: CompiledSchema] = [:]
    /// `components.schemas` name -> the compiled `{"$ref": "#/components/schemas/<name>"}`.
    private var referencesByName: [String: CompiledSchema] = [:]
    /// `first NUL second` -> the members whose schema is the same in both.
    private var shared: [String: Set<String>] = [:]

    /// `schema` compiled, its `$ref`s resolved in `validator`'s document. A schema that is only a `$ref` is
    /// compiled once per reference; any other is compiled anew (its `$ref` targets still once).
    func compiled(_ schema: JSONValue, in validator: SchemaValidator) -> CompiledSchema {
        lock.lock()
        defer { lock.unlock() }
        if case .object(let keywords) = schema, keywords.count == 1, let reference = keywords["$ref"]?.stringValue {
            if let known = wrappers[reference] { return known }
            let node = build(schema, validator)
            wrappers[reference] = node
            return node
        }
        return build(schema, validator)
    }

    /// The schema `{"$ref": "#/components/schemas/<name>"}` compiled (the name as written, not escaped), once per
    /// name: what the loader validates each declared object against.
    func reference(toSchemaNamed name: String, in validator: SchemaValidator) -> CompiledSchema {
        lock.lock()
        defer { lock.unlock() }
        if let known = referencesByName[name] { return known }
        let node = build(.object(["$ref": .string("#/components/schemas/\(name)")]), validator)
        referencesByName[name] = node
        return node
    }

    /// `schema`, the schema `components.schemas.<name>`, compiled once per name.
    func compiled(named name: String, _ schema: JSONValue, in validator: SchemaValidator) -> CompiledSchema {
        lock.lock()
        defer { lock.unlock() }
        if let known = named[name] { return known }
        let node = build(schema, validator)
        named[name] = node
        return node
    }

    /// The members with the same schema in two schemas (``SchemaValidator/sameMemberSchemas(_:_:)``), computed by
    /// `compute` once per pair.
    func sameMembers(_ first: String, _ second: String, _ compute: () -> Set<String>) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        let key = first + "\u{0}" + second
        if let known = shared[key] { return known }
        let members = compute()
        shared[key] = members
        return members
    }

    /// The slot of `reference`'s compiled target (its `node` is `nil` when the reference does not resolve in
    /// `validator`'s document).
    private func target(_ reference: String, _ validator: SchemaValidator) -> ReferenceSlot {
        if let known = targets[reference] { return known }
        let slot = ReferenceSlot()
        // Registered before the target is read, so that a cycle back to it finds it.
        targets[reference] = slot
        if let schema = validator.resolve(reference: reference) { slot.node = build(schema, validator) }
        return slot
    }

    /// `schema` compiled: its keywords read as ``SchemaValidator`` reads them (the same value kinds count).
    private func build(_ schema: JSONValue, _ validator: SchemaValidator) -> CompiledSchema {
        guard case .object(let keywords) = schema else {
            return CompiledSchema(shape: schema == .bool(false) ? .reject : .accept)
        }
        guard keywords.keys.contains(where: SchemaValidator.validatedKeywords.contains) else {
            return CompiledSchema(shape: .accept)
        }
        var node = CompiledSchema.Builder()
        node.shape = .keywords
        node.description = keywords["description"]?.stringValue
        if let reference = keywords["$ref"]?.stringValue {
            node.reference = reference
            node.slot = target(reference, validator)
        }
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            node.typeMask = allowed.reduce(0) { $0 | CompiledSchema.Kind.bit($1) }
            node.typeText = SchemaValidator.jsText(type)
        }
        node.enumValues = keywords["enum"]?.arrayValue
        node.constValue = keywords["const"]

        node.minLength = keywords["minLength"].flatMap(SchemaValidator.number)
        node.maxLength = keywords["maxLength"].flatMap(SchemaValidator.number)
        if let pattern = keywords["pattern"]?.stringValue {
            node.pattern = pattern
            node.expression = validator.patterns.expression(pattern)
        }
        if let format = keywords["format"]?.stringValue {
            node.format = format
            node.formatRule = SchemaValidator.checkedFormats[format]
        }

        node.minimum = keywords["minimum"].flatMap(SchemaValidator.number)
        node.maximum = keywords["maximum"].flatMap(SchemaValidator.number)
        node.exclusiveMinimum = keywords["exclusiveMinimum"].flatMap(SchemaValidator.number)
        node.exclusiveMaximum = keywords["exclusiveMaximum"].flatMap(SchemaValidator.number)
        node.multipleOf = keywords["multipleOf"].flatMap(SchemaValidator.number)

        node.items = keywords["items"].map { build($0, validator) }
        node.minItems = keywords["minItems"].flatMap(SchemaValidator.number)
        node.maxItems = keywords["maxItems"].flatMap(SchemaValidator.number)
        node.uniqueItems = keywords["uniqueItems"] == .bool(true)
        node.contains = keywords["contains"].map { build($0, validator) }

        node.properties = (keywords["properties"]?.objectValue ?? [:]).mapValues { build($0, validator) }
        if let additional = keywords["additionalProperties"] {
            node.additional = build(additional, validator)
            node.additionalIsSchema = additional.objectValue != nil
            node.additionalIsFalse = additional == .bool(false)
        }
        node.required = keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        node.minProperties = keywords["minProperties"].flatMap(SchemaValidator.number)
        node.maxProperties = keywords["maxProperties"].flatMap(SchemaValidator.number)

        node.allOf = (keywords["allOf"]?.arrayValue ?? []).map { build($0, validator) }
        node.anyOf = keywords["anyOf"]?.arrayValue.map { $0.map { build($0, validator) } }
        node.oneOf = keywords["oneOf"]?.arrayValue.map { $0.map { build($0, validator) } }
        node.not = keywords["not"].map { build($0, validator) }
        return CompiledSchema(node)
    }
}
