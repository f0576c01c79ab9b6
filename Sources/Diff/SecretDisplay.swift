import Auth0Schema
import JSONValues
import PlanModel

/// How a connection option that is or holds a secret is shown in a plan: its object structure, with every value
/// that ``SecretCatalogue`` calls secret (at a secret path, below one, or private key material by its value) or
/// that the YAML declares as `${env:NAME}` replaced by `(sensitive)`, so a member added or removed inside a
/// secret object (`configuration`, `decryptionKey`, `gateway_authentication`) is visible without a secret byte.
/// Member names are shown: they are not secret (docs/secrets.md, "What a plan shows of a secret object").
struct SecretDisplay {
    /// The connection's strategy, for ``SecretCatalogue``.
    let strategy: String
    /// Paths below `options` the YAML declares as `${env:NAME}`: their values are shown as `(sensitive)` on both
    /// sides of a change, whatever the live value is.
    let declaredSecrets: Set<String>

    /// Collects the `${env:}` paths of the declared option `key`.
    init(strategy: String, key: String, desired: DesiredValue) {
        self.strategy = strategy
        var paths: Set<String> = []
        Self.collect(desired, path: key, into: &paths)
        declaredSecrets = paths
    }

    private static func collect(_ desired: DesiredValue, path: String, into paths: inout Set<String>) {
        switch desired {
        case .literal: break
        case .secret: paths.insert(path)
        case .object(let members):
            for (key, member) in members { collect(member, path: "\(path).\(key)", into: &paths) }
        }
    }

    /// A value (live, or a declared literal) at `path`: an object by its members, any other value that is secret
    /// (or holds one, for a list) as `(sensitive)`, the rest as it is.
    /// - Parameter inSecret: True below a secret path: every leaf is secret.
    func show(_ value: JSONValue, path: String, inSecret: Bool = false) -> DisplayValue {
        let secret = inSecret || declaredSecrets.contains(path)
            || SecretCatalogue.isSecret(strategy: strategy, path: path, value: value)
        switch value {
        case .object(let members)
        where secret || SecretCatalogue.containsSecret(strategy: strategy, path: path, value: value)
            || declaredSecrets.contains(where: { $0.hasPrefix(path + ".") }):
            return .redactedObject(
                members.reduce(into: [:]) { $0[$1.key] = show($1.value, path: "\(path).\($1.key)", inSecret: secret) })
        case _ where secret || SecretCatalogue.containsSecret(strategy: strategy, path: path, value: value):
            return .sensitive
        default:
            return .json(value)
        }
    }

    /// The wanted value of a declared option at `path`: `${env:NAME}` as `(sensitive)` when set and as
    /// `(sensitive, from env NAME, unset)` when unset (the live value is kept for it), literals as ``show(_:path:inSecret:)``.
    func show(_ desired: DesiredValue, path: String, inSecret: Bool = false) -> DisplayValue {
        switch desired {
        case .secret(let ref):
            return ref.value == nil ? .unsetSecret(ref.name) : .sensitive
        case .literal(let value):
            return show(value, path: path, inSecret: inSecret)
        case .object(let members):
            let secret = inSecret || SecretCatalogue.isSecret(strategy: strategy, path: path)
            return .redactedObject(
                members.reduce(into: [:]) { $0[$1.key] = show($1.value, path: "\(path).\($1.key)", inSecret: secret) })
        }
    }
}
