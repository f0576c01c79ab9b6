import Output

/// The arguments of `tenantplan plan [DIR]` (``PlanCommand``).
struct PlanArguments {
    /// The tenant directory (default: the current directory).
    let directory: String
    /// `--format` (default `text`; ``PlanFormat``).
    let format: PlanFormat
    /// `--out FILE`: where to save the plan for `apply FILE`.
    let out: String?
    /// `--detailed-exitcode`: exit 2 when there are changes.
    let detailedExitcode: Bool
    /// `--target organization:NAME` (repeatable) or `--changed-since REV`; ``PlanScope/full`` without either.
    let scope: PlanScope
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `plan`.
    /// - Throws: ``CLIError/usage(_:)`` for an unknown option or format, a malformed scope or connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags.union(["detailed-exitcode"]),
            options: LiveTenantArguments.options.union(["format", "out", "target", "changed-since"]),
            repeatable: ["target"])
        directory = try args.directory()
        guard let format = PlanFormat.named(args.option("format")) else {
            throw CLIError.usage("--format takes \(PlanFormat.alternatives)")
        }
        self.format = format
        out = args.option("out")
        detailedExitcode = args.flags.contains("detailed-exitcode")
        scope = try PlanScope.parse(targets: args.options["target"] ?? [], changedSince: args.option("changed-since"))
        live = try LiveTenantArguments(args)
    }
}
