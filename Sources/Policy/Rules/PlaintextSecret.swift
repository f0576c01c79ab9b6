import JSONValues
import PlanModel

/// `plaintext-secret`: a known secret field (``SecretFields``) of a connection's `options` holds a literal value
/// instead of `${env:NAME}`.
///
/// Secrets come only from the environment (SPEC section 1). The finding names the field, never its value.
/// Located at the option's key (for nested fields such as `signing_key.key`, the top-level key).
public struct PlaintextSecret: Rule {
    /// Creates the rule.
    public init() {}

    /// `plaintext-secret`.
    public let id = "plaintext-secret"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title = "A known secret field holds a literal value"
    /// The risk.
    public let whyItMatters = """
        A credential written into the YAML (`options.client_secret`, `options.signing_key.key`, \
        `options.decryptionKey`, `options.admin_access_token`, `options.admin_refresh_token`, database \
        `options.configuration.*`) is readable by everyone with access to the repository, its forks, CI logs and \
        history. Whoever has a connection's client secret can impersonate the application to the identity \
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
                for path in Self.literalPaths(option.value, path: key)
                where SecretFields.isSecret(path: path, strategy: connection.strategy.value) {
                    findings.append(
                        finding(
                            "connection '\(connection.name.value)' has a literal value in options.\(path): the "
                                + "credential is readable by everyone with access to the repository and its history; "
                                + "write ${env:NAME} instead and rotate the credential",
                            at: option.location, organization: connection.owner))
                }
            }
        }
        return findings
    }

    /// Dot paths of every non-empty literal scalar inside `value`.
    static func literalPaths(_ value: DesiredValue, path: String) -> [String] {
        switch value {
        case .secret: return []
        case .object(let members):
            return members.keys.sorted().flatMap { literalPaths(members[$0]!, path: "\(path).\($0)") }
        case .literal(let json): return literalPaths(json, path: path)
        }
    }

    private static func literalPaths(_ value: JSONValue, path: String) -> [String] {
        switch value {
        case .null: return []
        case .string(let text): return text.isEmpty ? [] : [path]
        case .bool, .int, .double, .array: return [path]
        case .object(let members):
            return members.keys.sorted().flatMap { literalPaths(members[$0]!, path: "\(path).\($0)") }
        }
    }
}
