import JSONValues

/// An HTTP method the Management API uses.
public enum HTTPMethod: String, Sendable, Codable {
    case get = "GET", post = "POST", patch = "PATCH", delete = "DELETE"

    /// True for methods that may be retried after a transport error without risk of a duplicate effect.
    public var isIdempotent: Bool { self != .post }
}

/// One Management API v2 request as it crosses the seam: method, path below the tenant's host, query, JSON body.
public struct APIRequest: Sendable, Equatable, CustomStringConvertible {
    /// The method.
    public let method: HTTPMethod
    /// The path, percent-encoded, starting with `/api/v2/`.
    public let path: String
    /// Query parameters (sent sorted by name).
    public let query: [String: String]
    /// The JSON body, `nil` for none.
    public let body: JSONValue?
    /// The catalogue operation (``ManagementOperation``) the request belongs to: given by its sender, else found by
    /// matching the method and path against the catalogue's templates; `nil` for a path outside the catalogue.
    public let operation: ManagementOperation?

    /// Creates a request.
    public init(
        _ method: HTTPMethod, _ path: String, query: [String: String] = [:], body: JSONValue? = nil,
        operation: ManagementOperation? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.operation = operation ?? ManagementOperation.route(method, path: path)?.operation
    }

    /// `METHOD /path?sorted=query`, without the body (bodies may hold secrets).
    public var description: String {
        guard !query.isEmpty else { return "\(method.rawValue) \(path)" }
        let items = query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
        return "\(method.rawValue) \(path)?\(items)"
    }

    /// True for POST, PATCH and DELETE.
    public var isWrite: Bool { method != .get }
}

/// A Management API response: status, headers (lowercased names), decoded JSON body (`nil` when empty).
public struct APIResponse: Sendable, Equatable {
    /// The HTTP status code.
    public let status: Int
    /// Response headers with lowercased names.
    public let headers: [String: String]
    /// The decoded body; `nil` for an empty body (204).
    public let body: JSONValue?

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: JSONValue? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// The seam to the live tenant: everything tenantplan reads or writes goes through one `send`.
///
/// Two implementations sit behind it: the real Auth0 HTTP client (token, paging, rate limits) and the embedded
/// local tenant (Auth0's semantics in process). The plan and apply engines never know which they talk to.
public protocol ManagementTransport: Sendable {
    /// A short human name for headers: the tenant's domain, or `local tenant PATH`.
    var tenantDescription: String { get }
    /// The tenant's domain when it is a real Auth0 tenant (checked against `tenant.domain`); `nil` for local.
    var remoteDomain: String? { get }
    /// Sends one request.
    /// - Returns: The response, whatever its status (statuses are interpreted by ``ManagementClient``).
    /// - Throws: ``TransportError`` when no response was received (connection reset, timeout, injected fault).
    func send(_ request: APIRequest) async throws -> APIResponse
    /// Checks, before the command's first Management API request, that the credentials allow what `command`
    /// (`plan`, `apply`, `export`, `invite`, `invitations`) needs; the local tenant allows everything.
    /// - Throws: An error naming each missing permission and the command that needs it.
    func preflight(for command: String) async throws
    /// Checks, before the first write of an apply, that the credentials allow every one of `requests` (whose paths
    /// may hold placeholders of ids created earlier in the same apply); the local tenant allows everything.
    /// - Throws: An error naming each missing permission.
    func preflight(writes requests: [APIRequest]) async throws
    /// Checks, before reads only some plans need (the member impact of a plan that removes a login path: README,
    /// "Running against Auth0"), that the credentials allow every one of `operations`; the local tenant allows
    /// everything.
    /// - Parameter purpose: What the reads are for, completing "the token lacks scopes needed to …".
    /// - Throws: An error naming `purpose` and each missing permission.
    func preflight(reads operations: [ManagementOperation], purpose: String) async throws
    /// Seconds spent waiting on the tenant's rate limits so far (for progress); 0 for the local tenant.
    var secondsWaitedOnRateLimits: Double { get }
    /// The most requests a read should have in flight at once, whatever `--parallelism` asks: no limit
    /// (`Int.max`) by default, where the transport paces itself; the local tenant answers 1 (it serves one request
    /// at a time, so a read keeps a fixed order).
    var readConcurrencyLimit: Int { get }
    /// Has the transport write one line per request to `sink` from now on, in the format of ``RequestLog``
    /// (`--verbose`). The default does nothing: a transport that takes its log when it is made (the Auth0 client)
    /// has it already.
    func logRequests(to sink: @escaping @Sendable (String) -> Void) async
}

extension ManagementTransport {
    /// Allows everything: the embedded local tenant has no scopes.
    public func preflight(for command: String) async throws {}
    /// Allows every write.
    public func preflight(writes requests: [APIRequest]) async throws {}
    /// Allows every read.
    public func preflight(reads operations: [ManagementOperation], purpose: String) async throws {}
    /// No rate limits: 0.
    public var secondsWaitedOnRateLimits: Double { 0 }
    /// No limit: `Int.max`.
    public var readConcurrencyLimit: Int { Int.max }
    /// Does nothing.
    public func logRequests(to sink: @escaping @Sendable (String) -> Void) async {}
}

/// A request that got no response: whether it reached the tenant is unknown.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request that failed.
    public let request: String
    /// Why.
    public let reason: String

    /// Creates an error.
    public init(request: String, reason: String) {
        self.request = request
        self.reason = reason
    }

    public var description: String { "\(request): no response (\(reason))" }
}
