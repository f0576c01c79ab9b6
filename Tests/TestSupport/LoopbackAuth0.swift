import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Synchronization

/// A ready-made loopback handler that plays Auth0: `POST /oauth/token` (client credentials) issues fake JWTs,
/// and `/api/v2/…` is served by a ``LocalTenant`` after the bearer token is checked.
///
/// Token endpoint: a JSON body `{grant_type: "client_credentials", client_id, client_secret, audience}`; wrong
/// credentials answer 401 `{"error": "access_denied", "error_description": "Unauthorized"}` as Auth0 does. A
/// token is `header.payload.signature` with a payload holding `scope` (space separated), `exp` and a serial
/// number, so each token is different. Management API requests without a valid token answer 401
/// `{statusCode, error, message}`.
public final class LoopbackAuth0: Sendable {
    /// The tenant behind `/api/v2/`.
    public let tenant: LocalTenant
    /// The client id the token endpoint accepts.
    public let clientID: String
    /// The client secret the token endpoint accepts.
    public let clientSecret: String
    private let state: Mutex<State>

    private struct State {
        var scope: String
        var expiresIn: Int
        var issued: [String] = []
        var revoked: Set<String> = []
        var audiences: [String] = []
    }

    /// Every Management API scope `apply`, `invite` and `invitations` need.
    public static let allScopes = [
        "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
        "read:clients", "read:roles",
        "create:organizations", "update:organizations", "delete:organizations",
        "create:organization_connections", "update:organization_connections", "delete:organization_connections",
        "create:connections", "update:connections", "delete:connections", "update:connections_options",
        "create:clients", "update:clients", "delete:clients", "create:roles", "update:roles", "delete:roles",
        "read:organization_invitations", "create:organization_invitations", "delete:organization_invitations",
        "read:organization_members", "read:users",
    ].joined(separator: " ")

    /// Creates the handler.
    /// - Parameters:
    ///   - scope: The `scope` of issued tokens (space separated).
    ///   - expiresIn: The `expires_in` of issued tokens, in seconds.
    public init(
        tenant: LocalTenant, clientID: String = "loopback-client-id", clientSecret: String = "loopback-client-secret",
        scope: String = LoopbackAuth0.allScopes, expiresIn: Int = 86400
    ) {
        self.tenant = tenant
        self.clientID = clientID
        self.clientSecret = clientSecret
        state = Mutex(State(scope: scope, expiresIn: expiresIn))
    }

    /// Tokens issued so far, in order.
    public var issuedTokens: [String] { state.withLock { $0.issued } }

    /// The `audience` of every token request, in order.
    public var audiences: [String] { state.withLock { $0.audiences } }

    /// Changes the `scope` of tokens issued from now on.
    public func setScope(_ scope: String) { state.withLock { $0.scope = scope } }

    /// Makes every token issued so far answer 401, as an expired token does.
    public func revokeIssuedTokens() { state.withLock { $0.revoked.formUnion($0.issued) } }

    /// The handler to give ``LoopbackServer``.
    public var handler: @Sendable (LoopbackRequest) async -> LoopbackResponse {
        { [self] request in await handle(request) }
    }

    /// Answers one request.
    public func handle(_ request: LoopbackRequest) async -> LoopbackResponse {
        if request.path == "/oauth/token" { return token(request) }
        let valid = state.withLock { state in
            request.bearerToken.map { state.issued.contains($0) && !state.revoked.contains($0) } ?? false
        }
        guard valid else { return .apiError(401, "Unauthorized", "Invalid token") }
        return await Self.serve(request, from: tenant)
    }

    /// Serves a request from a local tenant: the request becomes an ``APIRequest`` and the answer goes back as
    /// JSON; a ``TransportError`` from the tenant closes the connection without an answer.
    public static func serve(_ request: LoopbackRequest, from tenant: LocalTenant) async -> LoopbackResponse {
        guard let method = HTTPMethod(rawValue: request.method) else {
            return .apiError(405, "Method Not Allowed", "Method not allowed")
        }
        var body: JSONValue?
        if !request.body.isEmpty {
            guard let decoded = try? JSONValue(data: request.body) else {
                return .apiError(400, "Bad Request", "Invalid request payload JSON format", errorCode: "invalid_body")
            }
            body = decoded
        }
        do {
            let response = try await tenant.send(APIRequest(method, request.path, query: request.query, body: body))
            return LoopbackResponse(
                status: response.status, headers: response.headers, body: response.body?.encoded() ?? Data())
        } catch {
            return .noAnswer
        }
    }

    /// A token shaped like a JWT whose payload holds `scope`, `exp` and `serial`; the signature is fake.
    public static func fakeJWT(scope: String, expiresIn: Int, serial: Int) -> String {
        func base64URL(_ value: JSONValue) -> String {
            value.encoded().base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let header: JSONValue = ["alg": "RS256", "typ": "JWT"]
        let payload: JSONValue = [
            "iss": "https://loopback.invalid/", "sub": "loopback-client-id@clients", "gty": "client-credentials",
            "scope": .string(scope), "exp": .int(1_700_000_000 + expiresIn), "serial": .int(serial),
        ]
        return "\(base64URL(header)).\(base64URL(payload)).c2lnbmF0dXJl\(serial)"
    }

    private func token(_ request: LoopbackRequest) -> LoopbackResponse {
        guard request.method == "POST", let body = try? JSONValue(data: request.body) else {
            return .json(400, ["error": "invalid_request", "error_description": "Invalid request body"])
        }
        state.withLock { $0.audiences.append(body["audience"]?.stringValue ?? "") }
        guard body["grant_type"]?.stringValue == "client_credentials" else {
            return .json(400, ["error": "unsupported_grant_type", "error_description": "Unsupported grant type"])
        }
        guard body["client_id"]?.stringValue == clientID, body["client_secret"]?.stringValue == clientSecret else {
            return .json(401, ["error": "access_denied", "error_description": "Unauthorized"])
        }
        let (token, scope, expiresIn) = state.withLock { state in
            let token = Self.fakeJWT(scope: state.scope, expiresIn: state.expiresIn, serial: state.issued.count + 1)
            state.issued.append(token)
            return (token, state.scope, state.expiresIn)
        }
        return .json(200, [
            "access_token": .string(token), "token_type": "Bearer", "expires_in": .int(expiresIn),
            "scope": .string(scope),
        ])
    }
}
