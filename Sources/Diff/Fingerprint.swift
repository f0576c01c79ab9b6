import Auth0Schema
import Hashing
import JSONValues
import ManagementAPI
import PlanModel

/// A fingerprint of one live object as a plan read it: a short digest per field, so `apply FILE` can tell which
/// objects changed since the plan and how (docs/saved-plans.md: "A saved plan ... records, for each resource it touches,
/// a fingerprint of the live object").
///
/// Each field's digest is the first 16 hexadecimal digits of the SHA-256 of its compact JSON (sorted keys).
/// Secret option values (``SecretCatalogue/isSecret(strategy:path:value:)``: a secret path and everything below it,
/// and any value that is a private key) are left out: a digest of a secret is not written to a plan file, and
/// a secret rotated in the dashboard does not make a plan stale (apply re-reads the live value anyway).
///
/// Fields per kind: organization `id`, `display_name`, `metadata`, `branding`, `enabled_connections` (when read);
/// connection `id`, `strategy`, `display_name`, `metadata`, `options.KEY` per top-level option key, `enabled_clients`
/// (when read); client `id`, `app_type`, `organization_usage`, `organization_require_behavior`,
/// `initiate_login_uri`, `client_metadata`; role `id`, `description`.
public struct Fingerprint: Sendable, Equatable, Codable {
    /// The kind of object.
    public let kind: ResourceKind
    /// Its name (natural key).
    public let name: String
    /// Field name -> digest; `nil` when the object did not exist (the plan creates it).
    public let fields: [String: String]?

    /// Creates a fingerprint.
    public init(kind: ResourceKind, name: String, fields: [String: String]?) {
        self.kind = kind
        self.name = name
        self.fields = fields
    }

    /// `organization "acme"`.
    public var address: String { "\(kind.rawValue) \"\(name)\"" }

    /// The fingerprints of the objects `wanted` names in `live` (absent when not there), in the order of `wanted`.
    /// Each list is indexed by name once, so a plan touching every object of a large tenant stays linear.
    public static func of(_ wanted: [(kind: ResourceKind, name: String)], in live: LiveSnapshot) -> [Fingerprint] {
        let organizations = Dictionary(live.organizations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let connections = Dictionary(live.connections.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(live.clients.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let roles = Dictionary(live.roles.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return wanted.map { kind, name in
            var fields: [String: JSONValue]?
            switch kind {
            case .organization: fields = organizations[name].map(organizationFields)
            case .connection: fields = connections[name].map(connectionFields)
            case .client: fields = clients[name].map(clientFields)
            case .role: fields = roles[name].map(roleFields)
            }
            return Fingerprint(kind: kind, name: name, fields: fields?.mapValues(digest))
        }
    }

    static func clientFields(_ client: LiveClient) -> [String: JSONValue] {
        [
            "id": .string(client.clientID), "app_type": optional(client.appType),
            "organization_usage": optional(client.organizationUsage),
            "organization_require_behavior": optional(client.organizationRequireBehavior),
            "initiate_login_uri": optional(client.initiateLoginURI),
            "client_metadata": .object(client.clientMetadata.mapValues(JSONValue.string)),
        ]
    }

    static func roleFields(_ role: LiveRole) -> [String: JSONValue] {
        ["id": .string(role.id), "description": optional(role.description)]
    }

    /// How the object changed between `self` (at plan time) and `current` (now), or `nil` when it did not: created
    /// or deleted since, deleted and created again (another `id`), or the fields whose digests differ.
    public func difference(to current: Fingerprint) -> SavedPlanStaleness.ObjectChange.Kind? {
        switch (fields, current.fields) {
        case (nil, nil): return nil
        case (nil, _?): return .created
        case (_?, nil): return .deleted
        case (let before?, let after?):
            if before["id"] != after["id"] { return .recreated }
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            return changed.isEmpty ? nil : .fields(changed)
        }
    }

    // MARK: Fields

    static func organizationFields(_ organization: LiveOrganization) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "id": .string(organization.id), "display_name": optional(organization.displayName),
            "metadata": .object(organization.metadata.mapValues(JSONValue.string)),
            "branding": organization.branding ?? .null,
        ]
        if let enabled = organization.enabledConnections {
            fields["enabled_connections"] = .array(
                enabled.sorted { $0.name < $1.name }.map { connection in
                    [
                        "connection_id": .string(connection.connectionID), "name": .string(connection.name),
                        "assign_membership_on_login": connection.assignMembershipOnLogin.map(JSONValue.bool) ?? .null,
                        "show_as_button": connection.showAsButton.map(JSONValue.bool) ?? .null,
                        "is_signup_enabled": connection.isSignupEnabled.map(JSONValue.bool) ?? .null,
                    ]
                })
        }
        return fields
    }

    static func connectionFields(_ connection: LiveConnection) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "id": .string(connection.id), "strategy": .string(connection.strategy),
            "display_name": optional(connection.displayName),
            "metadata": .object(connection.metadata.mapValues(JSONValue.string)),
        ]
        for (key, value) in connection.options ?? [:]
        where !SecretCatalogue.isSecret(strategy: connection.strategy, path: key, value: value) {
            fields["options.\(key)"] = withoutSecrets(value, path: key, strategy: connection.strategy)
        }
        if let clients = connection.enabledClients { fields["enabled_clients"] = .array(clients.sorted().map(JSONValue.string)) }
        return fields
    }

    /// `value` with nested secrets (`signing_key.key`, `gateway_authentication.secret`, a private key in a list)
    /// removed: object members are dropped, list items replaced by `null` (the list keeps its length).
    static func withoutSecrets(_ value: JSONValue, path: String, strategy: String) -> JSONValue {
        switch value {
        case .object(let object):
            var kept: [String: JSONValue] = [:]
            for (key, child) in object
            where !SecretCatalogue.isSecret(strategy: strategy, path: "\(path).\(key)", value: child) {
                kept[key] = withoutSecrets(child, path: "\(path).\(key)", strategy: strategy)
            }
            return .object(kept)
        case .array(let items):
            return .array(items.map {
                SecretCatalogue.isSecret(strategy: strategy, path: path, value: $0)
                    ? .null : withoutSecrets($0, path: path, strategy: strategy)
            })
        default:
            return value
        }
    }

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    static func digest(_ value: JSONValue) -> String { String(SHA256.hex(Array(value.encoded())).prefix(16)) }
}
