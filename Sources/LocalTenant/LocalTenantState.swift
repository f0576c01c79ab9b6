import Foundation
import JSONValues

/// The local tenant's data, in the shape the README describes ("Which tenant"): the live tenant as the Management API returns it.
///
/// ```json
/// { "organizations": [ {…, "enabled_connections": [ {connection_id, …, "connection": {name, strategy}} ]} ],
///   "connections": [ {id, name, strategy, options, metadata, …} ],
///   "connection_clients": { "con_…": ["client_id", …] },
///   "clients": [ … ], "roles": [ … ], "invitations": { "org_…": [ … ] },
///   "users": [ {user_id, email, name, picture, identities: [ {connection, provider, user_id, isSocial} ],
///               app_metadata, user_metadata, created_at, …} ],
///   "organization_members": { "org_…": ["auth0|…", "samlp|acme-saml|…"] },
///   "tenant_settings": { "default_redirection_uri": "https://…/login" },
///   "tenantplan_local": { "fail_after_requests": 12, "fail_writes_after": 3, "latency_ms": 5,
///                       "pending_delete_conflicts": 2, "accept_invitations": ["uinv_…"] } }
/// ```
/// A connection without `options` stands for a read made without `read:connections_options`. The project's own
/// switches live under `tenantplan_local`, never inside Auth0 objects; other unknown top-level keys are kept.
/// `tenant_settings` is optional and holds members of `GET /api/v2/tenants/settings`; only
/// `default_redirection_uri` (the tenant's default login route, used for invitation URLs) is read.
///
/// `users` holds each user as `GET /api/v2/users/{id}` returns it (`GetUserResponseContent`; an identity's
/// `connection` is the connection's name, its `user_id` the part of the user's id after the provider); identity
/// provider tokens (`access_token`, `refresh_token`, `access_token_secret`) may be kept in the file but are never
/// answered (``LocalTenant``). `organization_members` lists each organization's members by user id, in the order
/// they joined; every member must be among `users`. `tenantplan_local.accept_invitations` is a test switch, applied
/// and removed when the tenant is opened (``LocalTenantState/acceptInvitations(now:newIdentifier:)``).
///
/// Every section notes that it was written (``touchedSections``; the keyed sections note their keys,
/// ``JournaledMap``), so that a saved tenant journals each write as the objects it changed
/// (``LocalTenantState/takeChanges(since:)``, docs/decisions.md "The local tenant").
struct LocalTenantState: Sendable {
    var organizations: [[String: JSONValue]] = [] { didSet { touchedSections.insert(.organizations) } }
    var connections: [[String: JSONValue]] = [] { didSet { touchedSections.insert(.connections) } }
    var connectionClients: JournaledMap<[String]> = [:]
    var clients: [[String: JSONValue]] = [] { didSet { touchedSections.insert(.clients) } }
    var roles: [[String: JSONValue]] = [] { didSet { touchedSections.insert(.roles) } }
    var invitations: JournaledMap<[JSONValue]> = [:]
    var users: [[String: JSONValue]] = [] { didSet { touchedSections.insert(.users) } }
    var organizationMembers: JournaledMap<[String]> = [:]
    var other: [String: JSONValue] = [:] { didSet { touchedSections.insert(.other) } }
    /// The sections written since the last ``takeChanges(since:)``.
    var touchedSections: Set<Section> = []

    static let knownKeys: Set<String> = [
        "organizations", "connections", "connection_clients", "clients", "roles", "invitations", "users",
        "organization_members",
    ]

    init() {}

    /// Decodes the file's JSON.
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` when a section has the wrong shape.
    init(json: JSONValue) throws {
        try self.init(unvalidated: json)
        try validate()
    }

    /// Decodes the file's JSON without the checks of ``validate()`` (a journal is replayed before they run).
    init(unvalidated json: JSONValue) throws {
        guard let top = json.objectValue else { throw LocalTenantError.invalidFile("the file must hold a JSON object") }
        func objects(_ key: String) throws -> [[String: JSONValue]] {
            guard let value = top[key] else { return [] }
            guard let items = value.arrayValue, let objects = Optional(items.compactMap(\.objectValue)),
                objects.count == items.count
            else { throw LocalTenantError.invalidFile("'\(key)' must be an array of objects") }
            return objects
        }
        organizations = try objects("organizations")
        connections = try objects("connections")
        clients = try objects("clients")
        roles = try objects("roles")
        users = try objects("users")
        if let value = top["connection_clients"] {
            guard let map = value.objectValue else {
                throw LocalTenantError.invalidFile("'connection_clients' must be an object")
            }
            connectionClients = JournaledMap(map.mapValues { $0.arrayValue?.compactMap(\.stringValue) ?? [] })
        }
        if let value = top["invitations"] {
            guard let map = value.objectValue else { throw LocalTenantError.invalidFile("'invitations' must be an object") }
            invitations = JournaledMap(map.mapValues { $0.arrayValue ?? [] })
        }
        if let value = top["organization_members"] {
            guard let map = value.objectValue else {
                throw LocalTenantError.invalidFile("'organization_members' must be an object")
            }
            var members: [String: [String]] = [:]
            for (organization, list) in map {
                guard let items = list.arrayValue, let ids = Optional(items.compactMap(\.stringValue)),
                    ids.count == items.count
                else {
                    throw LocalTenantError.invalidFile(
                        "organization_members[\"\(organization)\"] must be an array of user ids (strings)")
                }
                members[organization] = ids
            }
            organizationMembers = JournaledMap(members)
        }
        other = top.filter { !Self.knownKeys.contains($0.key) }
    }

    /// Checks what the local tenant relies on, so a hand-edited or corrupt file is refused with a clear reason
    /// instead of being read as "absent" (objects without ids would be invisible to a plan and re-created).
    func validate() throws {
        func require(_ objects: [[String: JSONValue]], _ section: String, keys: [String], unique: [String]) throws {
            var seen: [String: [String: Int]] = [:]
            for (index, object) in objects.enumerated() {
                for key in keys where object[key]?.stringValue == nil {
                    throw LocalTenantError.invalidFile("\(section)[\(index)] has no string '\(key)'")
                }
                for key in unique {
                    let value = object[key]!.stringValue!
                    if let first = seen[key]?[value] {
                        throw LocalTenantError.invalidFile(
                            "\(section)[\(index)] repeats \(key) '\(value)' of \(section)[\(first)]")
                    }
                    seen[key, default: [:]][value] = index
                }
                for key in ["options", "metadata", "client_metadata", "branding"] {
                    if let value = object[key], value.objectValue == nil {
                        throw LocalTenantError.invalidFile("\(section)[\(index)].\(key) must be an object")
                    }
                }
            }
        }
        try require(organizations, "organizations", keys: ["id", "name"], unique: ["id", "name"])
        try require(connections, "connections", keys: ["id", "name", "strategy"], unique: ["id", "name"])
        try require(clients, "clients", keys: ["client_id", "name"], unique: ["client_id"])
        try require(roles, "roles", keys: ["id", "name"], unique: ["id", "name"])
        try require(users, "users", keys: ["user_id"], unique: ["user_id"])
        try validateUsers()
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plainDates = ISO8601DateFormatter()
        for (organization, items) in invitations {
            for (index, item) in items.enumerated() {
                let place = "invitations[\"\(organization)\"][\(index)]"
                guard item["id"]?.stringValue != nil, item["invitee"]?["email"]?.stringValue != nil else {
                    throw LocalTenantError.invalidFile("\(place) needs a string 'id' and 'invitee.email'")
                }
                for key in ["created_at", "expires_at"] {
                    guard let value = item[key] else { continue }
                    guard let text = value.stringValue, dates.date(from: text) ?? plainDates.date(from: text) != nil else {
                        throw LocalTenantError.invalidFile("\(place).\(key) is not an ISO 8601 date")
                    }
                }
            }
        }
        for (index, organization) in organizations.enumerated() {
            guard let entries = organization["enabled_connections"] else { continue }
            guard let items = entries.arrayValue, items.allSatisfy({ $0["connection_id"]?.stringValue != nil }) else {
                throw LocalTenantError.invalidFile(
                    "organizations[\(index)].enabled_connections must be an array of objects with a connection_id")
            }
        }
    }

    /// The file's JSON.
    var json: JSONValue {
        var top = other
        top["organizations"] = .array(organizations.map(JSONValue.object))
        top["connections"] = .array(connections.map(JSONValue.object))
        top["connection_clients"] = .object(connectionClients.mapValues { .array($0.map(JSONValue.string)) })
        top["clients"] = .array(clients.map(JSONValue.object))
        top["roles"] = .array(roles.map(JSONValue.object))
        top["invitations"] = .object(invitations.mapValues(JSONValue.array))
        top["users"] = .array(users.map(JSONValue.object))
        top["organization_members"] = .object(organizationMembers.mapValues { .array($0.map(JSONValue.string)) })
        return .object(top)
    }
}

/// Why the local tenant could not be opened or saved.
public enum LocalTenantError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not in the shape the README describes ("Which tenant").
    case invalidFile(String)
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// Another process held the file's lock (``LocalTenantLock``) for longer than `seconds`.
    case locked(path: String, seconds: Double)

    public var description: String {
        switch self {
        case .invalidFile(let reason): return "local tenant file is invalid: \(reason)"
        case .io(let path, let reason): return "local tenant file \(path): \(reason)"
        case .locked(let path, let seconds):
            let shown = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
            return "local tenant file \(path) is locked by another tenantplan process (\(path).lock); gave up "
                + "after waiting \(shown) s; nothing was read or changed"
        }
    }
}
