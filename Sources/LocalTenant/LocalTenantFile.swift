import Foundation
import JSONValues

/// Decodes the local tenant file with the shape the README describes ("Which tenant") as a hint: members whose JSON type is known
/// from the Management API (`id`, `name` are strings, `assign_membership_on_login` a boolean, …) are decoded
/// as that type first, so the generic ``JSONValue`` decoding (which tries one type after another) runs only for
/// the rest. Any member whose type differs from the hint still decodes, generically. The result is the same
/// ``JSONValue`` as a generic decode, a few times faster for a 10,000-organization tenant.
struct HintedObject: Decodable {
    let members: [String: JSONValue]

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let stringKeys: Set<String> = [
        "id", "name", "display_name", "strategy", "connection_id", "client_id", "description", "app_type",
        "organization_usage", "organization_require_behavior", "initiate_login_uri", "logo_url", "primary",
        "page_background", "ticket_id", "invitation_url", "created_at", "expires_at", "domain", "tenant_domain",
        "userid_attribute", "should_trust_email_verified_connection", "passwordPolicy",
    ]
    static let boolKeys: Set<String> = [
        "assign_membership_on_login", "show_as_button", "is_signup_enabled", "is_domain_connection",
        "brute_force_protection", "disable_signup",
    ]
    static let objectKeys: Set<String> = [
        "metadata", "client_metadata", "branding", "colors", "connection", "options", "invitee", "inviter",
        "app_metadata", "user_metadata",
    ]
    static let objectArrayKeys: Set<String> = ["enabled_connections"]
    static let stringArrayKeys: Set<String> = ["realms", "domain_aliases", "thumbprints", "roles"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(container.allKeys.count)
        for key in container.allKeys {
            let name = key.stringValue
            if Self.stringKeys.contains(name), let value = try? container.decode(String.self, forKey: key) {
                members[name] = .string(value)
            } else if Self.boolKeys.contains(name), let value = try? container.decode(Bool.self, forKey: key) {
                members[name] = .bool(value)
            } else if Self.objectKeys.contains(name), let value = try? container.decode(HintedObject.self, forKey: key) {
                members[name] = .object(value.members)
            } else if Self.objectArrayKeys.contains(name),
                let value = try? container.decode([HintedObject].self, forKey: key)
            {
                members[name] = .array(value.map { .object($0.members) })
            } else if Self.stringArrayKeys.contains(name), let value = try? container.decode([String].self, forKey: key) {
                members[name] = .array(value.map(JSONValue.string))
            } else {
                members[name] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        self.members = members
    }
}

/// The file's top level: arrays of Auth0 objects decoded with hints, everything else generically.
struct LocalTenantFile: Decodable {
    let json: JSONValue

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var top: [String: JSONValue] = [:]
        for key in container.allKeys {
            if ["organizations", "connections", "clients", "roles"].contains(key.stringValue),
                let items = try? container.decode([HintedObject].self, forKey: key)
            {
                top[key.stringValue] = .array(items.map { .object($0.members) })
            } else {
                top[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        json = .object(top)
    }

    /// Decodes a file's bytes.
    /// - Throws: `DecodingError` when the bytes are not JSON or not a JSON object.
    static func decode(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(LocalTenantFile.self, from: data).json
    }
}
