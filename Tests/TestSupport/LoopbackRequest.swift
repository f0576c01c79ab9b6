import Foundation

/// One HTTP request as the loopback server received it.
///
/// The bearer token is kept apart from ``headers`` and out of ``description``, so printing a request (or a failed
/// expectation about one) never shows a token.
public struct LoopbackRequest: Sendable, CustomStringConvertible {
    /// `GET`, `POST`, …
    public let method: String
    /// The path as sent (percent-encoded), without the query.
    public let path: String
    /// Query parameters, percent-decoded.
    public let query: [String: String]
    /// Headers with lowercased names, without `authorization`.
    public let headers: [String: String]
    /// The token of an `Authorization: Bearer TOKEN` header.
    public let bearerToken: String?
    /// The body bytes (empty for none).
    public let body: Data

    /// Creates a request.
    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        bearerToken: String? = nil, body: Data = Data()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.bearerToken = bearerToken
        self.body = body
    }

    /// `METHOD /path?sorted=query` (decoded values), as ``ManagementAPI/APIRequest`` describes itself.
    public var line: String {
        guard !query.isEmpty else { return "\(method) \(path)" }
        return "\(method) \(path)?" + query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
    }

    /// The same as ``line``.
    public var description: String { line }

    /// Parses a request target `/path?a=1&b=2` into the path and decoded query.
    static func split(target: String) -> (path: String, query: [String: String]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, [:]) }
        var query: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            query[name] = value
        }
        return (String(target[..<mark]), query)
    }
}
