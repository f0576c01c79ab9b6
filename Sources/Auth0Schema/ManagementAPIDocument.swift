import Foundation
import JSONValues

/// Auth0's Management API v2 OpenAPI document (the excerpt the project carries), parsed into a ``JSONValue``.
///
/// The text is embedded in the binary (`Generated/ManagementAPIExcerpt.swift`, written by
/// `scripts/embed-openapi-excerpt`), so the tool needs no resource file. ``excerpt`` parses it once, on first use;
/// Swift's `static let` makes that lazy and thread-safe. Source: Auth0's published document,
/// https://auth0.com/docs/api/management/v2 (origin and version in `Tests/TestSupport/Resources/README.md`).
public final class ManagementAPIDocument: Sendable {
    /// The embedded excerpt, parsed on first use.
    public static let excerpt = ManagementAPIDocument(embedded: managementAPIExcerptText)

    /// The whole document.
    public let root: JSONValue
    /// `components.schemas`: schema name -> schema.
    public let schemas: [String: JSONValue]

    /// Parses an OpenAPI document.
    /// - Throws: `DecodingError` when `data` is not JSON.
    public convenience init(data: Data) throws {
        self.init(root: try JSONValue(data: data))
    }

    private init(root: JSONValue) {
        self.root = root
        schemas = root["components"]?["schemas"]?.objectValue ?? [:]
    }

    /// Read with ``JSONValues/JSONValue/init(parsingUTF8:)`` (every `validate` and `plan` reads it: through
    /// `JSONDecoder` it cost about as much as checking a thousand customer files; docs/benchmark.md).
    private convenience init(embedded text: String) {
        guard let root = JSONValue(parsingUTF8: text) else {
            // The embedded text is checked against its JSON source by ManagementAPIDocumentTests.
            fatalError("the embedded Management API excerpt is not JSON")
        }
        self.init(root: root)
    }

    /// The schema `components.schemas.NAME`, or `nil` when the document has none of that name.
    public func schema(named name: String) -> JSONValue? { schemas[name] }

    /// The name a local `$ref` points at: `#/components/schemas/ConnectionOptionsSAML` -> `ConnectionOptionsSAML`;
    /// `nil` for any other reference.
    public static func schemaName(reference: String) -> String? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
    }

    /// `schema` with its `$ref` chain followed to the schema it ends at (`schema` itself when it has no `$ref`;
    /// `nil` when a reference names no schema of the document or the chain loops).
    public func resolve(_ schema: JSONValue) -> JSONValue? {
        var current = schema
        var seen: Set<String> = []
        while let reference = current["$ref"]?.stringValue {
            guard let name = Self.schemaName(reference: reference), seen.insert(name).inserted,
                  let next = schemas[name]
            else { return nil }
            current = next
        }
        return current
    }

    /// Strategy -> the options schemas of its create and update request schemas
    /// (`CreateConnectionRequestContent*`, `UpdateConnectionRequestContent*`; `POST /api/v2/connections`,
    /// `PATCH /api/v2/connections/{id}`), each a `$ref`. A request schema names its strategy with
    /// `strategy: {const: …}` (create); an update schema shares the create schema's name suffix.
    public var connectionOptionsSchemas: [String: [JSONValue]] {
        let create = "CreateConnectionRequestContent", update = "UpdateConnectionRequestContent"
        var strategyOfSuffix: [String: String] = [:]
        var result: [String: [JSONValue]] = [:]
        for (name, schema) in schemas where name.hasPrefix(create) {
            for part in schema["allOf"]?.arrayValue ?? [schema] {
                guard let strategy = part["properties"]?["strategy"]?["const"]?.stringValue else { continue }
                strategyOfSuffix[String(name.dropFirst(create.count))] = strategy
                if let options = part["properties"]?["options"] { result[strategy, default: []].append(options) }
            }
        }
        for (name, schema) in schemas where name.hasPrefix(update) {
            guard let strategy = strategyOfSuffix[String(name.dropFirst(update.count))] else { continue }
            for part in schema["allOf"]?.arrayValue ?? [schema] {
                if let options = part["properties"]?["options"], !result[strategy, default: []].contains(options) {
                    result[strategy, default: []].append(options)
                }
            }
        }
        return result
    }
}
