import JSONValues

/// Which connection option values are secrets: the one decision every place that prints, saves, fingerprints,
/// exports or checks an option value asks (``isSecret(strategy:path:value:)``). Explained in docs/secrets.md.
///
/// The catalogue is derived from Auth0's Management API schema (``ManagementAPIDocument``): for each strategy,
/// the options schemas of its create and update connection requests (`POST /api/v2/connections`,
/// `PATCH /api/v2/connections/{id}`), followed through `$ref`, `allOf`, `anyOf`, `oneOf` and nested `properties`
/// at any depth, and every field whose name or description denotes a secret (``SecretFieldRule``), plus
/// ``additions``. Beside the list, the value detector (``SecretValue/looksSecret(_:)``) makes any value holding a
/// private key a secret, and a field the schema does not describe is a secret when its name alone denotes one.
///
/// Paths are below `options`, dot-separated (`signing_key.key`); list items share their list's path. A secret
/// path covers everything below it: `decryptionKey` is secret whether Auth0 returns a PEM string or an object
/// `{key, cert}`.
public struct SecretCatalogue: Sendable {
    /// The catalogue of the embedded excerpt, derived on first use.
    public static let excerpt = SecretCatalogue(document: .excerpt)

    /// Secret fields the schema's text cannot decide, by strategy, and why (Auth0's documentation):
    ///
    /// - `auth0` `configuration`: the database action script settings, which Auth0 stores encrypted and which
    ///   hold the credentials of the custom database ("A hash of configuration key/value pairs" in the schema;
    ///   https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection#add-configuration-parameters);
    /// - `oauth1` `consumer_secret`: the OAuth 1.0a consumer secret under its protocol name, which older
    ///   connections carry beside the schema's `client_secret`
    ///   (https://auth0.com/docs/authenticate/identity-providers/social-identity-providers/oauth1).
    public static let additions: [String: [String]] = [
        "auth0": ["configuration"],
        "oauth1": ["consumer_secret"],
    ]

    /// Option fields holding code, whose member names say what the code is for, not what it holds
    /// (`customScripts.change_password` is a script): the name rule does not apply below them.
    public static let codeFields: Set<String> = ["customScripts", "scripts"]

    /// Strategy -> its secret paths.
    public let secretPaths: [String: Set<String>]
    /// Strategy -> every path its options schemas describe.
    let describedPaths: [String: Set<String>]
    /// Every strategy's secret paths, for a strategy the schema does not know.
    let anyStrategySecretPaths: Set<String>
    /// The members of a user's identity that hold the identity provider's credentials, by the same rule
    /// (``SecretFieldRule``) over `UserIdentitySchema`, the items of `identities` in `GET /api/v2/users/{id}`:
    /// `access_token`, `access_token_secret`, `refresh_token`. Auth0 returns them only to a token with
    /// `read:user_idp_tokens` (https://auth0.com/docs/secure/tokens/identity-provider-access-tokens), which
    /// tenantplan never asks for; see ``withoutIdentitySecrets(_:)``.
    public let identitySecretFields: Set<String>

    /// Derives the catalogue from `document`'s connection options schemas.
    public init(document: ManagementAPIDocument) {
        var secrets: [String: Set<String>] = [:]
        var described: [String: Set<String>] = [:]
        for (strategy, schemas) in document.connectionOptionsSchemas {
            var walk = SchemaWalk(document: document)
            for schema in schemas { walk.visit(schema, path: []) }
            secrets[strategy] = walk.secrets.union(Self.additions[strategy] ?? [])
            described[strategy] = walk.described
        }
        secretPaths = secrets
        describedPaths = described
        anyStrategySecretPaths = secrets.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var identity = SchemaWalk(document: document)
        if let schema = document.schema(named: "UserIdentitySchema") { identity.visit(schema, path: []) }
        identitySecretFields = identity.secrets
    }

    /// `user` (a user object of `GET /api/v2/users/{id}` or `GET /api/v2/users`) without the identity provider
    /// credentials (``identitySecretFields``) in its `identities`, as Auth0 answers a token without
    /// `read:user_idp_tokens`; any other value unchanged.
    public func withoutIdentitySecrets(_ user: JSONValue) -> JSONValue {
        guard var object = user.objectValue, let identities = object["identities"]?.arrayValue else { return user }
        object["identities"] = .array(identities.map { identity in
            guard let members = identity.objectValue else { return identity }
            return .object(members.filter { !identitySecretFields.contains($0.key) })
        })
        return .object(object)
    }

    /// The strategies the schema describes, sorted.
    public var strategies: [String] { secretPaths.keys.sorted() }

    /// The secret paths of `strategy`, sorted (every strategy's for a strategy the schema does not know).
    public func paths(strategy: String) -> [String] {
        (secretPaths[strategy] ?? anyStrategySecretPaths).sorted()
    }

    /// True when the option value at `path` (below `options`, dot-separated) of a connection of `strategy` is a
    /// secret, or is inside one:
    ///
    /// - `path` or one of its ancestors is a secret path of the catalogue, or
    /// - the schema does not describe `path` (or an ancestor) for `strategy` and its name denotes a secret
    ///   (outside ``codeFields``), or
    /// - `value` (when given) is a string that ``SecretValue/looksSecret(_:)``.
    ///
    /// An object or list at such a path is secret whole. See ``containsSecret(strategy:path:value:)`` for a value
    /// that may hold a secret deeper down.
    public func isSecret(strategy: String, path: String, value: JSONValue? = nil) -> Bool {
        if case .string(let text)? = value, SecretValue.looksSecret(text) { return true }
        guard !path.isEmpty else { return false }
        let secrets = secretPaths[strategy] ?? anyStrategySecretPaths
        let described = describedPaths[strategy] ?? []
        var prefix = ""
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            let first = prefix.isEmpty
            prefix = first ? String(component) : "\(prefix).\(component)"
            if secrets.contains(prefix) { return true }
            if first, Self.codeFields.contains(prefix) { return false }
            if !described.contains(prefix),
               SecretFieldRule.denotesSecret(name: String(component), description: nil, types: [])
            {
                return true
            }
        }
        return false
    }

    /// True when the value at `path` is a secret (``isSecret(strategy:path:value:)``) or holds one anywhere
    /// below it (object members at `path.KEY`, list items at `path`).
    public func containsSecret(strategy: String, path: String, value: JSONValue) -> Bool {
        if isSecret(strategy: strategy, path: path, value: value) { return true }
        switch value {
        case .object(let members):
            return members.contains { key, member in
                containsSecret(strategy: strategy, path: path.isEmpty ? key : "\(path).\(key)", value: member)
            }
        case .array(let items):
            return items.contains { containsSecret(strategy: strategy, path: path, value: $0) }
        default:
            return false
        }
    }

    /// ``isSecret(strategy:path:value:)`` of the embedded excerpt's catalogue.
    public static func isSecret(strategy: String, path: String, value: JSONValue? = nil) -> Bool {
        excerpt.isSecret(strategy: strategy, path: path, value: value)
    }

    /// ``containsSecret(strategy:path:value:)`` of the embedded excerpt's catalogue.
    public static func containsSecret(strategy: String, path: String, value: JSONValue) -> Bool {
        excerpt.containsSecret(strategy: strategy, path: path, value: value)
    }
}
