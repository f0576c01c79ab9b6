import Auth0Schema
import ManagementAPI

/// The tenant to reach and how to authenticate, usually read from the `AUTH0_*` environment variables.
///
/// - `AUTH0_DOMAIN`: `example-prod.eu.auth0.com` or `https://example-prod.eu.auth0.com` (see ``Auth0Endpoint``);
///   `http://` only for a loopback host, spelled explicitly.
/// - `AUTH0_CLIENT_ID` + `AUTH0_CLIENT_SECRET`: the client-credentials grant, or
/// - `AUTH0_API_TOKEN`: a ready Management API token.
///
/// A variable set to the empty string counts as unset. The description never shows a secret.
public struct Auth0Configuration: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// Where the tenant answers.
    public let endpoint: Auth0Endpoint
    /// How to authenticate.
    public let credentials: Auth0Credentials

    /// Creates a configuration.
    public init(endpoint: Auth0Endpoint, credentials: Auth0Credentials) {
        self.endpoint = endpoint
        self.credentials = credentials
    }

    /// Reads `AUTH0_DOMAIN`, `AUTH0_CLIENT_ID`, `AUTH0_CLIENT_SECRET` and `AUTH0_API_TOKEN`
    /// (``CredentialVariables``, which `${env:NAME}` in a tenant directory may not name).
    /// - Parameter environment: The process environment (`ProcessInfo.processInfo.environment`).
    /// - Throws: ``Auth0ConfigurationError`` for a missing or malformed domain, missing credentials, half a
    ///   client-credentials pair, or both kinds of credentials at once.
    public static func fromEnvironment(_ environment: [String: String]) throws -> Auth0Configuration {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        guard let domain = value(CredentialVariables.domain) else { throw Auth0ConfigurationError.domainMissing }
        let endpoint = try Auth0Endpoint(parsing: domain)
        let clientID = value(CredentialVariables.clientID)
        let clientSecret = value(CredentialVariables.clientSecret)
        let token = value(CredentialVariables.apiToken)
        let credentials: Auth0Credentials
        switch (clientID, clientSecret, token) {
        case (nil, nil, let token?):
            credentials = .apiToken(token)
        case (let id?, let secret?, nil):
            credentials = .clientCredentials(clientID: id, clientSecret: secret)
        case (_, _, .some):
            let set = [CredentialVariables.clientID, CredentialVariables.clientSecret, CredentialVariables.apiToken].filter { value($0) != nil }
            throw Auth0ConfigurationError.conflictingCredentials(set: set)
        case (.some, nil, nil):
            throw Auth0ConfigurationError.incompleteClientCredentials(
                set: CredentialVariables.clientID, unset: CredentialVariables.clientSecret)
        case (nil, .some, nil):
            throw Auth0ConfigurationError.incompleteClientCredentials(
                set: CredentialVariables.clientSecret, unset: CredentialVariables.clientID)
        case (nil, nil, nil):
            throw Auth0ConfigurationError.noCredentials
        }
        return Auth0Configuration(endpoint: endpoint, credentials: credentials)
    }

    /// The `audience` of the client-credentials grant: `https://DOMAIN/api/v2/` (the Management API identifier);
    /// for a loopback endpoint `{endpoint}/api/v2/`.
    public var audience: String {
        let path = ManagementOperation.serverPrefix + "/"
        return endpoint.isLoopback ? endpoint.baseURL + path : "https://\(endpoint.host)" + path
    }

    /// The domain checked against `tenant.yaml`'s `tenant.domain`: the host, lowercased; `nil` for a loopback
    /// endpoint, where the check cannot apply.
    public var remoteDomain: String? { endpoint.isLoopback ? nil : endpoint.host }

    /// `example-prod.eu.auth0.com`, or `loopback Auth0 endpoint http://127.0.0.1:PORT (tenant.domain not checked)`.
    public var tenantDescription: String {
        guard endpoint.isLoopback else {
            return endpoint.host + (endpoint.port.map { ":\($0)" } ?? "")
        }
        return "loopback Auth0 endpoint \(endpoint.baseURL) (tenant.domain not checked)"
    }

    /// `TENANT via CREDENTIALS`, without secrets.
    public var description: String { "\(tenantDescription) via \(credentials)" }

    /// A mirror without secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": endpoint.baseURL, "credentials": credentials.description])
    }
}
