import JSONValues

/// Values Auth0 fills in on its own when objects are created or updated, as the recorded traffic in
/// `Tests/TestSupport/Resources/cassettes` shows them (go-auth0 v1.45.0 and terraform-provider-auth0
/// recordings, 2023–2025). The local tenant adds them so that its answers have Auth0's shape.
enum ServerDefaults {
    // MARK: Database connections (strategy `auth0`)

    /// The `options` of a database connection created without `options` (`POST /api/v2/connections`, recorded
    /// in `TestConnectionManager_Update` and `TestConnectionManager_EnabledClients`).
    static let databaseOptions: [String: JSONValue] = [
        "mfa": ["active": true, "return_enroll_settings": true],
        "passwordPolicy": "good",
        "strategy_version": 2,
        "authentication_methods": ["password": ["enabled": true], "passkey": ["enabled": false]],
        "passkey_options": [
            "challenge_ui": "both", "progressive_enrollment_enabled": true, "local_enrollment_enabled": true,
        ],
        "brute_force_protection": true,
    ]

    /// Database-connection options that survive a `PATCH /api/v2/connections/{id}` whose `options` leave them
    /// out: recorded in `TestConnectionManager_Update`, where a PATCH with `{strategy_version, upstream_params}`
    /// dropped `mfa` and `passwordPolicy` but answered with these three still present.
    static let persistentDatabaseOptions: [String] = [
        "authentication_methods", "passkey_options", "brute_force_protection",
    ]

    // MARK: Azure AD connections (strategy `waad`)

    /// Server-managed `options` of a `waad` connection that Auth0 adds on create and keeps when a PATCH leaves
    /// them out (`TestAccConnectionAzureAD`: `app_domain`, `thumbprints`; terraform passes them back).
    static let persistentWAADOptions: [String] = ["app_domain", "thumbprints"]

    /// The local tenant's stand-in for Auth0's `app_domain` (`<tenant>.<region>.auth0.com` on Auth0).
    static let appDomain = "local-tenant.tenantplan.invalid"

    /// A `waad` connection's `provisioning_ticket_url` (`https://<app_domain>/<tenant>/p/waad/<ticket>`).
    static func provisioningTicketURL(ticket: String) -> String {
        "https://\(appDomain)/local-tenant/p/waad/\(ticket)"
    }

    // MARK: Clients

    /// Members Auth0 adds to a client created without them (`POST /api/v2/clients`, recorded in
    /// `TestConnectionManager_EnabledClients`, 2025). `client_secret` and `jwt_configuration` are handled apart:
    /// the secret is generated, and `jwt_configuration` gets `secret_encoded: false` laid over what was sent, or
    /// `{secret_encoded: false, lifetime_in_seconds: 36000}` when nothing was sent
    /// (`TestOrganizationManager_DeleteInvitation`).
    static let client: [String: JSONValue] = [
        "is_first_party": true,
        "is_token_endpoint_ip_header_trusted": false,
        "oidc_conformant": false,
        "sso_disabled": false,
        "cross_origin_authentication": false,
        "grant_types": ["authorization_code", "implicit", "refresh_token", "client_credentials"],
        "custom_login_page_on": true,
        "refresh_token": [
            "rotation_type": "non-rotating", "expiration_type": "non-expiring", "leeway": 0,
            "token_lifetime": 2_592_000, "infinite_token_lifetime": true, "infinite_idle_token_lifetime": true,
            "idle_token_lifetime": 1_296_000,
        ],
    ]

    /// `jwt_configuration` of a client created without one.
    static let jwtConfiguration: [String: JSONValue] = ["secret_encoded": false, "lifetime_in_seconds": 36000]
}
