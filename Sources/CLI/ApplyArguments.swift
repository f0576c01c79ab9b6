import Apply

/// The arguments of `tenantplan apply [DIR | FILE]` (``ApplyCommand``).
struct ApplyArguments {
    /// The tenant directory, or a plan saved by `plan --out FILE` (default: the current directory).
    let path: String
    /// `--auto-approve`: do not ask for confirmation.
    let autoApprove: Bool
    /// `--allow-destroy`, `--allow-identity-change`.
    let options: ApplyOptions
    /// `--tenant local:PATH`, if given.
    let tenant: String?
    /// `--max-rps`, `--parallelism`, `--verbose`.
    let connection: ConnectionOptions

    /// Parses the arguments after `apply`.
    /// - Throws: ``CLIError/usage(_:)`` for an unknown option or a malformed connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: ConnectionOptions.flags.union(["auto-approve", "allow-destroy", "allow-identity-change"]),
            options: ConnectionOptions.options.union(["tenant"]))
        connection = try ConnectionOptions(args)
        path = try args.directory()
        autoApprove = args.flags.contains("auto-approve")
        options = ApplyOptions(
            allowDestroy: args.flags.contains("allow-destroy"),
            allowIdentityChange: args.flags.contains("allow-identity-change"))
        tenant = args.option("tenant")
    }
}
