import Output

/// The arguments of `tenantplan invitations [DIR] --organization NAME` (``InvitationsCommand``).
struct InvitationsArguments {
    /// The tenant directory (default: the current directory).
    let directory: String
    /// `--organization NAME`.
    let organization: String
    /// `--format` (default `text`; ``InvitationReportFormat``).
    let format: InvitationReportFormat
    /// `--expired`: list only expired invitations.
    let expired: Bool
    /// `--revoke-expired`: delete the expired invitations.
    let revokeExpired: Bool
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `invitations`.
    /// - Throws: ``CLIError/usage(_:)`` without `--organization`, for an unknown option or format, or a malformed
    ///   connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags.union(["expired", "revoke-expired"]),
            options: LiveTenantArguments.options.union(["organization", "format"]))
        directory = try args.directory()
        guard let organization = args.option("organization"), !organization.isEmpty else {
            throw CLIError.usage("invitations needs --organization NAME")
        }
        self.organization = organization
        format = try InvitationReportFormat.parse(args.option("format"))
        expired = args.flags.contains("expired")
        revokeExpired = args.flags.contains("revoke-expired")
        live = try LiveTenantArguments(args)
    }
}
