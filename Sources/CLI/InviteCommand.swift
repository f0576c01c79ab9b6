import Foundation
import InputFiles
import Invitations
import Migration
import Output
import TerminalText

/// `tenantplan invite DIR --organization NAME (--email ADDRESS | --from-csv FILE | --migrate) …`: create
/// organization invitations that follow the organization's invite policy (docs/onboarding.md); with `--migrate`,
/// one for each member the declared `login` locks out, to the organization's SSO connection, bound by member id
/// (docs/sso-enforcement.md).
///
/// Options: `--app-metadata KEY=VALUE` (repeatable; with `--from-csv`, a default for every row),
/// `--inviter NAME`, `--role NAME` (repeatable; each must be allowed by the policy), `--ttl DURATION` (`3d`,
/// `12h`, `3600s`), `--connection NAME` (`--migrate`), `--dry-run`, `--show-url`, `--format`
/// (``InvitationReportFormat``), `--tenant local:PATH` (``InviteArguments``).
///
/// Shape: parse the arguments (and the CSV file), one library call (``InviteRequest/run(tenant:now:connect:)`` or
/// ``MigrationInvitations/run(organization:tenant:now:connection:inviterName:roles:ttlSeconds:dryRun:parallelism:connect:)``:
/// the policy is checked from the YAML before the live tenant is opened, so a refusal exits 1 with no request),
/// render, exit code. The invitation URL is a bearer secret for the invitee: it is printed only when the policy
/// sets `send_invitation_email: false` (the operator must deliver it) or with `--show-url`.
/// Exit: 0 when every invitee was invited or skipped; 1 on a refusal, a rejected row or member, a failed create,
/// or a member needing a manual decision.
enum InviteCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try InviteArguments(arguments)
        let directory = args.directory
        let invitees: InviteRequest.Invitees
        if let csvPath = args.csvPath {
            switch try readCSV(csvPath) {
            case .success(let csv): invitees = .csv(csv, common: args.appMetadata)
            case .failure(let error): return printCSV(error, path: csvPath, context: context)
            }
        } else {
            invitees = .one(Invitee(email: args.email ?? "", appMetadata: args.appMetadata))
        }

        let pipeline = Pipeline(
            context: context, directory: directory, command: args.migrate ? "invite --migrate" : "invite",
            connection: args.live.connection)
        let selection = try pipeline.selection(tenantOption: args.live.tenant)
        let lock = args.dryRun ? nil : try pipeline.lockForWriting(selection)
        defer { lock?.release() }
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }
        let connect = { try await pipeline.client(for: tenant, opened: opened) }

        let result: Result<InvitationReport, InviteRequest.Stop>
        if args.migrate {
            result = try await MigrationInvitations.run(
                organization: args.organization, tenant: tenant, now: context.now, connection: args.connection,
                inviterName: args.inviter, roles: args.roles, ttlSeconds: args.ttlSeconds, dryRun: args.dryRun,
                parallelism: args.live.connection.parallelism, connect: connect
            ).mapError(InviteRequest.Stop.refused)
        } else {
            result = try await InviteRequest(
                organization: args.organization, invitees: invitees, inviterName: args.inviter, roles: args.roles,
                ttlSeconds: args.ttlSeconds, dryRun: args.dryRun
            ).run(tenant: tenant, now: context.now, connect: connect)
        }

        switch result {
        case .failure(.refused(let refused)): return refuse(refused, context: context, directory: directory)
        case .failure(.csv(let error)): return printCSV(error, path: args.csvPath ?? "", context: context)
        case .success(let report):
            let showURL = args.showURL || !report.template.sendInvitationEmail
            context.stdout.write(
                args.format.renderer.render(
                    report, showURL: showURL, bulk: args.csvPath != nil || args.migrate, directory: directory))
            return report.succeeded ? ExitCode.success : ExitCode.failure
        }
    }

    /// Reads and parses the CSV file of `--from-csv` (``InputFile``, the invitation CSV cap).
    /// - Returns: The CSV, or the error in its contents (printed by ``printCSV(_:path:context:)``).
    /// - Throws: ``CLIError/unsupported(_:)`` for a file that cannot be read or is not UTF-8.
    static func readCSV(_ path: String) throws -> Result<InvitationCSV, InvitationCSVError> {
        switch InputFile.read(path, limit: .invitationCSV) {
        case .success(let bytes):
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw CLIError.unsupported("cannot read \(path): it is not UTF-8 text")
            }
            do { return .success(try InvitationCSV(parsing: text)) } catch let error as InvitationCSVError {
                return .failure(error)
            }
        case .failure(let failure): throw CLIError.unsupported("cannot read \(path): \(failure.reason)")
        }
    }

    /// Prints a CSV error as `FILE: error: …`; exit 1.
    static func printCSV(_ error: InvitationCSVError, path: String, context: CommandContext) -> Int32 {
        context.stderr.write(TerminalText.escaped("\(path): error: \(error)") + "\n")
        return ExitCode.failure
    }

    /// Prints every refusal to stderr, one line each; nothing was written.
    static func refuse(_ refused: InvitationRefused, context: CommandContext, directory: String) -> Int32 {
        for refusal in refused.refusals {
            context.stderr.write("tenantplan: invite refused: \(TerminalText.escaped(refusal.rendered(directory: directory)))\n")
        }
        return ExitCode.failure
    }
}
