import Auth0Schema
import JSONValues
import TestSupport

/// The excerpt of Auth0's Management API OpenAPI document in TestSupport's resources
/// (`Resources/cassettes/auth0-management-api-excerpt.json`), and a walk over its schemas.
enum SchemaValidatorExcerpt {
    static let document: JSONValue? = try? Cassette.managementAPIExcerpt()
    static let validator: SchemaValidator? = document.map(SchemaValidator.init(document:))

    /// Every schema object in the document with a readable location: each `components.schemas` entry, each
    /// parameter schema of each operation, and every subschema below them (`properties`, `items`,
    /// `additionalProperties`, `contains`, `not`, `allOf`/`anyOf`/`oneOf`).
    static func schemaNodes(_ document: JSONValue) -> [(location: String, schema: [String: JSONValue])] {
        var nodes: [(String, [String: JSONValue])] = []
        func walk(_ schema: JSONValue, _ location: String) {
            guard let keywords = schema.objectValue else { return }
            nodes.append((location, keywords))
            for (name, sub) in (keywords["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                walk(sub, "\(location).properties.\(name)")
            }
            for key in ["items", "additionalProperties", "contains", "not"] {
                if let sub = keywords[key] { walk(sub, "\(location).\(key)") }
            }
            for key in ["allOf", "anyOf", "oneOf"] {
                for (index, sub) in (keywords[key]?.arrayValue ?? []).enumerated() { walk(sub, "\(location).\(key)[\(index)]") }
            }
        }
        for (name, schema) in (document["components"]?["schemas"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            walk(schema, name)
        }
        for (path, operations) in (document["paths"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (method, operation) in (operations.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                for parameter in operation["parameters"]?.arrayValue ?? [] {
                    if let schema = parameter["schema"], let name = parameter["name"]?.stringValue {
                        walk(schema, "\(method.uppercased()) \(path) parameter \(name)")
                    }
                }
            }
        }
        return nodes
    }
}
