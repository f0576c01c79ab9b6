import Foundation
import Output
import TerminalText

/// The `tenantplan` command line: dispatches to one command per file and maps errors to exit codes.
public enum TenantplanCLI {
    /// The usage text.
    public static let usage = """
        tenantplan: policy-checked configuration-as-code for Auth0 B2B tenants

        usage:
          tenantplan --version                   print the version
          tenantplan COMMAND --help              the usage of one command
          tenantplan validate [DIR]              load and validate DIR; no network
          tenantplan check [DIR]                 validate, then run the policy rules; no network
          tenantplan plan [DIR]                  check, read the live tenant, diff, print the plan
          tenantplan apply [DIR] --auto-approve  plan, then carry the plan out
          tenantplan apply FILE                  carry out a plan saved by plan --out FILE, or refuse it as stale
          tenantplan invite [DIR] --organization NAME (--email ADDRESS | --from-csv FILE)
                                                 invite people as the organization's invite policy allows
                                                 or --migrate: invite the members at risk to the SSO connection
          tenantplan invitations [DIR] --organization NAME [--expired] [--revoke-expired]
                                                 list pending invitations; revoke expired ones
          tenantplan members [DIR] --organization NAME
                                                 who is where: members at risk, invited, moved
          tenantplan export [DIR] --out OUTDIR [--domain HOST] [--force]
                                                 write the live tenant as YAML; secrets as ${env:NAME}
          tenantplan schema (tenant|customer | --out DIR)
                                                 the JSON Schemas editors validate tenant files with

        options:
          --no-color                no colour (also: NO_COLOR set, or output not a terminal)
          --tenant local:PATH       the embedded local tenant saved at PATH
                                    (default: DIR/.tenantplan/local-tenant.json, unless AUTH0_DOMAIN is set)
          --format FORMAT           check: \(FindingsFormat.helpChoices);
                                    plan: \(PlanFormat.names.joined(separator: ", ")); invite(ations): \(InvitationReportFormat.names.joined(separator: ", "));
                                    members: \(MembersFormat.names.joined(separator: ", "))
          --detailed-exitcode       plan: exit 2 when there are changes
          --out FILE                plan: also save the plan for apply FILE (no secret in it)
          --target organization:NAME
                                    plan: only that customer (repeatable)
          --changed-since REV       plan: only the customers whose files changed since git revision REV
          --auto-approve            apply: do not ask for confirmation
          --allow-destroy           apply: destroy marked resources no longer declared
          --allow-identity-change   apply: replace connections / change how users are keyed
          --allow-member-lockout    apply: remove enabled connections members still sign in through
          --app-metadata KEY=VALUE  invite: app_metadata for the invitee (repeatable; member_id=...)
          --inviter NAME, --role NAME, --ttl 3d
                                    invite: inviter name; roles and lifetime within the policy
          --dry-run, --show-url     invite: send nothing / print the invitation URL (a bearer secret)
          --max-rps N, --parallelism N, --verbose
                                    remote tenant: requests per second (default 5), requests in flight
                                    (default 4), log each request's method, path, status, duration

        remote tenant: AUTH0_DOMAIN with AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_API_TOKEN

        exit codes: 0 success, no changes; 1 error; 2 changes present (--detailed-exitcode); 3 policy errors

        """

    /// Runs one command.
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - context: Environment, streams and the live-tenant opener.
    /// - Returns: The exit status (see ``ExitCode``).
    public static func run(_ arguments: [String], context: CommandContext) async -> Int32 {
        // `--no-color` is accepted by every command, anywhere before `--`.
        var context = context
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        var arguments = arguments
        if arguments[..<end].contains("--no-color") {
            context.noColorFlag = true
            arguments = arguments[..<end].filter { $0 != "--no-color" } + arguments[end...]
        }
        guard let command = arguments.first else {
            context.stderr.write(usage)
            return ExitCode.failure
        }
        if command == "--version" || command == "version" {
            context.stdout.write(ToolIdentity.versionLine)
            return ExitCode.success
        }
        let rest = Array(arguments.dropFirst())
        let restEnd = rest.firstIndex(of: "--") ?? rest.endIndex
        if rest[..<restEnd].contains("--help") || rest[..<restEnd].contains("-h") {
            context.stdout.write(CommandHelp.usage(of: command) ?? usage)
            return ExitCode.success
        }
        if command == "help", let topic = rest.first, let help = CommandHelp.usage(of: topic) {
            context.stdout.write(help)
            return ExitCode.success
        }
        do {
            switch command {
            case "validate": return try await ValidateCommand.run(rest, context: context)
            case "check": return try await CheckCommand.run(rest, context: context)
            case "plan": return try await PlanCommand.run(rest, context: context)
            case "apply": return try await ApplyCommand.run(rest, context: context)
            case "invite": return try await InviteCommand.run(rest, context: context)
            case "invitations": return try await InvitationsCommand.run(rest, context: context)
            case "members": return try await MembersCommand.run(rest, context: context)
            case "export": return try await ExportCommand.run(rest, context: context)
            case "schema": return try await SchemaCommand.run(rest, context: context)
            case "help", "--help", "-h":
                context.stdout.write(usage)
                return ExitCode.success
            default:
                throw CLIError.usage("unknown command '\(command)'")
            }
        } catch {
            context.stderr.write("tenantplan: error: \(TerminalText.escaped("\(error)"))\n")
            return ExitCode.failure
        }
    }
}
