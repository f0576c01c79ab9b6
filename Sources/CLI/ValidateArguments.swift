/// The arguments of `tenantplan validate [DIR]`.
struct ValidateArguments {
    /// The tenant directory (default: the current directory).
    let directory: String

    /// Parses the arguments after `validate`.
    /// - Throws: ``CLIError/usage(_:)`` for an unknown option or more than one directory.
    init(_ arguments: [String]) throws {
        directory = try Arguments(arguments, flags: [], options: []).directory()
    }
}
