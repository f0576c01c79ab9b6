import Auth0Schema
import JSONValues
import YAML

/// Readers for the resources shared by both file kinds: connections, and the metadata maps. What Auth0's schema
/// refuses is refused by ``checkSchemas(_:_:strategy:since:)``; the checks here say more than the schema.
extension FileReader {
    /// The key tenantplan writes into metadata to mark what it manages.
    public static let ownershipKey = "managed_by"

    /// Reads one connection definition (`connections[i]` in tenant.yaml, `enterprise_connections[i]` in a
    /// customer file), checked against the request schemas of `POST /api/v2/connections` and
    /// `PATCH /api/v2/connections/{id}`, and its `options` against its strategy's options schemas.
    /// - Parameters:
    ///   - layout: ``FileLayout/sharedConnection`` or ``FileLayout/customerEnterpriseConnection``: its `strategy`
    ///     lists the allowed strategies (`choices`), or none for any Auth0 knows.
    ///   - owner: The owning customer's organization name, `nil` for shared connections.
    mutating func connection(_ node: YAMLNode, path: String, layout: MappingLayout, owner: String?) -> Connection? {
        let start = diagnostics.count
        guard
            let fields = fields(
node, path: path, layout: layout)
        else { return nil }
        let strategies = layout["strategy"].choices
        var body = DeclaredBody(root: place(path, node, key: nil))
        // An invalid name or strategy is reported and the connection still returned (with the value as written),
        // so references to it do not report it a second time as "not defined".
        var name: Located<String>?
        if let node = fields["name"], let value = string(node, path: fields.path("name")) {
            name = value
            body.set("name", .string(value.value), at: place(fields.path("name"), node, key: fields.keyNode("name")))
        }
        var strategy: Located<String>?
        if let node = fields["strategy"], let value = string(node, path: fields.path("strategy")) {
            strategy = value
            if let strategies, !strategies.contains(value.value) {
                error(
                    "\(fields.path("strategy")) '\(value.value)' is not one of: \(strategies.joined(separator: ", "))",
                    at: node)
            } else {
                body.set(
                    "strategy", .string(value.value),
                    at: place(fields.path("strategy"), node, key: fields.keyNode("strategy")))
            }
        }
        var displayName: Located<String>?
        if let node = fields["display_name"], let value = string(node, path: fields.path("display_name")) {
            displayName = value
            body.set(
                "display_name", .string(value.value),
                at: place(fields.path("display_name"), node, key: fields.keyNode("display_name")))
        }
        var options: [String: Located<DesiredValue>] = [:]
        if let node = fields["options"] {
            if let pairs = node.mapping {
                var everyOption = true
                for pair in pairs {
                    let key = pair.keyText
                    if let value = desiredValue(pair.value, path: "\(fields.path("options")).\(key)") {
                        options[key] = Located(value, at: location(pair.key))
                    } else {
                        everyOption = false
                    }
                }
                if everyOption {
                    body.set(
                        "options", .object(options.mapValues(\.value)), node: node, key: fields.keyNode("options"),
                        yamlPath: fields.path("options"), file: file)
                }
            } else {
                error("expected a mapping for \(fields.path("options")), found \(node.kindDescription)", at: node)
            }
        }
        var enabledClients: Located<[Located<String>]>?
        if let node = fields["enabled_clients"], let list = stringList(node, path: fields.path("enabled_clients")) {
            enabledClients = Located(list, at: location(fields.keyNode("enabled_clients")!))
        }
        var metadata: Located<[String: String]>?
        if let node = fields["metadata"], let key = fields.keyNode("metadata") {
            if let read = metadataMap(
                node, path: fields.path("metadata"), layout: layout["metadata"], key: key)
            {
                metadata = read.valid ? read.map : nil
                body.set(
                    "metadata", .object(read.map.value.mapValues(JSONValue.string)),
                    at: place(fields.path("metadata"), node, key: key))
                body.record(["metadata"], node: node, key: key, yamlPath: fields.path("metadata"), file: file)
            }
        }
        var targets = [
            SchemaTarget(schema: RequestSchema.createConnection),
            SchemaTarget(schema: RequestSchema.updateConnection, omitting: ["name", "strategy"]),
        ]
        if let strategy {
            for schema in RequestSchema.optionsSchemas[strategy.value] ?? [] {
                targets.append(SchemaTarget(schema: schema, at: ["options"]))
            }
        }
        checkSchemas(body, targets, strategy: strategy?.value, since: start)
        guard let name, let strategy else { return nil }
        return Connection(
            name: name, strategy: strategy, displayName: displayName, options: options,
            enabledClients: enabledClients, metadata: metadata, owner: owner, optionLocations: body.optionLocations)
    }

    /// A metadata map as its `layout` (``FileLayout``) allows: the ownership key reserved, at most
    /// ``KeyLayout/maxProperties`` keys (Auth0's `maxProperties` less one for the marker) and keys of at most
    /// ``KeyLayout/keyMaxLength`` characters (``Auth0Limits/metadataKeyLength``); its values are checked against
    /// the schema with the rest of the object.
    /// - Parameter key: The `metadata` key: a map over its key limit is reported there.
    /// - Returns: The map read (without a reserved or overlong key, so that its values are still checked), and
    ///   whether it passed these checks.
    mutating func metadataMap(_ node: YAMLNode, path: String, layout: KeyLayout, key: YAMLNode)
        -> (map: Located<[String: String]>, valid: Bool)?
    {
        let maxKeys = layout.maxProperties ?? Int.max
        let keyLength = layout.keyMaxLength ?? Int.max
        let before = diagnostics.count
        guard var map = stringMap(node, path: path) else { return nil }
        if map.value.count > maxKeys {
            error(
                "\(path) has \(map.value.count) keys; at most \(maxKeys) "
                    + "(Auth0's limit less the ownership marker '\(Self.ownershipKey)')",
                at: key)
        }
        var values = map.value
        for pair in node.mapping ?? [] {
            let name = pair.keyText
            if layout.reservedKeys.contains(name) {
                error("\(path).\(name) is reserved for tenantplan's ownership marker", at: pair.key)
                values[name] = nil
            } else if name.count > keyLength {
                error(
                    "\(path) key '\(name.prefix(20))…' is \(name.count) characters; at most \(keyLength)",
                    at: pair.key)
                values[name] = nil
            }
        }
        map = Located(values, at: map.location)
        return (map, diagnostics.count == before)
    }
}
