/// How tenantplan authenticates to the Management API: the client-credentials grant or a ready access token.
///
/// Descriptions, debug descriptions and mirrors (`dump`) never show the client secret or the token.
public enum Auth0Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET`: `POST /oauth/token` with `grant_type=client_credentials`
    /// (https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow).
    case clientCredentials(clientID: String, clientSecret: String)
    /// `AUTH0_API_TOKEN`: a Management API access token (a JWT), used as is and never refreshed.
    case apiToken(String)

    /// `client credentials (client_id CLIENT_ID)` or `AUTH0_API_TOKEN`; never a secret.
    public var description: String {
        switch self {
        case .clientCredentials(let clientID, _): return "client credentials (client_id \(clientID))"
        case .apiToken: return "AUTH0_API_TOKEN"
        }
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the secret or the token.
    public var customMirror: Mirror { Mirror(self, children: ["kind": description]) }

    /// The values that must never be printed: the client secret or the token.
    var secrets: [String] {
        switch self {
        case .clientCredentials(_, let secret): return [secret]
        case .apiToken(let token): return [token]
        }
    }
}
