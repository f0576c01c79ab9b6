import Foundation
import JSONValues
import ManagementAPI
import YAML

/// One recorded Management API conversation: a go-vcr v2 cassette from `Resources/cassettes` (copied from
/// `shared/fixtures/recorded`, see its README), read with the project's own YAML parser.
///
/// A cassette is `{version: 2, interactions: [{id, request: {method, url, body, …}, response: {code, body,
/// headers, …}}]}`. Only what a replay needs is kept: each request as the ``APIRequest`` that crosses the seam
/// (path and decoded query from `url`, the JSON body) and each response as an ``APIResponse`` (status,
/// lowercased headers, the JSON body or `nil` when empty).
public struct Cassette: Sendable {
    /// The cassette's path below `Resources/cassettes`, without `.yaml`:
    /// `go-auth0/TestOrganizationManager_DeleteInvitation`.
    public let name: String
    /// The recorded interactions, in recorded order.
    public let interactions: [RecordedInteraction]

    /// Decodes a cassette.
    /// - Parameters:
    ///   - name: The name errors report.
    ///   - yaml: The file's bytes.
    /// - Throws: ``CassetteError/invalid(cassette:reason:)`` when the YAML or a body is not in the expected shape.
    public init(name: String, yaml: Data) throws {
        self.name = name
        let document: YAMLDocument
        do { document = try YAMLParser.parse(yaml) } catch {
            throw CassetteError.invalid(cassette: name, reason: "\(error.mark): \(error)")
        }
        guard let items = document.root?["interactions"]?.sequence else {
            throw CassetteError.invalid(cassette: name, reason: "no 'interactions' sequence")
        }
        var interactions: [RecordedInteraction] = []
        for (position, item) in items.enumerated() {
            interactions.append(try RecordedInteraction(cassette: name, position: position, node: item))
        }
        self.interactions = interactions
    }

    /// Loads a bundled cassette.
    /// - Parameter name: The path below `Resources/cassettes` without `.yaml` (one of ``allNames``).
    /// - Throws: ``CassetteError/missing(_:)`` when there is no such file, or a decoding error.
    public static func load(_ name: String) throws -> Cassette {
        let url = directory.appendingPathComponent(name + ".yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CassetteError.missing(name) }
        return try Cassette(name: name, yaml: data)
    }

    /// The names of every bundled cassette, sorted.
    public static var allNames: [String] {
        let root = directory.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// `Resources/cassettes` in the test support bundle.
    public static var directory: URL {
        Bundle.module.url(forResource: "cassettes", withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources/cassettes")
    }

    /// `Resources/cassettes/auth0-management-api-excerpt.json`: the OpenAPI excerpt the cassettes are read with.
    /// - Throws: When the file is missing or not JSON.
    public static func managementAPIExcerpt() throws -> JSONValue {
        try JSONValue(data: Data(contentsOf: directory.appendingPathComponent("auth0-management-api-excerpt.json")))
    }
}

extension YAMLNode {
    /// The value of mapping entry `key`; `nil` when absent or when this is not a mapping.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.keyText == key }?.value
    }
}
