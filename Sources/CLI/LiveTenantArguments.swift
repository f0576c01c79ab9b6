/// The options of every command that reads the live tenant (`plan`, `apply`, `invite`, `invitations`,
/// `export`): which tenant (`--tenant local:PATH`) and how a remote one is paced (``ConnectionOptions``).
struct LiveTenantArguments {
    /// The flags these options add to a command's.
    static let flags = ConnectionOptions.flags
    /// The options these options add to a command's.
    static let options = ConnectionOptions.options.union(["tenant"])

    /// `--tenant local:PATH`, if given.
    let tenant: String?
    /// `--max-rps`, `--parallelism`, `--verbose`.
    let connection: ConnectionOptions

    /// Reads them from a command's parsed arguments.
    /// - Throws: ``CLIError/usage(_:)`` for a connection option out of range.
    init(_ args: Arguments) throws {
        tenant = args.option("tenant")
        connection = try ConnectionOptions(args)
    }
}
