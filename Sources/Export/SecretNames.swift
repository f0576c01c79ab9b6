/// The `${env:NAME}` names given so far in one export, kept unique.
struct SecretNames {
    /// Every variable, in the order given.
    private(set) var variables: [SecretVariable] = []
    private var taken: Set<String> = []

    /// The name for a secret: ``SecretVariable/name(connection:path:)``, or with `_2`, `_3`, … appended when that
    /// name is taken already or `reserved` (names given to other secrets of the option being converted);
    /// connections and keys are visited in sorted order, so the suffix is stable.
    func name(connection: String, path: String, reserved: [SecretVariable]) -> String {
        let base = SecretVariable.name(connection: connection, path: path)
        var name = base
        var suffix = 2
        while taken.contains(name) || reserved.contains(where: { $0.name == name }) {
            name = "\(base)_\(suffix)"
            suffix += 1
        }
        return name
    }

    /// Records the secrets of an option that is written.
    mutating func add(_ secrets: [SecretVariable]) {
        for secret in secrets {
            taken.insert(secret.name)
            variables.append(secret)
        }
    }
}
