import Foundation
import JSONValues
import ManagementAPI
import YAML

/// One request and its answer from a cassette, as they cross the ``ManagementTransport`` seam.
///
/// The request's path is the URL's percent-encoded path (`/api/v2/organizations/org_…`), its query the URL's
/// decoded query items, its body the JSON request body (`nil` for an empty body and for every GET, whose
/// recorded body `null\n` is an artefact of the Go SDK). The response's body is the decoded JSON, `nil` when
/// empty (204); header names are lowercased and keep their first value.
public struct RecordedInteraction: Sendable, Equatable, CustomStringConvertible {
    /// The interaction's position in the cassette (0-based; go-vcr's `id`).
    public let position: Int
    /// The request as ``ManagementClient`` would send it.
    public let request: APIRequest
    /// The full recorded URL (`https://go-auth0-dev.eu.auth0.com/api/v2/…`).
    public let url: String
    /// The recorded answer.
    public let response: APIResponse

    /// Decodes an `interactions[]` item.
    /// - Throws: ``CassetteError/invalid(cassette:reason:)`` for a missing field or a body that is not JSON.
    init(cassette: String, position: Int, node: YAMLNode) throws {
        func fail(_ reason: String) -> CassetteError {
            .invalid(cassette: cassette, reason: "interactions[\(position)]: \(reason)")
        }
        guard let request = node["request"], let response = node["response"] else {
            throw fail("needs 'request' and 'response'")
        }
        guard let methodText = request["method"]?.scalar, let method = HTTPMethod(rawValue: methodText) else {
            throw fail("unknown method \(request["method"]?.scalar ?? "(none)")")
        }
        guard let url = request["url"]?.scalar, let components = URLComponents(string: url) else {
            throw fail("no parsable 'url'")
        }
        guard let codeText = response["code"]?.scalar, let status = Int(codeText) else { throw fail("no 'code'") }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let requestBody: JSONValue?
        do {
            requestBody = method == .get ? nil : try Self.json(request["body"]?.scalar ?? "")
        } catch { throw fail("request body is not JSON") }
        let responseBody: JSONValue?
        do { responseBody = try Self.json(response["body"]?.scalar ?? "") } catch {
            throw fail("response body is not JSON")
        }
        var headers: [String: String] = [:]
        for pair in response["headers"]?.mapping ?? [] {
            headers[pair.keyText.lowercased()] = pair.value.sequence?.first?.scalar ?? pair.value.scalar
        }
        self.position = position
        self.url = url
        self.request = APIRequest(method, components.percentEncodedPath, query: query, body: requestBody)
        self.response = APIResponse(status: status, headers: headers, body: responseBody)
    }

    /// `#3 GET /api/v2/organizations?include_totals=true&per_page=50&take=2 -> 200`.
    public var description: String { "#\(position) \(request) -> \(response.status)" }

    /// A body's JSON; `nil` for empty text.
    private static func json(_ text: String) throws -> JSONValue? {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try JSONValue(data: Data(text.utf8))
    }
}
