import Output

/// The arguments of `tenantplan members [DIR] --organization NAME` (``MembersCommand``).
struct MembersArguments {
    /// The tenant directory (default: the current directory).
    let directory: String
    /// `--organization NAME`.
    let organization: String
    /// `--format` (default `text`; ``MembersFormat``).
    let format: MembersFormat
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `members`.
    /// - Throws: ``CLIError/usage(_:)`` without `--organization`, for an unknown option or format, or a malformed
    ///   connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags,
            options: LiveTenantArguments.options.union(["organization", "format"]))
        directory = try args.directory()
        guard let organization = args.option("organization"), !organization.isEmpty else {
            throw CLIError.usage("members needs --organization NAME")
        }
        self.organization = organization
        guard let format = MembersFormat.named(args.option("format")) else {
            throw CLIError.usage("--format takes \(MembersFormat.alternatives) here, got '\(args.option("format") ?? "")'")
        }
        self.format = format
        live = try LiveTenantArguments(args)
    }
}
