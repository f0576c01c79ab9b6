import Auth0Schema
import Foundation
import JSONValues
import Testing

/// The secret catalogue derived from Auth0's connection options schemas (docs/secrets.md).
@Suite("Secret catalogue")
struct SecretCatalogueTests {
    let catalogue = SecretCatalogue.excerpt

    @Test(arguments: [
        ("samlp", ["decryptionKey", "signing_key.key"]),
        ("pingfederate", ["decryptionKey"]),
        ("apple", ["app_secret"]),
        ("sms", ["gateway_authentication.secret", "twilio_token"]),
        ("oauth1", ["client_secret", "consumer_secret"]),
        ("waad", ["client_secret"]),
        ("oidc", ["client_secret"]),
        ("google-apps", ["admin_access_token", "admin_refresh_token", "client_secret"]),
        ("auth0", ["configuration"]),
        ("ad", []),
        ("email", []),
    ])
    func secretFieldsOfStrategy(_ strategy: String, _ paths: [String]) {
        #expect(catalogue.paths(strategy: strategy) == paths)
    }

    /// The identity provider tokens of a user's identities, by the same rule over `UserIdentitySchema`; removed
    /// from a user whole, every other member kept.
    @Test func identityProviderTokensAreSecret() {
        #expect(catalogue.identitySecretFields == ["access_token", "access_token_secret", "refresh_token"])
        let identity: JSONValue = [
            "connection": "google-oauth2", "provider": "google-oauth2", "user_id": "1", "isSocial": true,
            "profileData": ["email": "a@b.example"],
        ]
        var withTokens = identity.objectValue!
        withTokens["access_token"] = "ya29.A"
        withTokens["refresh_token"] = "1//R"
        withTokens["access_token_secret"] = "S"
        let user: JSONValue = ["user_id": "google-oauth2|1", "identities": [.object(withTokens), identity]]
        #expect(catalogue.withoutIdentitySecrets(user) == ["user_id": "google-oauth2|1", "identities": [identity, identity]])
        #expect(catalogue.withoutIdentitySecrets(["user_id": "auth0|1"]) == ["user_id": "auth0|1"])
    }

    @Test("every strategy of the excerpt is in the catalogue")
    func strategies() {
        #expect(catalogue.strategies.count == 55)
        #expect(catalogue.strategies.first == "ad")
        #expect(catalogue.strategies.last == "yandex")
    }

    @Test(arguments: [
        ("samlp", "decryptionKey.key"), ("samlp", "decryptionKey.cert"), ("samlp", "signing_key.key"),
        ("auth0", "configuration.DB_PASSWORD"), ("sms", "gateway_authentication.secret"),
        ("apple", "app_secret"), ("oauth1", "consumer_secret"), ("waad", "client_secret"),
        // Not described by the schema for the strategy; the name alone decides.
        ("waad", "api_key"), ("oidc", "some_refresh_token"), ("twitter", "consumerSecret"),
        // A strategy the schema does not know: every strategy's list.
        ("auth0-adldap", "client_secret"), ("auth0-adldap", "signing_key.key"),
    ])
    func secretPaths(_ strategy: String, _ path: String) {
        #expect(catalogue.isSecret(strategy: strategy, path: path))
    }

    @Test(arguments: [
        ("oidc", "token_endpoint"), ("oidc", "token_endpoint_auth_method"), ("oidc", "id_token_signed_response_algs"),
        ("oidc", "oidc_metadata.token_endpoint_auth_methods_supported"), ("oidc", "oidc_metadata.token_endpoint"),
        ("oidc", "token_endpoint_auth_signing_alg"), ("oidc", "client_id"), ("oidc", "issuer"),
        ("apple", "kid"), ("apple", "team_id"), ("samlp", "signing_key"), ("samlp", "signing_key.cert"),
        ("samlp", "signingCert"), ("samlp", "cert"), ("samlp", "key_id"), ("sms", "gateway_authentication.secret_base64_encoded"),
        ("sms", "twilio_sid"), ("google-apps", "admin_access_token_expiresin"), ("waad", "ext_access_token"),
        ("waad", "ext_refresh_token"), ("github", "admin_public_key"), ("oauth1", "requestTokenURL"),
        ("oauth1", "accessTokenURL"), ("auth0", "passwordPolicy"), ("auth0", "password_options.complexity.min_length"),
        ("auth0", "authentication_methods.password"), ("auth0", "customScripts.change_password"),
        ("auth0", "disable_self_service_change_password"), ("samlp", "configuration.X"),
        ("samlp", "thumbprints"), ("waad", "tenant_domain"),
    ])
    func nonSecretPaths(_ strategy: String, _ path: String) {
        #expect(!catalogue.isSecret(strategy: strategy, path: path))
    }

    @Test("a value that is a private key is secret at any path; a certificate is not")
    func valueDetection() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"
        let cert = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n"
        #expect(catalogue.isSecret(strategy: "samlp", path: "signingCert", value: .string(key)))
        #expect(!catalogue.isSecret(strategy: "samlp", path: "signingCert", value: .string(cert)))
        #expect(catalogue.isSecret(strategy: "ad", path: "", value: .string(key)))
        #expect(!catalogue.isSecret(strategy: "samlp", path: "signing_key", value: ["cert": .string(cert)]))
        #expect(catalogue.containsSecret(strategy: "samlp", path: "signing_key", value: ["key": "k", "cert": .string(cert)]))
        #expect(catalogue.containsSecret(strategy: "oidc", path: "list", value: ["a", .string(key)]))
        #expect(!catalogue.containsSecret(strategy: "oidc", path: "list", value: ["a", .string(cert)]))
    }

    static let docsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/secrets.md")

    @Test("docs/secrets.md equals SecretCatalogue.markdownReference() byte for byte")
    func docsMatch() throws {
        let generated = catalogue.markdownReference()
        if ProcessInfo.processInfo.environment["TENANTPLAN_RECORD"] == "1" {
            try Data(generated.utf8).write(to: Self.docsURL)
        }
        let onDisk = try Data(contentsOf: Self.docsURL)
        #expect(
            onDisk == Data(generated.utf8),
            "docs/secrets.md is out of date: run TENANTPLAN_RECORD=1 swift test --filter Auth0SchemaTests")
    }
}
