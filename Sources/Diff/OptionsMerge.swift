import Auth0Schema
import JSONValues
import PlanModel

/// Lays declared connection `options` over the live ones (README, "What the plan promises"): `PATCH /api/v2/connections/{id}`
/// replaces `options` whole, so the request carries the live object with the declared keys laid over it;
/// keys the YAML does not mention (server-managed ones included) are echoed back, and a secret whose
/// `${env:}` is unset keeps its live value. A declared object is the wanted object whole, secret or not: a live
/// member it leaves out is removed (an unset `${env:}` member keeps its live value). A field that is or holds a
/// secret (``SecretCatalogue``, either value) is shown by its structure with each secret value as `(sensitive)`
/// (``SecretDisplay``), so such a removal is visible (docs/secrets.md).
struct OptionsMerge {
    /// The merged object to send.
    var merged: [String: JSONValue]
    /// Field-level lines for the plan.
    var fields: [FieldChange] = []
    /// Live keys not declared: `options.mfa`.
    var kept: [String] = []
    /// True when `merged` differs from the live options.
    var changed: Bool

    /// Merges for an update of an existing connection.
    init(declared: [String: Located<DesiredValue>], live: [String: JSONValue], strategy: String) {
        merged = live
        for key in declared.keys.sorted() {
            let desired = declared[key]!.value
            let path = "options.\(key)"
            let current = live[key]
            switch desired {
            case .secret(let ref) where ref.value == nil:
                // Unset: the live value is kept; say so without showing it.
                fields.append(FieldChange(.info, path, after: .unsetSecret(ref.name)))
                continue
            default:
                break
            }
            let resolved = Self.resolve(desired, live: current)
            if let resolved, resolved != current {
                // The one decision (docs/secrets.md): the field, anything below it, or either value.
                let sensitive = desired.containsSecret
                    || SecretCatalogue.containsSecret(strategy: strategy, path: key, value: resolved)
                    || current.map { SecretCatalogue.containsSecret(strategy: strategy, path: key, value: $0) } == true
                merged[key] = resolved
                let kind: FieldChange.Kind = current == nil ? .add : .change
                if sensitive {
                    // The structure with each secret redacted: a member the declared object leaves out is
                    // visibly removed (the declared object is the wanted object; docs/secrets.md).
                    let display = SecretDisplay(strategy: strategy, key: key, desired: desired)
                    fields.append(
                        FieldChange(
                            kind, path, before: current.map { display.show($0, path: key) },
                            after: display.show(desired, path: key)))
                    continue
                } else {
                    fields.append(FieldChange(kind, path, before: current.map(DisplayValue.json), after: .json(resolved)))
                }
            }
            if case .object = desired {
                for ref in desired.secrets where ref.value == nil {
                    fields.append(FieldChange(.info, "\(path) (\(ref.name))", after: .unsetSecret(ref.name)))
                }
            }
        }
        kept = live.keys.filter { declared[$0] == nil }.sorted().map { "options.\($0)" }
        changed = merged != live
    }

    /// The value to send for a declared option: literals as written, set secrets by value, unset secrets by
    /// the live value (or left out when there is none).
    static func resolve(_ desired: DesiredValue, live: JSONValue?) -> JSONValue? {
        switch desired {
        case .literal(let value):
            return value
        case .secret(let ref):
            return ref.value.map(JSONValue.string) ?? live
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for (key, member) in members {
                if let value = resolve(member, live: live?[key]) { object[key] = value }
            }
            return .object(object)
        }
    }

    /// The options of a new connection and the unset secrets it would need.
    static func forCreate(_ declared: [String: Located<DesiredValue>], strategy: String)
        -> (options: [String: JSONValue], fields: [FieldChange], missing: [String])
    {
        var options: [String: JSONValue] = [:]
        var fields: [FieldChange] = []
        var missing: [String] = []
        for key in declared.keys.sorted() {
            let desired = declared[key]!.value
            let path = "options.\(key)"
            let unset = desired.secrets.filter { $0.value == nil }.map(\.name)
            missing += unset
            if let value = resolve(desired, live: nil) { options[key] = value }
            if case .secret(let ref) = desired, ref.value == nil {
                fields.append(FieldChange(.add, path, after: .unsetSecret(ref.name)))
            } else if desired.containsSecret
                || options[key].map({ SecretCatalogue.containsSecret(strategy: strategy, path: key, value: $0) }) == true
            {
                let display = SecretDisplay(strategy: strategy, key: key, desired: desired)
                fields.append(FieldChange(.add, path, after: display.show(desired, path: key)))
            } else if let value = options[key] {
                fields.append(FieldChange(.add, path, after: .json(value)))
            }
        }
        return (options, fields, missing)
    }
}
