import Output

/// The arguments of `tenantplan check [DIR] [--format FORMAT]` (formats: ``FindingsFormat``).
struct CheckArguments {
    /// The tenant directory (default: the current directory).
    let directory: String
    /// `--format` (default `text`).
    let format: FindingsFormat

    /// Parses the arguments after `check`.
    /// - Throws: ``CLIError/usage(_:)``: `--format takes one of: text, json, sarif, github, junit`, or an unknown
    ///   option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(arguments, flags: [], options: ["format"])
        directory = try args.directory()
        guard let format = FindingsFormat.named(args.option("format")) else {
            throw CLIError.usage("--format takes one of: \(FindingsFormat.names.joined(separator: ", "))")
        }
        self.format = format
    }
}
