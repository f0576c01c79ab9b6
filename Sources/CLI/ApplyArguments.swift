import Apply

/// The arguments of `tenantplan apply [DIR | FILE]` (``ApplyCommand``).
struct ApplyArguments {
    /// The tenant directory, or a plan saved by `plan --out FILE` (default: the current directory).
    let path: String
    /// `--auto-approve`: do not ask for confirmation.
    let autoApprove: Bool
    /// `--allow-destroy`, `--allow-identity-change`, `--allow-member-lockout`.
    let options: ApplyOptions
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `apply`.
    /// - Throws: ``CLIError/usage(_:)`` for an unknown option or a malformed connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags.union([
                "auto-approve", "allow-destroy", "allow-identity-change", "allow-member-lockout",
            ]),
            options: LiveTenantArguments.options)
        live = try LiveTenantArguments(args)
        path = try args.directory()
        autoApprove = args.flags.contains("auto-approve")
        options = ApplyOptions(
            allowDestroy: args.flags.contains("allow-destroy"),
            allowIdentityChange: args.flags.contains("allow-identity-change"),
            allowMemberLockout: args.flags.contains("allow-member-lockout"))
    }
}
