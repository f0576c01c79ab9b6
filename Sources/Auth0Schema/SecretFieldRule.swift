/// Whether a connection option field denotes a secret, from its name, its schema description and its schema
/// types (the rule ``SecretCatalogue`` applies to every field of Auth0's connection options schemas; written out
/// in docs/secrets.md).
///
/// A field is secret when its value can be a string (or, for a key, an object holding key material) and
///
/// 1. its name's last word is `secret`, `password`, `passphrase` or `token` (`client_secret`, `app_secret`,
///    `admin_access_token`, `twilio_token`), or
/// 2. its name's last word is `key`, not after `public`, and its description, if any, says `private key` or
///    `secret` (`decryptionKey`, `signing_key.key`; not `signing_key`, "Key pair with 'key' and 'cert'"), or
/// 3. its description opens with a noun phrase ending in one of those words or in `private key` ("The secret
///    used to sign…", "Private key in PEM format").
///
/// Words come from splitting the name at `_`, `-` and lowercase-to-uppercase steps (`decryptionKey` ->
/// `decryption key`). The last word decides, so `token_endpoint`, `token_endpoint_auth_method`,
/// `id_token_signed_response_algs`, `*_supported`, `admin_access_token_expiresin`, `secret_base64_encoded`,
/// `kid` and URLs are not secrets; a boolean (`ext_access_token`) or a number never is, and neither is a list.
enum SecretFieldRule {
    /// The words that make a field secret when they end its name.
    static let secretWords: Set<String> = ["secret", "password", "passphrase", "token"]

    /// Words that end the opening noun phrase of a description.
    static let phraseEnds: Set<String> = [
        "used", "issued", "obtained", "paired", "in", "for", "from", "of", "that", "which", "with", "to", "when",
        "is", "must", "generated", "sent", "and", "or",
    ]

    /// True when a field named `name`, described by `description`, of JSON Schema `types` (empty when the schema
    /// does not say) denotes a secret.
    static func denotesSecret(name: String, description: String?, types: Set<String>) -> Bool {
        let canBeString = types.isEmpty || types.contains("string")
        let canBeKeyMaterial = canBeString || types.contains("object")
        let words = Self.words(name)
        guard let last = words.last else { return false }
        if secretWords.contains(last), canBeString { return true }
        if last == "key", canBeKeyMaterial, words.dropLast().last != "public" {
            guard let description else { return true }
            let lowered = description.lowercased()
            if lowered.contains("private key") || lowered.contains("secret") { return true }
        }
        guard let description else { return false }
        let phrase = openingPhrase(description)
        if let end = phrase.last, secretWords.contains(end), canBeString { return true }
        return phrase.suffix(2) == ["private", "key"] && canBeKeyMaterial
    }

    /// The lowercased words of a field name: `decryptionKey` -> `["decryption", "key"]`,
    /// `id_token_signed_response_algs` -> `["id", "token", "signed", "response", "algs"]`.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for c in name {
            if c == "_" || c == "-" || c == " " || c == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                if c.isUppercase, let p = previous, p.isLowercase || p.isNumber, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current += c.lowercased()
            }
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The lowercased words of a description's opening noun phrase: up to the first `.`, `,`, `;`, `:` or `(`,
    /// and before the first word of ``phraseEnds``. "The secret used to sign…" -> `["the", "secret"]`.
    static func openingPhrase(_ description: String) -> [String] {
        let clause = description.prefix { !".,;:(".contains($0) }
        var phrase: [String] = []
        for word in clause.split(whereSeparator: \.isWhitespace) {
            let lowered = word.lowercased()
            if phraseEnds.contains(lowered) { break }
            phrase.append(lowered)
        }
        return phrase
    }
}
