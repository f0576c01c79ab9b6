import Foundation
import JSONValues

/// Gets and caches the Management API access token.
///
/// Client credentials: `POST {endpoint}/oauth/token` with JSON `{grant_type: "client_credentials", client_id,
/// client_secret, audience}` (https://auth0.com/docs/api/authentication#client-credentials-flow). The token is
/// used until ``AccessToken/refreshMarginSeconds(expiresIn:)`` before `expires_in` (seconds) runs out, and
/// replaced once when the Management API answers 401. Concurrent callers share one token request. A token
/// request that answers 5xx or nothing is tried up to ``Auth0TransportOptions/maxAttempts`` times (asking for a
/// token has no effect to duplicate); one that answers 429 waits as ``Auth0Transport`` does.
///
/// `AUTH0_API_TOKEN`: the token as given, never refreshed.
actor TokenProvider {
    private let configuration: Auth0Configuration
    private let options: Auth0TransportOptions
    private let http: HTTPSession
    private let clock: Auth0Clock
    private let statistics: Auth0TransportStatistics
    private let redactor: Redactor
    private let log: (@Sendable (String) -> Void)?
    private let notices: (@Sendable (String) -> Void)?
    private var current: AccessToken?
    private var pending: Task<AccessToken, any Error>?

    init(
        configuration: Auth0Configuration, options: Auth0TransportOptions, http: HTTPSession, clock: Auth0Clock,
        statistics: Auth0TransportStatistics, redactor: Redactor, log: (@Sendable (String) -> Void)?,
        notices: (@Sendable (String) -> Void)?
    ) {
        self.configuration = configuration
        self.options = options
        self.http = http
        self.clock = clock
        self.statistics = statistics
        self.redactor = redactor
        self.log = log
        self.notices = notices
    }

    /// The token to use now: the cached one while fresh, else a new one.
    /// - Throws: ``Auth0TokenError``.
    func token() async throws -> AccessToken {
        if case .apiToken(let value) = configuration.credentials {
            return AccessToken(value: value, refreshAt: nil, scopes: nil)
        }
        if let current, !current.isStale(now: clock.nowMilliseconds()) { return current }
        return try await fetch()
    }

    /// A replacement for a token the Management API rejected (401); `nil` for `AUTH0_API_TOKEN`. When another
    /// request already replaced `rejected`, its replacement is returned without a new token request.
    /// - Throws: ``Auth0TokenError``.
    func replacement(for rejected: String) async throws -> AccessToken? {
        guard case .clientCredentials = configuration.credentials else { return nil }
        if let current, current.value != rejected { return current }
        if let pending { return try await pending.value }
        current = nil
        return try await fetch()
    }

    /// The scopes the token carries: the token response's `scope`, else the JWT's `scope` claim.
    /// - Throws: ``Auth0TokenError`` (``Auth0TokenError/unreadableAPIToken(_:)`` for an `AUTH0_API_TOKEN` that is
    ///   not a readable JWT).
    func scopes() async throws -> [String] {
        let token = try await token()
        if let scopes = token.scopes { return scopes }
        if case .apiToken = configuration.credentials { return try JWTScopes.scopes(inJWT: token.value) }
        return (try? JWTScopes.scopes(inJWT: token.value)) ?? []
    }

    private func fetch() async throws -> AccessToken {
        if let pending { return try await pending.value }
        let task = Task { try await self.request() }
        pending = task
        defer { pending = nil }
        let token = try await task.value
        current = token
        return token
    }

    /// `POST /oauth/token` with the client-credentials grant
    /// (https://auth0.com/docs/api/authentication#client-credentials-flow), sent again after no answer or a 5xx
    /// (up to ``Auth0TransportOptions/maxAttempts``, with backoff) and after a 429 whose wait is within
    /// ``Auth0TransportOptions/maxRateLimitWait`` (up to ``Auth0TransportOptions/maxRateLimitRetries``).
    /// - Throws: ``Auth0TokenError``: no response after the last attempt, the answer refused or malformed
    ///   (``accessToken(from:json:url:)``).
    private func request() async throws -> AccessToken {
        let (tokenURL, url, body) = try tokenRequest()
        let headers = ["Content-Type": "application/json", "Accept": "application/json", "User-Agent": "tenantplan"]
        var attempts = 0
        var failures = 0
        var rateLimited = 0
        while true {
            attempts += 1
            statistics.update { $0.tokenRequests += 1 }
            let started = clock.nowMilliseconds()
            let result = await http.exchange(method: "POST", url: url, headers: headers, body: body.encoded())
            let elapsed = clock.nowMilliseconds() - started
            let answer: HTTPAnswer
            switch result {
            case .failure(let failure):
                emit("POST /oauth/token -> no response: \(failure.reason) (\(elapsed) ms)")
                guard failures + 1 < options.maxAttempts else {
                    throw Auth0TokenError.noResponse(url: tokenURL, reason: failure.reason, attempts: attempts)
                }
                failures += 1
                try await backoff(failures, what: "no response: \(failure.reason)")
                continue
            case .success(let value):
                answer = value
            }
            emit("POST /oauth/token -> \(answer.status) (\(elapsed) ms)")
            let json = try? JSONValue(data: answer.body)
            if answer.status == 429, rateLimited < options.maxRateLimitRetries {
                rateLimited += 1
                let now = clock.nowMilliseconds()
                let (wait, reason) = Auth0Transport.rateLimitWait(
                    headers: answer.headers, now: now, retry: rateLimited, options: options, jitter: clock.jitter())
                if wait <= Auth0TransportOptions.milliseconds(options.maxRateLimitWait) {
                    notices?(
                        redactor.clean(
                            "rate limited by Auth0 on POST /oauth/token: waiting \(RateLimitHeaders.seconds(wait)) "
                                + "(\(reason))"))
                    statistics.update { $0.rateLimitWait += .milliseconds(wait) }
                    if wait > 0 { try await clock.sleep(.milliseconds(wait)) }
                    continue
                }
            }
            if (500...599).contains(answer.status), failures + 1 < options.maxAttempts {
                failures += 1
                try await backoff(failures, what: "\(answer.status)")
                continue
            }
            return try accessToken(from: answer, json: json, url: tokenURL)
        }
    }

    /// The token endpoint's URL (as text and parsed) and the client-credentials request body: `grant_type`,
    /// `client_id`, `client_secret`, `audience`.
    /// - Throws: ``Auth0TokenError/noResponse(url:reason:attempts:)`` when the URL cannot be formed.
    private func tokenRequest() throws -> (text: String, url: URL, body: JSONValue) {
        guard case .clientCredentials(let clientID, let clientSecret) = configuration.credentials else {
            preconditionFailure("only the client-credentials grant requests tokens")
        }
        let tokenURL = "\(configuration.endpoint.baseURL)/oauth/token"
        guard let url = URL(string: tokenURL) else {
            throw Auth0TokenError.noResponse(url: tokenURL, reason: "cannot form the URL", attempts: 0)
        }
        let body: JSONValue = [
            "grant_type": "client_credentials", "client_id": .string(clientID), "client_secret": .string(clientSecret),
            "audience": .string(configuration.audience),
        ]
        return (tokenURL, url, body)
    }

    /// The token of a final answer of `POST /oauth/token`: `access_token` (added to the redactor), refreshed
    /// ``AccessToken/refreshMarginSeconds(expiresIn:)`` before `expires_in` (a number or a numeric string; no
    /// refresh without it), with the scopes of `scope` when present.
    /// - Parameter json: The answer's body as JSON, `nil` when it is not JSON.
    /// - Throws: ``Auth0TokenError/rejected(url:status:error:errorDescription:)`` for a status outside 2xx (its
    ///   `error` and `error_description` redacted), ``Auth0TokenError/malformedResponse(url:status:)`` without an
    ///   `access_token`.
    private func accessToken(from answer: HTTPAnswer, json: JSONValue?, url tokenURL: String) throws -> AccessToken {
        guard (200...299).contains(answer.status) else {
            throw Auth0TokenError.rejected(
                url: tokenURL, status: answer.status,
                error: json?["error"]?.stringValue.map(redactor.clean),
                errorDescription: json?["error_description"]?.stringValue.map(redactor.clean))
        }
        guard let value = json?["access_token"]?.stringValue, !value.isEmpty else {
            throw Auth0TokenError.malformedResponse(url: tokenURL, status: answer.status)
        }
        redactor.add(value)
        let expiresIn = json?["expires_in"]?.intValue
            ?? json?["expires_in"]?.stringValue.flatMap { Int($0) }
        let refreshAt = expiresIn.map {
            clock.nowMilliseconds() + ($0 - AccessToken.refreshMarginSeconds(expiresIn: $0)) * 1000
        }
        let scopes = json?["scope"].map { JWTScopes.scopes(in: $0) }
        return AccessToken(value: value, refreshAt: refreshAt, scopes: scopes)
    }

    private func backoff(_ retry: Int, what: String) async throws {
        let wait = options.backoffMilliseconds(retry: retry, jitter: clock.jitter())
        emit(
            "retrying POST /oauth/token in \(RateLimitHeaders.seconds(wait)) "
                + "(\(what), attempt \(retry + 1) of \(options.maxAttempts))")
        statistics.update { $0.retryWait += .milliseconds(wait) }
        try await clock.sleep(.milliseconds(wait))
    }

    private func emit(_ line: String) {
        log?(redactor.clean(line))
    }
}
