import Foundation
import JSONValues

/// What one write changed, as journal records (``LocalTenantJournal``), and replaying them.
///
/// A record is one JSON object:
/// - `{"section": "organizations", "put": {…}}`: the object with that id (`client_id` for clients) replaces the
///   one in place, or is appended when there is none;
/// - `{"section": "organizations", "delete": "org_…"}`: the object with that id is removed;
/// - `{"section": "organizations", "replace": […]}`: the whole section (a write that reordered it);
/// - `{"section": "connection_clients", "key": "con_…", "put": […]}` or `…, "delete": true}`: one entry of a keyed
///   section (`connection_clients`, `invitations`, `organization_members`);
/// - `{"section": "other", "replace": {…}}`: the top-level keys the local tenant does not interpret.
extension LocalTenantState {
    /// A part of the file a write can change.
    enum Section: String, Sendable, Hashable, CaseIterable {
        case organizations, connections, clients, roles, users
        case connectionClients = "connection_clients"
        case organizationMembers = "organization_members"
        case invitations, other

        /// The member that identifies an object of an array section.
        var idKey: String {
            switch self {
            case .clients: "client_id"
            case .users: "user_id"
            default: "id"
            }
        }

        /// The array sections.
        static let arrays: [Section] = [.organizations, .connections, .clients, .roles, .users]

        /// Where an array section is kept (an array section only).
        var path: WritableKeyPath<LocalTenantState, [[String: JSONValue]]> {
            switch self {
            case .organizations: \.organizations
            case .connections: \.connections
            case .clients: \.clients
            case .users: \.users
            default: \.roles
            }
        }
    }

    /// The array sections as they were last journaled. Each element shares its storage with the state's element
    /// until a write replaces or changes it (copy on write), so finding what a write changed compares storage
    /// addresses, one machine word per object, and compares values only where the address differs.
    struct Shadow: Sendable {
        var sections: [Section: [[String: JSONValue]]] = [:]

        init(_ state: LocalTenantState) {
            for section in Section.arrays {
                // `map` allocates a new array: the state's array stays uniquely referenced and is changed in place.
                sections[section] = state[keyPath: section.path].map { $0 }
            }
        }
    }

    /// The records for everything written since the last call (or since `shadow` was made), brings `shadow` up to
    /// date and forgets what was written. Costs one word comparison per object of each written array section, plus
    /// the changed objects.
    mutating func takeChanges(since shadow: inout Shadow) -> [JSONValue] {
        var records: [JSONValue] = []
        let touched = touchedSections
        touchedSections = []
        for section in Section.arrays where touched.contains(section) {
            records += Self.changes(
                section, current: self[keyPath: section.path], shadow: &shadow.sections[section, default: []])
        }
        for key in connectionClients.takeTouchedKeys().sorted() {
            records.append(Self.entryRecord(.connectionClients, key, connectionClients[key].map { .array($0.map(JSONValue.string)) }))
        }
        for key in invitations.takeTouchedKeys().sorted() {
            records.append(Self.entryRecord(.invitations, key, invitations[key].map(JSONValue.array)))
        }
        for key in organizationMembers.takeTouchedKeys().sorted() {
            records.append(
                Self.entryRecord(.organizationMembers, key, organizationMembers[key].map { .array($0.map(JSONValue.string)) }))
        }
        if touched.contains(.other) {
            records.append(["section": .string(Section.other.rawValue), "replace": .object(other)])
        }
        return records
    }

    private static func entryRecord(_ section: Section, _ key: String, _ value: JSONValue?) -> JSONValue {
        var record: [String: JSONValue] = ["section": .string(section.rawValue), "key": .string(key)]
        if let value { record["put"] = value } else { record["delete"] = true }
        return .object(record)
    }

    /// The records turning `shadow` into `current` for one array section; `shadow` becomes `current`.
    private static func changes(
        _ section: Section, current: [[String: JSONValue]], shadow: inout [[String: JSONValue]]
    ) -> [JSONValue] {
        let name = JSONValue.string(section.rawValue)
        let key = section.idKey
        func id(_ object: [String: JSONValue]) -> String? { object[key]?.stringValue }
        func put(_ object: [String: JSONValue]) -> JSONValue { ["section": name, "put": .object(object)] }

        // The usual write: objects changed in place and objects appended.
        if current.count >= shadow.count {
            let moved = differingPositions(current, shadow, count: shadow.count)
            if moved.allSatisfy({ id(current[$0]) == id(shadow[$0]) }) {
                var records: [JSONValue] = []
                for i in moved {
                    if current[i] != shadow[i] { records.append(put(current[i])) }
                    shadow[i] = current[i]
                }
                for object in current[shadow.count...] {
                    records.append(put(object))
                    shadow.append(object)
                }
                return records
            }
        }
        // Objects removed (and others changed or appended), in the order kept: deletes, then puts.
        defer { shadow = current.map { $0 } }
        let kept = Set(current.compactMap(id))
        let survivors = shadow.filter { id($0).map(kept.contains) ?? false }
        guard current.prefix(survivors.count).map(id) == survivors.map(id) else {
            return [["section": name, "replace": .array(current.map(JSONValue.object))]]
        }
        var records: [JSONValue] = shadow.compactMap { object in
            guard let identifier = id(object), !kept.contains(identifier) else { return nil }
            return ["section": name, "delete": .string(identifier)]
        }
        for (i, object) in current.enumerated() where i >= survivors.count || object != survivors[i] {
            records.append(put(object))
        }
        return records
    }

    /// The positions below `count` where `a` and `b` hold objects with different storage. Equal storage means an
    /// equal object; different storage is compared by value by the caller.
    private static func differingPositions(_ a: [[String: JSONValue]], _ b: [[String: JSONValue]], count: Int) -> [Int] {
        precondition(MemoryLayout<[String: JSONValue]>.stride == MemoryLayout<UInt>.stride)
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in
                var positions: [Int] = []
                for i in 0..<count {
                    let offset = i * MemoryLayout<UInt>.stride
                    if left.load(fromByteOffset: offset, as: UInt.self) != right.load(fromByteOffset: offset, as: UInt.self) {
                        positions.append(i)
                    }
                }
                return positions
            }
        }
    }

    /// Forgets what was written (an in-memory tenant journals nothing).
    mutating func forgetWrites() {
        touchedSections = []
        _ = connectionClients.takeTouchedKeys()
        _ = invitations.takeTouchedKeys()
        _ = organizationMembers.takeTouchedKeys()
    }

    /// Replays journal records, in order, onto the state (objects keep their positions; new ones are appended).
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` for a record of an unknown shape.
    mutating func replay(_ records: [JSONValue]) throws {
        var positions: [Section: [String: Int]] = [:]
        var removed = false
        func position(_ section: Section, _ path: WritableKeyPath<LocalTenantState, [[String: JSONValue]]>, _ id: String)
            -> Int?
        {
            if positions[section] == nil {
                var map: [String: Int] = [:]
                for (i, object) in self[keyPath: path].enumerated() {
                    if let id = object[section.idKey]?.stringValue { map[id] = i }
                }
                positions[section] = map
            }
            return positions[section]?[id]
        }
        // Deleted objects become empty placeholders, dropped at the end, so that positions stay valid.
        for record in records {
            guard let name = record["section"]?.stringValue, let section = Section(rawValue: name) else {
                throw LocalTenantError.invalidFile("journal record without a known section: \(record.compactText)")
            }
            switch section {
            case .organizations, .connections, .clients, .roles, .users:
                let path = section.path
                if let all = record["replace"]?.arrayValue {
                    self[keyPath: path] = all.compactMap(\.objectValue)
                    positions[section] = nil
                } else if let object = record["put"]?.objectValue, let id = object[section.idKey]?.stringValue {
                    if let i = position(section, path, id) {
                        self[keyPath: path][i] = object
                    } else {
                        positions[section]?[id] = self[keyPath: path].count
                        self[keyPath: path].append(object)
                    }
                } else if let id = record["delete"]?.stringValue {
                    if let i = position(section, path, id) {
                        self[keyPath: path][i] = [:]
                        positions[section]?[id] = nil
                        removed = true
                    }
                } else {
                    throw LocalTenantError.invalidFile("journal record of an unknown shape: \(record.compactText)")
                }
            case .connectionClients, .invitations, .organizationMembers:
                guard let key = record["key"]?.stringValue else {
                    throw LocalTenantError.invalidFile("journal record of an unknown shape: \(record.compactText)")
                }
                let value = record["put"]
                if section == .connectionClients {
                    connectionClients[key] = value.map { $0.arrayValue?.compactMap(\.stringValue) ?? [] }
                } else if section == .organizationMembers {
                    organizationMembers[key] = value.map { $0.arrayValue?.compactMap(\.stringValue) ?? [] }
                } else {
                    invitations[key] = value.map { $0.arrayValue ?? [] }
                }
            case .other:
                other = record["replace"]?.objectValue ?? [:]
            }
        }
        if removed {
            for section in Section.arrays { self[keyPath: section.path].removeAll { $0.isEmpty } }
        }
        forgetWrites()
    }
}
