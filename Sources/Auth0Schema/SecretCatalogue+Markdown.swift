extension SecretCatalogue {
    /// docs/secrets.md: the rule, the value detector, how object secrets are declared and exported, and the
    /// derived list of secret fields by strategy (Markdown, ending in a line break). The test
    /// `SecretCatalogueTests` keeps the file equal to it (`TENANTPLAN_RECORD=1` rewrites it).
    public func markdownReference() -> String {
        var lines: [String] = [
            "# Secrets",
            "",
            "<!-- Generated from Auth0's Management API OpenAPI excerpt by SecretCatalogue.markdownReference();",
            "     run TENANTPLAN_RECORD=1 swift test --filter Auth0SchemaTests after changing either. -->",
            "",
            "Which connection `options` values tenantplan treats as secrets. One decision",
            "(`SecretCatalogue.isSecret(strategy:path:value:)` in `Sources/Auth0Schema`) serves every place that prints,",
            "saves, fingerprints, exports or checks a value: a secret is shown as `(sensitive)` in plans (text, JSON,",
            "Markdown), replaced by `(sensitive)` or `${env:NAME}` in saved plans (`plan --out`), left out of saved-plan",
            "fingerprints, written as `${env:NAME}` by `export`, and reported by the policy rule `plaintext-secret` when",
            "the YAML holds it as a literal ([rules.md](rules.md#plaintext-secret)).",
            "",
            "## Where the list comes from",
            "",
            "Auth0's Management API v2 OpenAPI document (the excerpt in",
            "`Tests/TestSupport/Resources/cassettes/auth0-management-api-excerpt.json`, embedded in the binary by",
            "`scripts/embed-openapi-excerpt`): for each strategy, the `options` schemas of its create and update request",
            "(`POST /api/v2/connections`, `PATCH /api/v2/connections/{id}`: `CreateConnectionRequestContent*`,",
            "`UpdateConnectionRequestContent*`), followed through `$ref`, `allOf`, `anyOf`, `oneOf` and nested",
            "`properties` at any depth. A field is secret when its value can be a string (for a key, also an object",
            "holding key material) and",
            "",
            "1. its name's last word is `secret`, `password`, `passphrase` or `token` (words split at `_`, `-` and",
            "   lowercase-to-uppercase steps: `client_secret`, `app_secret`, `admin_access_token`, `twilio_token`), or",
            "2. its name's last word is `key`, not after `public`, and its description, if any, says `private key` or",
            "   `secret` (`decryptionKey`, `signing_key.key`; not `signing_key`, \"Key pair with 'key' and 'cert'\"), or",
            "3. its description opens with a noun phrase ending in one of those words or in `private key`",
            "   (\"The secret used to sign the JSON Web Token…\").",
            "",
            "The last word decides, so `token_endpoint`, `token_endpoint_auth_method`, `id_token_signed_response_algs`,",
            "`*_supported`, `admin_access_token_expiresin`, `secret_base64_encoded`, `kid`, `key_id` and URLs are not",
            "secrets; a boolean (`ext_access_token`, `admin_public_key`), a number or a list never is. Below",
        ]
        lines.append(
            "`" + Self.codeFields.sorted().joined(separator: "`, `")
                + "` (code: `customScripts.change_password` is a script) the name rule does not apply.")
        lines += [
            "",
            "Additions the schema's text cannot decide:",
            "",
            "- `auth0` `configuration`: the custom database's configuration parameters, stored encrypted by Auth0 and",
            "  holding its credentials (\"A hash of configuration key/value pairs\";",
            "  https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection);",
            "- `oauth1` `consumer_secret`: the OAuth 1.0a consumer secret under its protocol name, which older",
            "  connections carry beside `client_secret`.",
            "",
            "At run time a path is also secret when",
            "",
            "- it lies below a secret path: an object or list there is secret whole (`decryptionKey` is secret whether",
            "  Auth0 returns a PEM string or an object `{key, cert}`; every `configuration.*`);",
            "- the schema does not describe it for the connection's strategy and its name alone denotes a secret by",
            "  rule 1 or 2 (`consumer_secret`, `api_key`); a strategy the schema does not know uses every strategy's",
            "  list;",
            "- its value is private key material, wherever it sits: a PEM block `-----BEGIN … PRIVATE KEY-----`",
            "  (`RSA`, `EC`, `DSA`, `ENCRYPTED`, `OPENSSH` and plain PKCS #8), `-----BEGIN PGP PRIVATE KEY BLOCK-----`, or",
            "  a PuTTY private key file. Certificates (`-----BEGIN CERTIFICATE-----`) and public keys are not secrets.",
            "",
            "## Declaring and exporting secrets",
            "",
            "Write `${env:NAME}` as the whole value of a mapping key. An object secret gets one variable per string",
            "inside it, which is also how `export` writes it:",
            "",
            "```yaml",
            "options:",
            "  decryptionKey:",
            "    key: ${env:CORP_SAML_DECRYPTION_KEY_KEY}",
            "    cert: ${env:CORP_SAML_DECRYPTION_KEY_CERT}",
            "  gateway_authentication:",
            "    method: bearer",
            "    secret: ${env:SMS_GATEWAY_AUTHENTICATION_SECRET}",
            "```",
            "",
            "`${env:}` cannot stand inside a list or for a number or a boolean: `export` leaves such a secret's",
            "top-level key out (the plan keeps it as it is) and says why. `${env:NAME}` may not name tenantplan's own",
            "variables (`AUTH0_DOMAIN`, `AUTH0_CLIENT_ID`, `AUTH0_CLIENT_SECRET`, `AUTH0_API_TOKEN`, or any other",
            "`AUTH0_*`): that is a load error, so the tool's Management API credential never lands in a connection.",
            "",
            "## Secret fields by strategy",
            "",
            "Paths below `options`, as derived from the excerpt (with the additions above).",
            "",
            "| strategy | secret fields |",
            "|---|---|",
        ]
        for strategy in strategies {
            let paths = self.paths(strategy: strategy)
            lines.append("| `\(strategy)` | " + (paths.isEmpty ? "(none)" : paths.map { "`\($0)`" }.joined(separator: ", ")) + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
