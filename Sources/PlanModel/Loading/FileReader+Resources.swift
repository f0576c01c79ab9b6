import YAML

/// Readers for the resources shared by both file kinds: connections, and the organization pieces of a
/// customer file. Limits follow the Management API v2 schemas (`Organization`, `ConnectionForList`).
extension FileReader {
    /// Organization `name`: `^[a-z0-9_-]{1,50}$` (POST /api/v2/organizations).
    static let organizationNameLimit = 50
    /// Organization metadata: Auth0 allows 25 keys; one is kept for the ownership marker.
    static let organizationMetadataKeys = 24
    /// Connection metadata: Auth0 allows 10 keys; one is kept for the ownership marker.
    static let connectionMetadataKeys = 9
    /// Metadata values: at most 255 characters.
    static let metadataValueLength = 255
    /// The key tenantplan writes into metadata to mark what it manages.
    public static let ownershipKey = "managed_by"

    /// Reads one connection definition (`connections[i]` in tenant.yaml, `enterprise_connections[i]` in a
    /// customer file).
    /// - Parameters:
    ///   - strategies: The allowed strategies, or `nil` for any.
    ///   - owner: The owning customer's organization name, `nil` for shared connections.
    mutating func connection(_ node: YAMLNode, path: String, strategies: [String]?, owner: String?) -> Connection? {
        guard
            let fields = fields(
                node, path: path,
                allowed: ["name", "strategy", "display_name", "options", "enabled_clients", "metadata"],
                required: ["name", "strategy"])
        else { return nil }
        // An invalid name or strategy is reported here and the connection still returned (with the value as
        // written), so references to it do not report it a second time as "not defined".
        var name: Located<String>?
        if let node = fields["name"], let value = boundedString(node, path: fields.path("name"), maxLength: 128) {
            name = value
            if !Self.isConnectionName(value.value) {
                error(
                    "\(fields.path("name")) '\(value.value)' is not a connection name "
                        + "(letters and digits, single '-' between them, at most 128 characters)",
                    at: node)
            }
        }
        var strategy: Located<String>?
        if let node = fields["strategy"], let value = string(node, path: fields.path("strategy")) {
            strategy = value
            if let strategies, !strategies.contains(value.value) {
                error(
                    "\(fields.path("strategy")) '\(value.value)' is not one of: \(strategies.joined(separator: ", "))",
                    at: node)
            }
        }
        let displayName = fields["display_name"].flatMap {
            boundedString($0, path: fields.path("display_name"), maxLength: 128)
        }
        var options: [String: Located<DesiredValue>] = [:]
        if let node = fields["options"] {
            if let pairs = node.mapping {
                for pair in pairs {
                    let key = pair.keyText
                    if let value = desiredValue(pair.value, path: "\(fields.path("options")).\(key)") {
                        options[key] = Located(value, at: location(pair.key))
                    }
                }
            } else {
                error("expected a mapping for \(fields.path("options")), found \(node.kindDescription)", at: node)
            }
        }
        var enabledClients: Located<[Located<String>]>?
        if let node = fields["enabled_clients"], let list = stringList(node, path: fields.path("enabled_clients")) {
            enabledClients = Located(list, at: location(fields.keyNode("enabled_clients")!))
        }
        let metadata = fields["metadata"].flatMap {
            metadataMap(
                $0, path: fields.path("metadata"), maxKeys: Self.connectionMetadataKeys, key: fields.keyNode("metadata")!)
        }
        guard let name, let strategy else { return nil }
        return Connection(
            name: name, strategy: strategy, displayName: displayName, options: options,
            enabledClients: enabledClients, metadata: metadata, owner: owner)
    }

    /// A metadata map with Auth0's limits and the ownership key reserved.
    /// - Parameter key: The `metadata` key: a map over its key limit is reported there.
    mutating func metadataMap(_ node: YAMLNode, path: String, maxKeys: Int, key: YAMLNode) -> Located<[String: String]>? {
        guard let map = stringMap(node, path: path) else { return nil }
        var ok = true
        if map.value.count > maxKeys {
            error(
                "\(path) has \(map.value.count) keys; at most \(maxKeys) "
                    + "(Auth0's limit less the ownership marker '\(Self.ownershipKey)')",
                at: key)
            ok = false
        }
        for pair in node.mapping ?? [] {
            let name = pair.keyText
            if name == Self.ownershipKey {
                error("\(path).\(name) is reserved for tenantplan's ownership marker", at: pair.key)
                ok = false
            } else if name.count > 255 {
                error("\(path) key '\(name.prefix(20))…' is \(name.count) characters; at most 255", at: pair.key)
                ok = false
            } else if let value = map.value[name], value.count > Self.metadataValueLength {
                error("\(path).\(name) is \(value.count) characters; at most \(Self.metadataValueLength)",
                      at: pair.value)
                ok = false
            }
        }
        return ok ? map : nil
    }

    /// Auth0's connection name pattern: `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`.
    static func isConnectionName(_ name: String) -> Bool {
        guard let first = name.first, let last = name.last, first != "-", last != "-" else { return false }
        return !ScalarChecks.containsASCII(name, "--") && name.allSatisfy { $0 == "-" || $0.isASCIILetter || $0.isASCIIDigit }
    }

    /// Auth0's organization name pattern: lowercase letters, digits, `_` and `-`.
    static func isOrganizationName(_ name: String) -> Bool {
        name.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
    }
}
