import Auth0HTTP
import Testing

@Suite("Auth0Configuration from the environment")
struct Auth0ConfigurationTests {
    static let secret = "env-Secret-Never-Shown"

    @Test("a bare host means https; remoteDomain is the host, lowercased")
    func bareHost() throws {
        let configuration = try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "Example-Prod.EU.auth0.com", "AUTH0_CLIENT_ID": "cid", "AUTH0_CLIENT_SECRET": Self.secret,
        ])
        #expect(configuration.endpoint.baseURL == "https://example-prod.eu.auth0.com")
        #expect(configuration.remoteDomain == "example-prod.eu.auth0.com")
        #expect(configuration.tenantDescription == "example-prod.eu.auth0.com")
        #expect(configuration.audience == "https://example-prod.eu.auth0.com/api/v2/")
        #expect(configuration.credentials == .clientCredentials(clientID: "cid", clientSecret: Self.secret))
    }

    @Test("https:// with a trailing slash and an API token")
    func httpsWithToken() throws {
        let configuration = try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "https://example-prod.eu.auth0.com/", "AUTH0_API_TOKEN": "tok",
            "AUTH0_CLIENT_ID": "", "AUTH0_CLIENT_SECRET": "",
        ])
        #expect(configuration.endpoint.baseURL == "https://example-prod.eu.auth0.com")
        #expect(configuration.credentials == .apiToken("tok"))
    }

    @Test(
        "an explicit http:// loopback endpoint: tenant.domain not checked",
        arguments: [
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"), ("http://localhost:9000", "http://localhost:9000"),
            ("http://[::1]:7000", "http://[::1]:7000"), ("http://[::1]", "http://[::1]"),
        ])
    func loopback(domain: String, base: String) throws {
        let configuration = try Auth0Configuration.fromEnvironment(["AUTH0_DOMAIN": domain, "AUTH0_API_TOKEN": "t"])
        #expect(configuration.endpoint.baseURL == base)
        #expect(configuration.remoteDomain == nil)
        #expect(configuration.tenantDescription == "loopback Auth0 endpoint \(base) (tenant.domain not checked)")
        #expect(configuration.audience == "\(base)/api/v2/")
    }

    @Test(
        "malformed variables are refused with a message naming them",
        arguments: [
            ([:], "AUTH0_DOMAIN is not set: set it to the tenant's domain, e.g. example-prod.eu.auth0.com"),
            (
                ["AUTH0_DOMAIN": "http://example-prod.eu.auth0.com", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN=http://example-prod.eu.auth0.com: http:// is allowed only for a loopback host "
                    + "(127.0.0.1, ::1, localhost); use https://example-prod.eu.auth0.com"
            ),
            (
                ["AUTH0_DOMAIN": "http://127.0.0.2:80", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN=http://127.0.0.2:80: http:// is allowed only for a loopback host "
                    + "(127.0.0.1, ::1, localhost); use https://127.0.0.2:80"
            ),
            (
                ["AUTH0_DOMAIN": "ftp://example-prod.eu.auth0.com", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN=ftp://example-prod.eu.auth0.com: the scheme must be https:// (http:// only for a loopback host)"
            ),
            (
                ["AUTH0_DOMAIN": "https://example-prod.eu.auth0.com/api/v2", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN=https://example-prod.eu.auth0.com/api/v2: must be a host with an optional port, "
                    + "without a path (e.g. example-prod.eu.auth0.com)"
            ),
            (
                ["AUTH0_DOMAIN": "https://admin:\(secret)@example-prod.eu.auth0.com", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN: must not contain user information (user@ or user:password@)"
            ),
            (
                ["AUTH0_DOMAIN": "example-prod.eu.auth0.com:99999", "AUTH0_API_TOKEN": "t"],
                "AUTH0_DOMAIN=example-prod.eu.auth0.com:99999: the port must be a number from 1 to 65535"
            ),
            (
                ["AUTH0_DOMAIN": "example-prod.eu.auth0.com"],
                "AUTH0_DOMAIN is set but no credentials are: set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET "
                    + "(client-credentials grant) or AUTH0_API_TOKEN"
            ),
            (
                ["AUTH0_DOMAIN": "example-prod.eu.auth0.com", "AUTH0_CLIENT_ID": "cid"],
                "AUTH0_CLIENT_ID is set but AUTH0_CLIENT_SECRET is not: the client-credentials grant needs both "
                    + "AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (or set AUTH0_API_TOKEN instead)"
            ),
            (
                ["AUTH0_DOMAIN": "example-prod.eu.auth0.com", "AUTH0_CLIENT_SECRET": secret],
                "AUTH0_CLIENT_SECRET is set but AUTH0_CLIENT_ID is not: the client-credentials grant needs both "
                    + "AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (or set AUTH0_API_TOKEN instead)"
            ),
            (
                [
                    "AUTH0_DOMAIN": "example-prod.eu.auth0.com", "AUTH0_CLIENT_ID": "cid",
                    "AUTH0_CLIENT_SECRET": secret, "AUTH0_API_TOKEN": "tok",
                ],
                "AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH0_API_TOKEN are all set: use either AUTH0_API_TOKEN or "
                    + "AUTH0_CLIENT_ID with AUTH0_CLIENT_SECRET, not both"
            ),
        ] as [([String: String], String)])
    func refused(environment: [String: String], message: String) {
        let error = #expect(throws: Auth0ConfigurationError.self) {
            try Auth0Configuration.fromEnvironment(environment)
        }
        #expect(error?.description == message)
        #expect(error.map { !$0.description.contains(Self.secret) } == true)
    }

    @Test("descriptions and dumps never show the secret or the token")
    func noSecretsInDescriptions() throws {
        let withSecret = try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "example-prod.eu.auth0.com", "AUTH0_CLIENT_ID": "cid", "AUTH0_CLIENT_SECRET": Self.secret,
        ])
        let withToken = try Auth0Configuration.fromEnvironment([
            "AUTH0_DOMAIN": "example-prod.eu.auth0.com", "AUTH0_API_TOKEN": "token-Never-Shown",
        ])
        #expect("\(withSecret)" == "example-prod.eu.auth0.com via client credentials (client_id cid)")
        #expect("\(withToken)" == "example-prod.eu.auth0.com via AUTH0_API_TOKEN")
        for configuration in [withSecret, withToken] {
            var dumped = ""
            dump(configuration, to: &dumped)
            let texts = [dumped, String(reflecting: configuration), "\(configuration.credentials)",
                String(reflecting: configuration.credentials)]
            for text in texts {
                #expect(!text.contains(Self.secret))
                #expect(!text.contains("token-Never-Shown"))
            }
        }
    }
}
