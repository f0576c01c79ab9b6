import Auth0Schema
import JSONValues
import PlanModel

/// `plaintext-secret`: a secret of a connection's `options` is written as a literal value instead of `${env:NAME}`:
/// a field the one decision (``SecretCatalogue/isSecret(strategy:path:value:)``, docs/secrets.md) calls secret, or
/// anything below one, or a private key by its value wherever it is written: in `options`, or in any other declared
/// text (a role description, a metadata value, a display name).
///
/// Secrets come only from the environment (README, "The tenant directory"). The finding names the field, never its value.
/// Located at the key of the literal's field (`key` of `signing_key.key`, from ``Connection/optionLocations``; a list
/// item at its list's key). One finding per path, in key order.
public struct PlaintextSecret: Rule {
    /// Creates the rule.
    public init() {}

    /// `plaintext-secret`.
    public let id = "plaintext-secret"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "A secret field holds a literal value"
    /// The risk.
    public let whyItMatters = """
        A credential written into the YAML (`options.client_secret`, `options.signing_key.key`, \
        `options.decryptionKey`, `options.app_secret`, `options.gateway_authentication.secret`, \
        `options.admin_access_token`, database `options.configuration.*`, any private key; the full list by \
        strategy is in docs/secrets.md) is readable by everyone with access to the repository, its forks, CI logs \
        and history. Whoever has a connection's client secret can impersonate the application to the identity \
        provider.
        """
    /// The fix.
    public let howToFix = """
        Write `${env:NAME}` instead and provide the variable in the environment that runs `plan` and `apply`. \
        Rotate the credential: it is already in the repository's history.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/deploy-monitor/deploy-cli-tool/configure-the-deploy-cli",
    ]
    /// Connection-scoped: shared connections are checked too.
    public let scope = RuleScope.connection

    /// One finding per literal secret field.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for connection in tenant.allConnections {
            for key in connection.options.keys.sorted() {
                guard let option = connection.options[key] else { continue }
                let strategy = connection.strategy.value
                for path in Self.literalPaths(option.value, path: key, strategy: strategy) {
                    findings.append(
                        finding(
                            "connection '\(connection.name.value)' has a literal value in options.\(path): the "
                                + "credential is readable by everyone with access to the repository and its history; "
                                + "write ${env:NAME} instead and rotate the credential",
                            at: connection.optionLocations[path] ?? option.location, organization: connection.owner))
                }
            }
        }
        for text in Self.declaredTexts(of: tenant) where SecretValue.looksSecret(text.value) {
            findings.append(
                finding(
                    "\(text.owner) has a private key in \(text.field): the credential is readable by everyone with "
                        + "access to the repository and its history; remove it (secrets belong only in connection "
                        + "options, as ${env:NAME}) and rotate the credential",
                    at: text.location, organization: text.organization))
        }
        return findings
    }

    /// Every declared text outside connection `options` that Auth0 stores (names, display names, metadata values,
    /// role descriptions), with whose it is and where it is written (a metadata value at its map's key): where a
    /// private key, found by its value (``SecretValue/looksSecret(_:)``), must not be either.
    static func declaredTexts(of tenant: Tenant)
        -> [(owner: String, field: String, value: String, location: SourceLocation, organization: String?)]
    {
        var texts: [(owner: String, field: String, value: String, location: SourceLocation, organization: String?)] = []
        func add(_ owner: String, _ field: String, _ value: Located<String>?, _ organization: String?) {
            if let value { texts.append((owner, field, value.value, value.location, organization)) }
        }
        func add(_ owner: String, metadata: Located<[String: String]>?, _ organization: String?) {
            guard let metadata else { return }
            for key in metadata.value.keys.sorted() {
                texts.append((owner, "metadata.\(key)", metadata.value[key]!, metadata.location, organization))
            }
        }
        for customer in tenant.customers ?? [] {
            let organization = customer.organization
            let owner = "organization '\(organization.name.value)'"
            add(owner, "display_name", organization.displayName, organization.name.value)
            add(owner, metadata: organization.metadata, organization.name.value)
        }
        for connection in tenant.allConnections {
            let owner = "connection '\(connection.name.value)'"
            add(owner, "display_name", connection.displayName, connection.owner)
            add(owner, metadata: connection.metadata, connection.owner)
        }
        for client in tenant.clients ?? [] {
            add("client '\(client.name.value)'", "initiate_login_uri", client.initiateLoginURI, nil)
        }
        for role in tenant.roles ?? [] {
            add("role '\(role.name.value)'", "description", role.description, nil)
        }
        return texts
    }

    /// Dot paths of the secret literals inside `value` (at `path` below `options`): every non-empty literal scalar
    /// at or below a secret path, and every literal string that is a private key by its value (list items share
    /// their list's path). Unique, in key order.
    static func literalPaths(_ value: DesiredValue, path: String, strategy: String) -> [String] {
        switch value {
        case .secret: return []
        case .object(let members):
            return members.keys.sorted().flatMap {
                literalPaths(members[$0]!, path: "\(path).\($0)", strategy: strategy)
            }
        case .literal(let json):
            var paths: [String] = []
            collect(json, path: path, strategy: strategy, inSecret: false, into: &paths)
            return paths
        }
    }

    private static func collect(
        _ value: JSONValue, path: String, strategy: String, inSecret: Bool, into paths: inout [String]
    ) {
        let secret = inSecret || SecretCatalogue.isSecret(strategy: strategy, path: path, value: value)
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                collect(members[key]!, path: "\(path).\(key)", strategy: strategy, inSecret: secret, into: &paths)
            }
        case .array(let items):
            for item in items { collect(item, path: path, strategy: strategy, inSecret: secret, into: &paths) }
        case .null:
            break
        case .string(let text) where text.isEmpty:
            break
        case .string, .bool, .int, .double:
            if secret, !paths.contains(path) { paths.append(path) }
        }
    }
}
