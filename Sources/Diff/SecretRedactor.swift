import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel

/// Replaces every secret value in a request body by a reference, so a plan can be written to a file
/// (`plan --out`) without a secret byte in it.
///
/// The secrets are known by value: every `${env:NAME}` of the desired state that is set (shown as
/// `"${env:NAME}"`), and every string the one decision (``SecretCatalogue/isSecret(strategy:path:value:)``) calls
/// secret in a live connection's options or in a declared literal (shown as `"(sensitive)"`): at a secret path or
/// below one (every string inside an object such as `decryptionKey: {key, cert}`), or a private key by its value.
/// A string equal to a secret, or containing one of 8 characters or more, is replaced whole, wherever it sits in
/// the body. Any other string holding private key material (``SecretValue/looksSecret(_:)``: organization
/// `metadata`, a role's `description`) is replaced by `"(sensitive)"` too.
public struct SecretRedactor: Sendable {
    /// Secret value -> what is written instead.
    private let replacements: [String: String]
    private let long: [(value: String, replacement: String)]

    /// Collects the secrets of `tenant` and `live`.
    public init(tenant: Tenant, live: LiveSnapshot) {
        var replacements: [String: String] = [:]
        for connection in live.connections {
            Self.collectLive(.object(connection.options ?? [:]), path: "", strategy: connection.strategy, into: &replacements)
        }
        for connection in tenant.allConnections {
            for (key, option) in connection.options {
                Self.collectDeclared(option.value, path: key, strategy: connection.strategy.value, into: &replacements)
            }
        }
        for connection in tenant.allConnections {
            for option in connection.options.values {
                for secret in option.value.secrets {
                    if let value = secret.value, !value.isEmpty { replacements[value] = "${env:\(secret.name)}" }
                }
            }
        }
        self.replacements = replacements
        long = replacements.filter { $0.key.count >= 8 }.map { (value: $0.key, replacement: $0.value) }
            .sorted { $0.value.count > $1.value.count }
    }

    /// `value` with every secret replaced.
    public func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            if let replacement = replacements[text] { return .string(replacement) }
            // Private key material wherever it sits (organization metadata, a description): the value decision.
            if SecretValue.looksSecret(text) { return .string("(sensitive)") }
            if let hit = long.first(where: { text.contains($0.value) }) { return .string(hit.replacement) }
            return value
        case .array(let items): return .array(items.map(redact))
        case .object(let object): return .object(object.mapValues(redact))
        default: return value
        }
    }

    /// Collects every string of `value` (at `path` below `options`) that is a secret or sits below one.
    private static func collectLive(
        _ value: JSONValue, path: String, strategy: String, inSecret: Bool = false,
        into replacements: inout [String: String]
    ) {
        let secret = inSecret || SecretCatalogue.isSecret(strategy: strategy, path: path, value: value)
        switch value {
        case .string(let text) where secret && !text.isEmpty:
            replacements[text] = replacements[text] ?? "(sensitive)"
        case .object(let object):
            for (key, child) in object {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                collectLive(child, path: childPath, strategy: strategy, inSecret: secret, into: &replacements)
            }
        case .array(let items):
            for item in items {
                collectLive(item, path: path, strategy: strategy, inSecret: secret, into: &replacements)
            }
        default: break
        }
    }

    /// Collects the secret literals of a declared option (a literal the `plaintext-secret` rule reports, when a
    /// setting lets the plan run anyway).
    private static func collectDeclared(
        _ value: DesiredValue, path: String, strategy: String, into replacements: inout [String: String]
    ) {
        switch value {
        case .secret: break
        case .literal(let json): collectLive(json, path: path, strategy: strategy, into: &replacements)
        case .object(let members):
            for (key, member) in members {
                collectDeclared(member, path: "\(path).\(key)", strategy: strategy, into: &replacements)
            }
        }
    }
}
