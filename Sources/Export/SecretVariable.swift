import Auth0Schema
import JSONValues
import PlanModel

/// A secret the export wrote as `${env:NAME}` instead of its value: the variable a plan or apply of the export
/// needs, and where it is used.
public struct SecretVariable: Sendable, Equatable {
    /// The environment variable's name, e.g. `ACME_ENTRA_CLIENT_SECRET`.
    public let name: String
    /// The connection whose options hold it.
    public let connection: String
    /// The option's path below `options`, dot-separated: `client_secret`, `signing_key.key`.
    public let path: String

    /// Creates a record.
    public init(name: String, connection: String, path: String) {
        self.name = name
        self.connection = connection
        self.path = path
    }

    /// Option keys export writes as `${env:NAME}` beside the secrets (``SecretCatalogue``): `signingCert`
    /// (tenantplan's example keeps SAML signing certificates in the environment, and they rotate). A certificate
    /// is not a secret: the plan shows it and `plaintext-secret` accepts it written out.
    public static let exportOnlyPaths: Set<String> = ["signingCert"]

    /// True when the option `value` at `path` (dot-separated, below `options`) is written as a reference:
    /// a secret by ``SecretCatalogue/isSecret(strategy:path:value:)`` (at or below a secret path, or a private
    /// key by its value), or one of ``exportOnlyPaths``.
    public static func isSecret(path: String, strategy: String, value: JSONValue? = nil) -> Bool {
        SecretCatalogue.isSecret(strategy: strategy, path: path, value: value) || exportOnlyPaths.contains(path)
    }

    /// The variable name for an option of a connection: the connection's name and each part of the option's path,
    /// each with `_` put between a lowercase letter or digit and the uppercase letter after it (`signingCert` ->
    /// `signing_Cert`), uppercased, every character other than ASCII letters and digits turned into `_`, joined
    /// with `_`; a name starting with a digit gets a leading `_`.
    ///
    /// `acme-entra` + `client_secret` -> `ACME_ENTRA_CLIENT_SECRET`; `globex-okta` + `signingCert` ->
    /// `GLOBEX_OKTA_SIGNING_CERT`; `corp-saml` + `signing_key.key` -> `CORP_SAML_SIGNING_KEY_KEY`.
    public static func name(connection: String, path: String) -> String {
        let parts = [connection] + path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var name = parts.map(word).joined(separator: "_")
        if let first = name.first, ("0"..."9").contains(first) { name = "_" + name }
        return name
    }

    private static func word(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for c in text {
            if let p = previous, ("A"..."Z").contains(c), ("a"..."z").contains(p) || ("0"..."9").contains(p) {
                result.append("_")
            }
            if ExportedText.isASCIIAlphanumeric(c) {
                result += c.uppercased()
            } else {
                result.append("_")
            }
            previous = c
        }
        return result
    }
}
