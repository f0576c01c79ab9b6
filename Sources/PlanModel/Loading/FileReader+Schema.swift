import Auth0Schema
import JSONValues
import YAML

/// One request schema a declared object is checked against.
struct SchemaTarget {
    /// The schema's name in `components.schemas` (``RequestSchema``).
    let schema: String
    /// The part of the body it validates: `[]` the whole body, `["options"]` a connection's options.
    var at: [String] = []
    /// Members the request does not carry (an update carries no `name` or `strategy`).
    var omitting: Set<String> = []
}

/// Checks declared objects against Auth0's request schemas (``RequestSchema``) and reports every violation at the
/// YAML location of the offending value (of its key for an extra or missing member), under the YAML key path, in
/// words that say what Auth0 requires. docs/auth0-fidelity.md, "What the loader refuses".
extension FileReader {
    /// Where the value `node` (of the key `key`) is written, under the YAML key path `yamlPath`.
    func place(_ yamlPath: String, _ node: YAMLNode, key: YAMLNode?) -> DeclaredBody.Place {
        DeclaredBody.Place(yamlPath: yamlPath, value: location(node), key: key.map { location($0) })
    }

    /// Validates `body` against each of `targets` and reports the violations, one per location.
    ///
    /// Left to the readers: `required` (the readers check the YAML's required keys, and a value they refused is
    /// missing from the body) and the body's own `minProperties` (tenantplan never sends an empty update). A
    /// `${env:NAME}` value is checked for its type only and never shown; nor is a literal at a secret path of
    /// `options` (``SecretCatalogue``).
    /// - Parameters:
    ///   - strategy: The connection's strategy, which decides the secret paths of `options`; `nil` for other objects.
    ///   - since: The index in ``diagnostics`` where this object's reader errors begin: a location the reader
    ///     already reported an error at is not reported again.
    /// - Returns: The top-level members with a violation.
    @discardableResult
    mutating func checkSchemas(_ body: DeclaredBody, _ targets: [SchemaTarget], strategy: String? = nil, since: Int)
        -> Set<String>
    {
        var reported = Set(diagnostics[since...].filter { $0.severity == .error }.compactMap(\.location))
        var seen: Set<[String]> = []
        var refused: Set<String> = []
        // Targets checked so far, with the members their instance held: a member holding the same value under the
        // same schema in an earlier target would only repeat that target's violations, which `seen` drops.
        var checked: [(target: SchemaTarget, instance: JSONValue)] = []
        for target in targets {
            var instance = body.json(omitting: target.omitting)
            var present = true
            for name in target.at {
                guard let member = instance[name] else { present = false; break }
                instance = member
            }
            guard present else { continue }
            var skipping: Set<String> = []
            for earlier in checked where earlier.target.at == target.at {
                for name in RequestSchema.validator.sameMemberSchemas(earlier.target.schema, target.schema)
                where earlier.instance[name] != nil {
                    skipping.insert(name)
                }
            }
            checked.append((target, instance))
            let violations = RequestSchema.validator.validate(
                instance, referencing: target.schema, skippingMembers: skipping)
            for violation in violations {
                let path = target.at + violation.path
                if violation.keyword == "required" || (violation.keyword == "minProperties" && path.isEmpty) {
                    continue
                }
                let environment = body.environment(at: path)
                if environment != nil, violation.keyword != "type" { continue }
                // An alternative that failed on a `${env:NAME}` value's content (`decryptionKey: {key: ${env:K},
                // cert: ${env:C}}` with the variables unset) is undecided: the value is checked for its type only.
                if violation.inner.contains(where: {
                    $0.keyword != "type" && body.environment(at: target.at + $0.path) != nil
                }) {
                    continue
                }
                guard seen.insert(path + ["\u{0}" + violation.keyword]).inserted else { continue }
                let explained = SchemaViolationText(
                    violation: violation, path: path, target: target, body: body, instance: instance,
                    strategy: strategy, environment: environment)
                for (message, location) in explained.diagnostics() where reported.insert(location).inserted {
                    error(message, at: location)
                    if let first = path.first { refused.insert(first) }
                }
            }
        }
        return refused
    }
}
