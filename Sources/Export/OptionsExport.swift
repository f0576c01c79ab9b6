import JSONValues
import PlanModel
import YAML

/// One connection's live `options` as the export writes them: every key but the server-managed ones
/// (``serverManaged(strategy:)``), sorted (nested keys too), values as read, except that
///
/// - a string in a secret field or below one (``SecretVariable/isSecret(path:strategy:value:)``: every string of
///   an object secret such as `decryptionKey: {key, cert}` gets a variable of its own, `IDP_DECRYPTION_KEY_KEY`,
///   `IDP_DECRYPTION_KEY_CERT`), or a private key by its value, becomes `${env:NAME}` (an empty one stays `""`),
///   so a plan with the variable set to the live value, or unset, shows no change;
/// - a key whose value the loader would refuse or misread (a literal Auth0's options schema refuses; a
///   placeholder-like string; a secret field holding a
///   number, a boolean or a list, or a secret inside a list, which `${env:}` cannot express) is left out whole, with a reason: the plan then
///   keeps it as it is ("kept (not managed here)"), where a partly written object would be planned as a change
///   (a declared key replaces the live value whole).
///
/// The loader accepts `${env:}` only as a mapping value, so a secret inside a list cannot be written.
struct OptionsExport {
    /// The written options, keys sorted.
    private(set) var entries: [YAMLEmitter.Entry] = []
    /// Keys left out, sorted, and why.
    private(set) var leftOut: [(key: String, reason: String)] = []

    /// Converts the `options` of connection `connection` with `strategy`, naming its secrets in `names`.
    init(_ options: [String: JSONValue], connection: String, strategy: String, names: inout SecretNames) {
        let skipped = Self.serverManaged(strategy: strategy)
        for key in options.keys.sorted() where !skipped.contains(key) {
            // Names are recorded only for keys that are written whole.
            var found: [SecretVariable] = []
            // The converter (which shares `names`' storage) is gone before `names` grows: no copy.
            let converted = Converter(connection: connection, strategy: strategy, names: names)
                .convert(options[key]!, path: key, inSequence: false, inSecret: false, secrets: &found)
            switch converted {
            case .success(let value):
                // A literal Auth0's options schema refuses would make the export fail to load back.
                if found.isEmpty, RequestSchema.refusesOption(strategy: strategy, key: key, value: options[key]!) {
                    leftOut.append((key, "the loader refuses the value: Auth0's options schema does not accept it"))
                    continue
                }
                names.add(found)
                entries.append(YAMLEmitter.Entry(key, value))
            case .failure(let refusal):
                let reason = refusal.path == key ? refusal.problem : "options.\(refusal.path): \(refusal.problem)"
                leftOut.append((key, reason))
            }
        }
    }

    /// Option keys Auth0 computes and keeps itself, which the export leaves out (the plan echoes them back):
    /// `thumbprints` (certificate thumbprints, recomputed when the identity provider's keys rotate: a written copy
    /// would be planned as a change back to stale values), and for `waad` `app_domain` (the tenant's own host)
    /// and `waad_common_endpoint` (mirrors `useCommonEndpoint`). Source: the recorded `waad` traffic in
    /// `Tests/TestSupport/Resources/cassettes/terraform-provider-auth0/TestAccConnectionAzureAD.yaml`.
    static func serverManaged(strategy: String) -> Set<String> {
        strategy == "waad" ? ["thumbprints", "app_domain", "waad_common_endpoint"] : ["thumbprints"]
    }

    /// Why a key is left out.
    struct Refusal: Error {
        /// The path below `options` of the value refused.
        let path: String
        /// What is wrong with it.
        let problem: String
    }

    private struct Converter {
        let connection: String
        let strategy: String
        let names: SecretNames

        /// `value` at `path` as written; the secrets it names are appended to `secrets`.
        func convert(
            _ value: JSONValue, path: String, inSequence: Bool, inSecret: Bool, secrets: inout [SecretVariable]
        ) -> Result<YAMLEmitter.Value, Refusal> {
            let secret = inSecret || SecretVariable.isSecret(path: path, strategy: strategy, value: value)
            if secret, inSequence, value != .null {
                return .failure(Refusal(path: path, problem: "a secret inside a list, which ${env:NAME} cannot express"))
            }
            switch value {
            case .null:
                return .success(.null)
            case .bool(let flag):
                return secret ? .failure(Self.inexpressible(path, "a boolean")) : .success(.bool(flag))
            case .int(let number):
                return secret ? .failure(Self.inexpressible(path, "a number")) : .success(.int(number))
            case .double(let number):
                return secret ? .failure(Self.inexpressible(path, "a number")) : .success(.double(number))
            case .string(let text):
                if secret {
                    if text.isEmpty { return .success(.string("")) }
                    let name = names.name(connection: connection, path: path, reserved: secrets)
                    secrets.append(SecretVariable(name: name, connection: connection, path: path))
                    return .success(.string("${env:\(name)}"))
                }
                if let reason = ExportedText.refusal(text) {
                    return .failure(Refusal(path: path, problem: "the loader refuses the value: \(reason)"))
                }
                return .success(.string(text))
            case .array(let items):
                if secret { return .failure(Self.inexpressible(path, "a list")) }
                var written: [YAMLEmitter.Value] = []
                for (index, item) in items.enumerated() {
                    switch convert(item, path: "\(path)[\(index)]", inSequence: true, inSecret: false, secrets: &secrets) {
                    case .success(let value): written.append(value)
                    case .failure(let refusal): return .failure(refusal)
                    }
                }
                return .success(.sequence(written))
            case .object(let members):
                var entries: [YAMLEmitter.Entry] = []
                for key in members.keys.sorted() {
                    let member = members[key]!
                    switch convert(member, path: "\(path).\(key)", inSequence: inSequence, inSecret: secret, secrets: &secrets) {
                    case .success(let value): entries.append(YAMLEmitter.Entry(key, value))
                    case .failure(let refusal): return .failure(refusal)
                    }
                }
                return .success(.mapping(entries))
            }
        }

        static func inexpressible(_ path: String, _ kind: String) -> Refusal {
            Refusal(path: path, problem: "a secret field holding \(kind), which ${env:NAME} cannot express")
        }
    }
}
