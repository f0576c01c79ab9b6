import JSONValues
import YAML

/// The JSON body a declared object implies for its Management API request (the keys the API uses), with where in
/// the YAML each value is written, so that a schema violation at a JSON path can be reported at `file:line:column`
/// under the YAML key path.
///
/// Built by the readers from the values they read (a metadata value `1042` is the string `"1042"` tenantplan sends),
/// and for connection `options` from the whole YAML subtree, every nested value with its own location.
struct DeclaredBody {
    /// Where one value of the body is written.
    struct Place {
        /// The YAML key path: `enterprise_connections[0].options.signing_key.key`, `organization.name`.
        var yamlPath: String
        /// The value's node.
        var value: SourceLocation
        /// The key's node (`nil` for a sequence item).
        var key: SourceLocation?
        /// The variable of a `${env:NAME}` value (checked for its type only, never shown).
        var environment: String?
    }

    /// The body's members.
    private(set) var members: [String: JSONValue] = [:]
    /// JSON path (member names, array indexes as decimal text) -> where it is written.
    private(set) var places: [[String]: Place] = [:]
    /// The whole object (or connection) node, for violations of the body itself.
    let root: Place

    init(root: Place) { self.root = root }

    /// The body as one JSON object, without the members `omitting` (an update body carries no `name`).
    func json(omitting: Set<String> = []) -> JSONValue {
        .object(members.filter { !omitting.contains($0.key) })
    }

    /// Sets member `name` to `value`, written at `place`.
    mutating func set(_ name: String, _ value: JSONValue, at place: Place) {
        members[name] = value
        places[[name]] = place
    }

    /// Records where the value at `path` (below a member set with ``set(_:_:at:)``) is written.
    mutating func mark(_ path: [String], at place: Place) {
        places[path] = place
    }

    /// Sets member `name` to a value read from the YAML subtree `node` (connection `options`, `metadata`), recording
    /// the location of every nested mapping value and sequence item; `${env:NAME}` values become their resolved
    /// text (or the empty string when unset) and are marked as environment values.
    mutating func set(
        _ name: String, _ value: DesiredValue, node: YAMLNode, key: YAMLNode?, yamlPath: String, file: String
    ) {
        members[name] = json(value, path: [name])
        record([name], node: node, key: key, yamlPath: yamlPath, file: file)
    }

    /// Records the location of `node` at `path` and of every mapping value and sequence item below it.
    mutating func record(_ path: [String], node: YAMLNode, key: YAMLNode?, yamlPath: String, file: String) {
        func location(_ node: YAMLNode) -> SourceLocation {
            SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
        }
        let environment = places[path]?.environment
        places[path] = Place(
            yamlPath: yamlPath, value: location(node), key: key.map(location), environment: environment)
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs {
                record(path + [pair.keyText], node: pair.value, key: pair.key, yamlPath: "\(yamlPath).\(pair.keyText)",
                       file: file)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                record(path + [String(index)], node: item, key: nil, yamlPath: "\(yamlPath)[\(index)]", file: file)
            }
        case .scalar:
            break
        }
    }

    /// The JSON of a declared option value; marks the paths of `${env:NAME}` values.
    private mutating func json(_ value: DesiredValue, path: [String]) -> JSONValue {
        switch value {
        case .literal(let json):
            return json
        case .secret(let reference):
            places[path, default: Place(yamlPath: "", value: root.value)].environment = reference.name
            return .string(reference.value ?? "")
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for (key, member) in members { object[key] = json(member, path: path + [key]) }
            return .object(object)
        }
    }

    /// The place of `path`, or of its nearest recorded ancestor with the rest of the path: a violation inside a
    /// value whose children were not recorded is reported at that value.
    func place(of path: [String]) -> (place: Place, rest: [String]) {
        var prefix = path
        while !prefix.isEmpty {
            if let place = places[prefix], !place.yamlPath.isEmpty {
                return (place, Array(path.dropFirst(prefix.count)))
            }
            prefix.removeLast()
        }
        return (root, path)
    }

    /// Where each nested value of `options` is written, by its dot path below `options` (`signing_key.key`): the
    /// location of its key. Sequence items are left out (they share their sequence's path).
    var optionLocations: [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for (path, place) in places where path.count > 1 && path[0] == "options" {
            guard let key = place.key else { continue }
            result[path.dropFirst().joined(separator: ".")] = key
        }
        return result
    }

    /// The variable of the `${env:NAME}` value at or above `path`, if any.
    func environment(at path: [String]) -> String? {
        var prefix = path
        while !prefix.isEmpty {
            if let name = places[prefix]?.environment { return name }
            prefix.removeLast()
        }
        return nil
    }
}
