/// The `--verbose` request log's line format, shared by both sides of the seam (the Auth0 client and the local
/// tenant), so a user sees the same lines whichever tenant answers: method, path with its sorted query, status
/// and duration; never a header or a body (docs/auth0-http.md).
public enum RequestLog {
    /// `GET /api/v2/organizations?take=100 -> 200 (123 ms)`.
    /// - Parameters:
    ///   - request: The request as ``APIRequest/description`` spells it (secrets already removed).
    ///   - status: The HTTP status.
    ///   - milliseconds: How long the answer took, in whole milliseconds.
    public static func line(_ request: String, status: Int, milliseconds: Int) -> String {
        "\(request) -> \(status) (\(milliseconds) ms)"
    }

    /// `POST /api/v2/connections -> no response: timed out (30000 ms)`.
    public static func noResponse(_ request: String, reason: String, milliseconds: Int) -> String {
        "\(request) -> no response: \(reason) (\(milliseconds) ms)"
    }
}
