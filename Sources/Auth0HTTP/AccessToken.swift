/// A Management API access token with what is known about it. Its description never shows the value.
struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    /// The bearer token.
    let value: String
    /// Epoch millisecond from which the token is no longer used (shortly before it expires); `nil`: never.
    let refreshAt: Int?
    /// The scopes from the token response's `scope`; `nil` when the response had none (or for `AUTH0_API_TOKEN`).
    let scopes: [String]?

    /// True when the token should be replaced before use.
    func isStale(now: Int) -> Bool {
        refreshAt.map { now >= $0 } ?? false
    }

    var description: String { "access token (redacted)" }

    /// The margin before `expires_in` at which a cached token is replaced: a tenth of its lifetime, at most 60
    /// seconds (an Auth0 Management API token lives 86,400 seconds by default, so 60 seconds).
    static func refreshMarginSeconds(expiresIn: Int) -> Int {
        min(60, expiresIn / 10)
    }
}
