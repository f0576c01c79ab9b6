import Foundation
import JSONValues
import Synchronization

/// Typed Management API v2 calls over a ``ManagementTransport``: pagination, status interpretation, and a count
/// of the requests made.
///
/// Endpoints and shapes follow the Management API v2 reference (https://auth0.com/docs/api/management/v2) and
/// its OpenAPI document. Lists use checkpoint pagination (`from`/`take`, stop on a missing `next` or an empty
/// page) where the endpoint offers it, offset pagination (`page`/`per_page`/`include_totals`) elsewhere.
public struct ManagementClient: Sendable {
    /// The transport every request goes through.
    public let transport: any ManagementTransport
    /// Items per page (Auth0's maximum is 100).
    public let pageSize: Int
    private let counter = RequestCounter()

    /// Creates a client.
    public init(transport: any ManagementTransport, pageSize: Int = 100) {
        self.transport = transport
        self.pageSize = pageSize
    }

    /// Requests sent so far through this client.
    public var requestCount: Int { counter.value }

    // MARK: Sending

    /// Sends a request and returns the response body of a 2xx answer.
    /// - Throws: ``ManagementAPIError`` for a non-2xx answer, ``TransportError`` when no answer came.
    @discardableResult
    public func call(_ request: APIRequest) async throws -> JSONValue? {
        counter.increment()
        let response = try await transport.send(request)
        guard response.isSuccess else { throw ManagementAPIError(request: request, response: response) }
        return response.body
    }

    /// Sends a GET and returns `nil` on 404 instead of throwing.
    public func find(_ path: String) async throws -> JSONValue? {
        do {
            return try await call(APIRequest(.get, path))
        } catch let error as ManagementAPIError where error.status == 404 {
            return nil
        }
    }

    /// Reads every item of a checkpoint-paginated list operation without path parameters.
    public func checkpointList(
        _ operation: ManagementOperation, key: String, query: [String: String] = [:]
    ) async throws -> [JSONValue] {
        try await checkpointList(operation.path(), key: key, query: query)
    }

    /// Reads every item of a checkpoint-paginated list: `GET path?take=N[&from=next]` answering `{key: [...], next}`.
    public func checkpointList(_ path: String, key: String, query: [String: String] = [:]) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var from: String?
        var seen: Set<String> = []
        while true {
            var q = query
            q["take"] = String(pageSize)
            if let from { q["from"] = from }
            let request = APIRequest(.get, path, query: q)
            let body = try await call(request)
            let page = try Self.items(of: body, key: key, request: request)
            items += page
            guard !page.isEmpty, let next = body?["next"]?.stringValue, !next.isEmpty else { return items }
            guard seen.insert(next).inserted else {
                throw UnexpectedResponse(request: request.description, reason: "the page cursor `next` repeats an earlier one")
            }
            from = next
        }
    }

    /// Reads every item of an offset-paginated list: `GET path?page=P&per_page=N&include_totals=true` answering
    /// `{key: [...], start, limit, total}` (or a bare array).
    /// - Parameter window: The most records the endpoint lets offset pagination reach (Auth0 answers 400 past
    ///   `page × per_page` = 1000 on some lists); `nil` for none.
    /// - Throws: ``ListWindowExceeded`` when the list may hold more records than the window lets anyone read.
    public func offsetList(_ path: String, key: String, window: Int? = nil) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 0
        while true {
            if let window, (page + 1) * pageSize > window {
                // The next page would cross the window: the list may go on, but cannot be read.
                throw ListWindowExceeded(path: path, window: window)
            }
            let q = ["page": String(page), "per_page": String(pageSize), "include_totals": "true"]
            let request = APIRequest(.get, path, query: q)
            let body = try await call(request)
            let batch = try Self.items(of: body, key: key, request: request)
            items += batch
            let total = body?["total"]?.intValue
            if batch.count < pageSize || total.map({ items.count >= $0 }) == true { return items }
            page += 1
        }
    }

    /// The items of a list page: `{key: [...]}` or a bare array.
    /// - Throws: ``UnexpectedResponse`` for anything else (an empty body, an HTML page, a truncated or other
    ///   JSON): a list that cannot be read is never taken for an empty one.
    static func items(of body: JSONValue?, key: String, request: APIRequest) throws -> [JSONValue] {
        if let items = body?[key]?.arrayValue ?? body?.arrayValue { return items }
        throw UnexpectedResponse(request: request.description, reason: "expected " + UnexpectedResponse.shape(key, body))
    }

    /// Decodes each item of a list with `decode`.
    /// - Throws: ``UnexpectedResponse`` naming the list when an item lacks what `decode` needs (an `id`, a `name`):
    ///   an object that cannot be read is never left out of a plan as if it did not exist.
    public static func decodeAll<Item>(
        _ items: [JSONValue], from path: String, as what: String, _ decode: (JSONValue) -> Item?
    ) throws -> [Item] {
        try items.map { item in
            guard let decoded = decode(item) else {
                throw UnexpectedResponse(request: "GET \(path)", reason: "an item is not a readable \(what): \(UnexpectedResponse.kind(item))")
            }
            return decoded
        }
    }

    // MARK: Paths

    /// Percent-encodes one path segment (ids and names).
    public static func segment(_ value: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

/// A 2xx answer whose body is not what the endpoint returns: a proxy's HTML page, a truncated body, a page cursor
/// that loops. Never read as an empty list or a missing object.
public struct UnexpectedResponse: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request, as `METHOD /path?query`.
    public let request: String
    /// What was wrong.
    public let reason: String

    /// Creates the error.
    public init(request: String, reason: String) {
        self.request = request
        self.reason = reason
    }

    public var description: String { "\(request): unexpected answer: \(reason)" }

    /// `{"organizations": [...]}, got an HTML page`.
    static func shape(_ key: String, _ body: JSONValue?) -> String {
        "{\"\(key)\": [...]}, got \(kind(body))"
    }

    /// What a body is, in a few words (never its content: it may echo secrets).
    static func kind(_ body: JSONValue?) -> String {
        switch body {
        case nil: return "an empty body"
        case .string(let text)?:
            let start = text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(15).lowercased()
            return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") ? "an HTML page" : "a body that is not JSON"
        case .object(let object)?:
            return object.isEmpty ? "an empty JSON object" : "a JSON object with " + object.keys.sorted().prefix(5).joined(separator: ", ")
        case .array?: return "a JSON array"
        default: return "a JSON scalar"
        }
    }
}

/// A list longer than its endpoint's offset-pagination window: the rest cannot be read.
public struct ListWindowExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    /// The list's path.
    public let path: String
    /// The window, in records.
    public let window: Int

    public var description: String {
        "GET \(path): the list holds \(window) or more records and the Management API reads at most \(window) "
            + "through page and per_page, so the rest cannot be checked"
    }
}

/// A thread-safe request counter.
final class RequestCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func increment() { count.withLock { $0 += 1 } }
}
