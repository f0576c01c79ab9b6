import Foundation
import JSONValues
import ManagementAPI

/// The real Auth0 Management API v2 behind ``ManagementTransport``, over URLSession.
///
/// Each ``send(_:)``:
/// - gets a token (see ``Auth0Configuration``; cached until shortly before `expires_in`) and sends
///   `{endpoint}{path}?{query sorted by name, percent-encoded}` with `Authorization: Bearer`, the JSON body and
///   `Content-Type: application/json`;
/// - keeps to the budget: at most ``Auth0TransportOptions/parallelism`` requests in flight, starts spaced for
///   ``Auth0TransportOptions/maxRequestsPerSecond``, and a pause until `x-ratelimit-reset` once
///   `x-ratelimit-remaining` is below `x-ratelimit-limit × (1 − bucketShare)` (half the bucket by default);
/// - on 401 replaces the token once and sends the request once more (client credentials only);
/// - on 429 waits `Retry-After` seconds, else until `x-ratelimit-reset` (epoch seconds), else a jittered backoff,
///   and sends again, for every method (a 429 was not processed); after
///   ``Auth0TransportOptions/maxRateLimitRetries`` retries, or when asked to wait longer than
///   ``Auth0TransportOptions/maxRateLimitWait``, the 429 is returned with the reason in its `message`;
/// - on 5xx or no answer, sends GET, PATCH and DELETE again after a jittered exponential backoff, up to
///   ``Auth0TransportOptions/maxAttempts`` attempts; then the last 5xx is returned with
///   `(gave up after N attempts)` added to its `message`, or a ``TransportError`` saying so is thrown. POST is
///   sent once: its answer may be lost after it took effect (the engine looks a create up by name instead).
///
/// Response bodies are decoded tolerantly: empty -> `nil`, JSON -> the value, anything else -> the text as a
/// string. Header names are lowercased. The verbose log gets one line per request
/// (`GET /api/v2/organizations?take=100 -> 200 (123 ms)`) and one per rate-limit wait or retry, never a header,
/// a body, the client secret or a token.
public struct Auth0Transport: ManagementTransport {
    /// What this transport reaches and how.
    public let configuration: Auth0Configuration
    /// Limits and retry settings.
    public let options: Auth0TransportOptions
    /// Counters for progress displays.
    public let statistics: Auth0TransportStatistics
    private let clock: Auth0Clock
    private let log: (@Sendable (String) -> Void)?
    private let notices: (@Sendable (String) -> Void)?
    private let http: HTTPSession
    private let tokens: TokenProvider
    private let budget: RequestBudget
    private let redactor: Redactor

    /// Creates a transport; nothing is sent until the first request or ``checkScopes(for:)``.
    /// - Parameters:
    ///   - configuration: The tenant and credentials (``Auth0Configuration/fromEnvironment(_:)``).
    ///   - options: Limits and retries; the defaults suit a shared production tenant.
    ///   - clock: Time sources; tests inject one that records waits.
    ///   - log: The verbose sink (`--verbose`: standard error), one line per call; `nil` for none.
    ///   - notices: The sink of rate-limit waits, one line per wait, always shown (the CLI: standard error,
    ///     with or without `--verbose`): `rate limited by Auth0 on GET /api/v2/roles: waiting 5 s (429,
    ///     x-ratelimit-reset)`; `nil` for none. Never a header, a body, the secret or a token.
    public init(
        configuration: Auth0Configuration, options: Auth0TransportOptions = Auth0TransportOptions(),
        clock: Auth0Clock = .system, log: (@Sendable (String) -> Void)? = nil,
        notices: (@Sendable (String) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.options = options
        self.clock = clock
        self.log = log
        self.notices = notices
        statistics = Auth0TransportStatistics()
        redactor = Redactor(configuration.credentials.secrets)
        http = HTTPSession(timeout: options.requestTimeoutSeconds, maximumConnections: options.parallelism)
        budget = RequestBudget(options: options)
        tokens = TokenProvider(
            configuration: configuration, options: options, http: http, clock: clock, statistics: statistics,
            redactor: redactor, log: log, notices: notices)
    }

    /// A transport for the tenant the `AUTH0_*` variables name.
    /// - Throws: ``Auth0ConfigurationError``.
    public static func fromEnvironment(
        _ environment: [String: String], options: Auth0TransportOptions = Auth0TransportOptions(),
        log: (@Sendable (String) -> Void)? = nil, notices: (@Sendable (String) -> Void)? = nil
    ) throws -> Auth0Transport {
        Auth0Transport(
            configuration: try Auth0Configuration.fromEnvironment(environment), options: options, log: log,
            notices: notices)
    }

    /// `example-prod.eu.auth0.com`, or `loopback Auth0 endpoint http://127.0.0.1:PORT (tenant.domain not checked)`.
    public var tenantDescription: String { configuration.tenantDescription }

    /// The host, lowercased, checked against `tenant.domain`; `nil` for a loopback endpoint.
    public var remoteDomain: String? { configuration.remoteDomain }

    /// The scope preflight of the seam: ``checkScopes(for:)`` for a command ``RequiredScopes`` knows; other
    /// commands need no Management API scope.
    /// - Throws: ``MissingScopes``, ``Auth0TokenError``.
    public func preflight(for command: String) async throws {
        guard let needs = RequiredScopes(rawValue: command) else { return }
        try await checkScopes(for: needs)
    }

    /// The write preflight of the seam: checks the token carries the scopes `requests` need
    /// (``RequiredScopes/writes(for:)``) before the first of them is sent.
    /// - Throws: ``MissingScopes`` naming each missing scope; ``Auth0TokenError``.
    public func preflight(writes requests: [APIRequest]) async throws {
        let granted = Set(try await grantedScopes())
        let missing = RequiredScopes.writes(for: requests).filter { !granted.contains($0) }
        guard missing.isEmpty else { throw MissingScopes(command: "this apply", missing: missing) }
    }

    /// The read preflight of the seam: checks the token carries the scopes of `operations` (each once, in order)
    /// before the first of them is sent; the member impact of a plan that removes a login path needs
    /// `read:organization_members` and `read:users`.
    /// - Throws: ``MissingScopes`` naming `purpose` and each missing scope; ``Auth0TokenError``.
    public func preflight(reads operations: [ManagementOperation], purpose: String) async throws {
        let granted = Set(try await grantedScopes())
        var seen: Set<String> = []
        let needed = operations.flatMap { $0.scopes(body: []) }.filter { seen.insert($0).inserted }
        let missing = needed.filter { !granted.contains($0) }
        guard missing.isEmpty else { throw MissingScopes(command: "plan", missing: missing, purpose: purpose) }
    }

    /// Seconds spent waiting on 429 answers and the half-bucket rule so far.
    public var secondsWaitedOnRateLimits: Double { statistics.snapshot.secondsWaitedOnRateLimits }

    // MARK: Scopes

    /// The scopes the token carries: the token response's `scope` (client credentials; this requests the token
    /// when none is cached) or the `scope` claim of the `AUTH0_API_TOKEN` JWT. No Management API request is made.
    /// - Throws: ``Auth0TokenError``.
    public func grantedScopes() async throws -> [String] {
        try await tokens.scopes()
    }

    /// The scope preflight: checks that the token carries every scope `command` needs, before any Management API
    /// request.
    /// - Throws: ``MissingScopes`` naming each missing scope and the command; ``Auth0TokenError`` when no token
    ///   could be had or `AUTH0_API_TOKEN` is not a readable JWT.
    public func checkScopes(for command: RequiredScopes) async throws {
        let missing = command.missing(from: try await grantedScopes())
        guard missing.isEmpty else { throw MissingScopes(command: command.rawValue, missing: missing) }
    }

    // MARK: Sending

    /// Sends one Management API request with the token, budget and retries described on the type.
    /// - Returns: The response, whatever its status.
    /// - Throws: ``TransportError`` when no answer came (after the retries for GET, PATCH, DELETE; at once for
    ///   POST), ``Auth0TokenError`` when no token could be had, `CancellationError` when cancelled while waiting.
    public func send(_ request: APIRequest) async throws -> APIResponse {
        let label = redactor.clean(request.description)
        guard let url = URL(string: configuration.endpoint.baseURL + request.path + Self.queryString(request.query))
        else { throw TransportError(request: label, reason: "the path does not form a URL") }
        let body = request.body?.encoded()
        var token = try await tokens.token()
        let policy = RetryPolicy(options: options)
        var attempts = RetryPolicy.Attempts()
        while true {
            attempts.sent += 1
            await budget.enter()
            let answer: Result<HTTPAnswer, HTTPFailure>
            let elapsed: Int
            do {
                try await waitForBudget()
                statistics.update { $0.requestsSent += 1 }
                let started = clock.nowMilliseconds()
                answer = await http.exchange(
                    method: request.method.rawValue, url: url,
                    headers: headers(token: token.value, hasBody: body != nil), body: body)
                elapsed = clock.nowMilliseconds() - started
            } catch {
                await budget.leave()
                throw error
            }
            if case .success(let value) = answer, value.status != 429 {
                await budget.observe(headers: value.headers, now: clock.nowMilliseconds(), request: label)
            }
            await budget.leave()

            let outcome: RetryPolicy.Outcome
            var response: APIResponse?
            switch answer {
            case .failure(let failure):
                emit(RequestLog.noResponse(label, reason: failure.reason, milliseconds: elapsed))
                outcome = .noResponse(reason: failure.reason)
            case .success(let raw):
                emit(RequestLog.line(label, status: raw.status, milliseconds: elapsed))
                // An error body may echo the request (an Authorization header): it never leaves with a token in it.
                let decoded = Self.decodeBody(raw.body)
                response = APIResponse(
                    status: raw.status, headers: raw.headers,
                    body: (200..<300).contains(raw.status) ? decoded : decoded.map(redactor.clean))
                if raw.status == 429 { statistics.update { $0.rateLimitedResponses += 1 } }
                outcome = .status(raw.status, headers: raw.headers)
            }
            let decision = policy.decide(
                outcome, method: request.method, attempts: attempts, now: clock.nowMilliseconds, jitter: clock.jitter)
            switch decision {
            case .fail(let reason):
                throw TransportError(request: label, reason: reason)
            case .backOff(let milliseconds, let what):
                attempts.failures += 1
                try await backoff(label, milliseconds: milliseconds, retry: attempts.failures, what: what)
                continue
            case .replaceToken:
                if let replacement = try await tokens.replacement(for: token.value) {
                    attempts.replacedToken = true
                    token = replacement
                    continue
                }
            case .rateLimited(let until, let reason, let retry):
                // The pause holds for every later request, also when this one gives up: the bucket is the
                // tenant's, not the request's.
                await budget.pause(until: until, reason: reason, cause: "rate limited by Auth0 on \(label)")
                if retry {
                    attempts.rateLimited += 1
                    continue
                }
            case .answer, .answerNoted:
                break
            }
            guard let response else { throw TransportError(request: label, reason: "no response") }
            switch decision {
            case .answerNoted(let note): return Self.annotated(response, note)
            case .rateLimited: return Self.annotated(response, "gave up after \(Self.attempts(attempts.sent)), rate limited")
            default: return response
            }
        }
    }

    // MARK: Parts

    /// Waits for the next start the budget allows; announces (once per pause) and counts a rate-limit wait,
    /// counts a pacing wait.
    private func waitForBudget() async throws {
        let wait = await budget.reserve(now: clock.nowMilliseconds())
        guard wait.milliseconds > 0 else { return }
        if let notice = wait.notice { notices?(redactor.clean(notice)) }
        if wait.isRateLimit {
            statistics.update { $0.rateLimitWait += .milliseconds(wait.milliseconds) }
        } else {
            statistics.update { $0.pacingWait += .milliseconds(wait.milliseconds) }
        }
        try await clock.sleep(.milliseconds(wait.milliseconds))
    }

    /// Logs and counts a retry after a backoff of `wait` milliseconds, then sleeps it.
    private func backoff(_ label: String, milliseconds wait: Int, retry: Int, what: String) async throws {
        emit(
            "retrying \(label) in \(RateLimitHeaders.seconds(wait)) "
                + "(\(what), attempt \(retry + 1) of \(options.maxAttempts))")
        statistics.update {
            $0.retries += 1
            $0.retryWait += .milliseconds(wait)
        }
        try await clock.sleep(.milliseconds(wait))
    }

    private func headers(token: String, hasBody: Bool) -> [String: String] {
        var headers = ["Authorization": "Bearer \(token)", "Accept": "application/json", "User-Agent": "tenantplan"]
        if hasBody { headers["Content-Type"] = "application/json" }
        return headers
    }

    private func emit(_ line: String) {
        log?(redactor.clean(line))
    }

    /// How long to wait after a 429, in milliseconds, and why (the reason ends each rate-limit notice):
    /// - `Retry-After` (seconds or an HTTP date) wins: `Retry-After`; a value of zero, below zero or in the past
    ///   waits ``RateLimitHeaders/minimumWaitMilliseconds``: `Retry-After not in the future, the 1 s minimum`;
    /// - else until `x-ratelimit-reset` (epoch seconds): `x-ratelimit-reset`; one already past waits the minimum:
    ///   `x-ratelimit-reset already past, the 1 s minimum`;
    /// - else the jittered backoff of retry `retry`: `429 without Retry-After or x-ratelimit-reset`.
    /// A `Retry-After` that is neither seconds nor a date is named in the reason (`unreadable Retry-After`) and the
    /// next rule decides the wait.
    static func rateLimitWait(
        headers: [String: String], now: Int, retry: Int, options: Auth0TransportOptions, jitter: Double
    ) -> (Int, String) {
        let minimum = RateLimitHeaders.minimumWaitMilliseconds
        let retryAfter = RateLimitHeaders.retryAfter(headers["retry-after"], now: now)
        if case .milliseconds(let wait) = retryAfter {
            guard wait > 0 else {
                return (minimum, "Retry-After not in the future, the \(RateLimitHeaders.seconds(minimum)) minimum")
            }
            return (wait, "Retry-After")
        }
        let unreadable = retryAfter == .unreadable
        if let reset = RateLimitHeaders.resetMilliseconds(headers["x-ratelimit-reset"], now: now) {
            let prefix = unreadable ? "unreadable Retry-After, " : ""
            guard reset > now else {
                return (minimum, prefix + "x-ratelimit-reset already past, the \(RateLimitHeaders.seconds(minimum)) minimum")
            }
            return (reset - now, prefix + "x-ratelimit-reset")
        }
        let wait = options.backoffMilliseconds(retry: retry, jitter: jitter)
        return (wait, unreadable
            ? "429 with an unreadable Retry-After and no x-ratelimit-reset"
            : "429 without Retry-After or x-ratelimit-reset")
    }

    /// `?a=1&b=2` with names sorted and names and values percent-encoded (only RFC 3986 unreserved characters
    /// left as they are); empty for no query.
    static func queryString(_ query: [String: String]) -> String {
        guard !query.isEmpty else { return "" }
        var unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        unreserved.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }
        return "?" + query.keys.sorted().map { "\(encode($0))=\(encode(query[$0]!))" }.joined(separator: "&")
    }

    /// The body as JSON; `nil` when empty; the text as a string when not JSON.
    static func decodeBody(_ data: Data) -> JSONValue? {
        guard !data.isEmpty else { return nil }
        if let value = try? JSONValue(data: data) { return value }
        let text = String(decoding: data, as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : .string(text)
    }

    /// The response with `(note)` added to its error `message` (a body made when it has none), so
    /// ``ManagementAPIError`` shows why tenantplan stopped retrying.
    static func annotated(_ response: APIResponse, _ note: String) -> APIResponse {
        var body = response.body?.objectValue ?? ["statusCode": .int(response.status)]
        if body["error"]?.stringValue == nil, let phrase = reasonPhrases[response.status] {
            body["error"] = .string(phrase)
        }
        if let message = body["message"]?.stringValue, !message.isEmpty {
            body["message"] = .string("\(message) (\(note))")
        } else {
            body["message"] = .string(note)
        }
        return APIResponse(status: response.status, headers: response.headers, body: .object(body))
    }

    static func attempts(_ count: Int) -> String { count == 1 ? "1 attempt" : "\(count) attempts" }

    private static let reasonPhrases = [
        429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
