/// Parsed command-line arguments: one optional positional argument and `--flag` / `--option VALUE` pairs.
struct Arguments {
    var positional: [String] = []
    var flags: Set<String> = []
    var options: [String: [String]] = [:]

    /// Parses `arguments` against the flags and options a command accepts.
    /// - Parameter repeatable: Options that may be given more than once (`--role`); any other given twice is an
    ///   error rather than a silent "last one wins".
    /// - Throws: ``CLIError/usage(_:)`` for an unknown flag, a missing value or a repeated option.
    init(
        _ arguments: [String], flags allowedFlags: Set<String>, options allowedOptions: Set<String>,
        repeatable: Set<String> = []
    ) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                positional += rest
                break
            }
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if allowedFlags.contains(name) {
                guard value == nil else { throw CLIError.usage("--\(name) takes no value") }
                flags.insert(name)
            } else if allowedOptions.contains(name) {
                guard let v = value ?? rest.popFirst() else { throw CLIError.usage("--\(name) needs a value") }
                if options[name] != nil, !repeatable.contains(name) {
                    throw CLIError.usage("--\(name) is given twice; give it once")
                }
                options[name, default: []].append(v)
            } else {
                throw CLIError.usage("unknown option --\(name)")
            }
        }
    }

    func option(_ name: String) -> String? { options[name]?.last }

    /// The tenant directory: the one positional argument, or the current directory.
    func directory() throws -> String {
        guard positional.count <= 1 else {
            throw CLIError.usage("expected one tenant directory, got \(positional.joined(separator: " "))")
        }
        return positional.first ?? "."
    }
}
