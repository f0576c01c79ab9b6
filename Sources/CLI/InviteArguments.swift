import Foundation
import Output
import PlanModel

/// The arguments of `tenantplan invite [DIR] --organization NAME (--email ADDRESS | --from-csv FILE)`
/// (``InviteCommand``).
struct InviteArguments {
    /// The tenant directory (default: the current directory).
    let directory: String
    /// `--organization NAME`.
    let organization: String
    /// `--format` (default `text`; ``InvitationReportFormat``).
    let format: InvitationReportFormat
    /// `--email ADDRESS`, spaces around it removed; exactly one of ``email``, ``csvPath`` and ``migrate`` is set.
    let email: String?
    /// `--migrate`: invite the members at risk under the declared `login` to the SSO connection
    /// (docs/sso-enforcement.md).
    let migrate: Bool
    /// `--connection NAME` (with `--migrate` only): the SSO connection to invite to.
    let connection: String?
    /// `--from-csv FILE`.
    let csvPath: String?
    /// `--ttl` in seconds (`3d`, `12h`, `3600s`), if given.
    let ttlSeconds: Int?
    /// `--app-metadata KEY=VALUE` (repeatable): key -> value.
    let appMetadata: [String: String]
    /// `--inviter NAME`, if given.
    let inviter: String?
    /// `--role NAME` (repeatable), or `nil` when none was given (the policy's roles).
    let roles: [String]?
    /// `--dry-run`: send nothing.
    let dryRun: Bool
    /// `--show-url`: print the invitation URL.
    let showURL: Bool
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `invite`.
    /// - Throws: ``CLIError/usage(_:)`` without `--organization`, without exactly one of `--email`, `--from-csv`
    ///   and `--migrate`, for `--app-metadata` with `--migrate` or `--connection` without it, for a bad `--ttl`,
    ///   `--app-metadata` or format, an unknown option or a malformed connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags.union(["dry-run", "show-url", "migrate"]),
            options: LiveTenantArguments.options.union([
                "organization", "email", "app-metadata", "inviter", "role", "ttl", "format", "from-csv", "connection",
            ]),
            repeatable: ["app-metadata", "role"])
        directory = try args.directory()
        guard let organization = args.option("organization"), !organization.isEmpty else {
            throw CLIError.usage("invite needs --organization NAME")
        }
        self.organization = organization
        format = try InvitationReportFormat.parse(args.option("format"))
        email = args.option("email")?.trimmingCharacters(in: .whitespaces)
        csvPath = args.option("from-csv")
        migrate = args.flags.contains("migrate")
        connection = args.option("connection")
        guard [email != nil, csvPath != nil, migrate].filter({ $0 }).count == 1 else {
            throw CLIError.usage("invite needs one of --email ADDRESS, --from-csv FILE or --migrate")
        }
        if migrate, args.options["app-metadata"] != nil {
            throw CLIError.usage(
                "--migrate takes no --app-metadata: each invitation carries the member's own member id")
        }
        if !migrate, connection != nil {
            throw CLIError.usage("--connection is for --migrate; an invitation's connection is the invite policy's")
        }
        if let text = args.option("ttl") {
            guard let seconds = DurationText.seconds(text), seconds >= 1 else {
                throw CLIError.usage("--ttl takes a duration of at least 1s, such as 7d, 12h or 3600s")
            }
            ttlSeconds = seconds
        } else {
            ttlSeconds = nil
        }
        var metadata: [String: String] = [:]
        for pair in args.options["app-metadata"] ?? [] {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CLIError.usage("--app-metadata takes KEY=VALUE, got '\(pair)'")
            }
            let key = String(pair[..<eq])
            guard metadata[key] == nil else { throw CLIError.usage("--app-metadata \(key)= is given twice; give it once") }
            metadata[key] = String(pair[pair.index(after: eq)...])
        }
        appMetadata = metadata
        inviter = args.option("inviter")
        roles = args.options["role"]
        dryRun = args.flags.contains("dry-run")
        showURL = args.flags.contains("show-url")
        live = try LiveTenantArguments(args)
    }
}
