/// Why no Management API access token could be had. Messages never hold the client secret or a token.
public enum Auth0TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The token endpoint answered an error, decoded from `{"error", "error_description"}` with every field
    /// optional (https://auth0.com/docs/api/authentication#client-credentials-flow), e.g.
    /// `POST https://example.eu.auth0.com/oauth/token: 401 access_denied: Unauthorized`.
    case rejected(url: String, status: Int, error: String?, errorDescription: String?)
    /// The token endpoint answered 2xx without an `access_token`.
    case malformedResponse(url: String, status: Int)
    /// No answer from the token endpoint after `attempts` attempts.
    case noResponse(url: String, reason: String, attempts: Int)
    /// `AUTH0_API_TOKEN` is not a JWT whose payload can be read.
    case unreadableAPIToken(String)

    /// The message, naming the token endpoint and what it answered; never a secret.
    public var description: String {
        switch self {
        case .rejected(let url, let status, let error, let errorDescription):
            var text = "POST \(url): \(status)"
            switch (error, errorDescription) {
            case (let error?, let detail?): text += " \(error): \(detail)"
            case (let error?, nil): text += " \(error)"
            case (nil, let detail?): text += ": \(detail)"
            case (nil, nil): text += " (no error description)"
            }
            return "cannot get a Management API token: " + text
        case .malformedResponse(let url, let status):
            return "cannot get a Management API token: POST \(url): \(status) without an access_token"
        case .noResponse(let url, let reason, let attempts):
            return "cannot get a Management API token: POST \(url): no response (\(reason)) after \(attempts) "
                + (attempts == 1 ? "attempt" : "attempts")
        case .unreadableAPIToken(let reason):
            return "AUTH0_API_TOKEN is not a readable JWT: \(reason)"
        }
    }
}
