import Output
import Foundation
import InputFiles
import LocalTenant
import Invitations
import JSONValues
import ManagementAPI
import PlanModel
import TerminalText

/// `tenantplan invite DIR --organization NAME (--email ADDRESS | --from-csv FILE) …`: create organization
/// invitations that follow the organization's invite policy (docs/onboarding.md).
///
/// Options: `--app-metadata KEY=VALUE` (repeatable; with `--from-csv`, a default for every row),
/// `--inviter NAME`, `--role NAME` (repeatable; each must be allowed by the policy), `--ttl DURATION` (`3d`,
/// `12h`, `3600s`), `--dry-run`, `--show-url`, `--format` (``InvitationReportFormat``), `--tenant local:PATH` (``InviteArguments``).
///
/// Order: load the directory while the live tenant opens, check the request against the policy (a refusal exits
/// 1 before any request), resolve ids and read pending invitations (reads), then create one invitation at a time.
/// The invitation URL is a bearer secret for the invitee: it is printed only when the policy sets
/// `send_invitation_email: false` (the operator must deliver it) or with `--show-url`.
/// Exit: 0 when every invitee was invited or skipped; 1 on a refusal, a rejected row or a failed create.
enum InviteCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try InviteArguments(arguments)
        let (directory, organization, email, csvPath) = (args.directory, args.organization, args.email, args.csvPath)
        var csv: InvitationCSV?
        if let csvPath {
            let text: String
            switch InputFile.read(csvPath, limit: .invitationCSV) {
            case .success(let bytes):
                guard let decoded = String(data: bytes, encoding: .utf8) else {
                    throw CLIError.unsupported("cannot read \(csvPath): it is not UTF-8 text")
                }
                text = decoded
            case .failure(let failure): throw CLIError.unsupported("cannot read \(csvPath): \(failure.reason)")
            }
            do { csv = try InvitationCSV(parsing: text) } catch let error as InvitationCSVError {
                context.stderr.write(TerminalText.escaped("\(csvPath): error: \(error)") + "\n")
                return ExitCode.failure
            }
        }

        let pipeline = Pipeline(context: context, directory: directory, command: "invite", connection: args.live.connection)
        let selection = try pipeline.selection(tenantOption: args.live.tenant)
        let lock = args.dryRun ? nil : try pipeline.lockForWriting(selection)
        defer { lock?.release() }
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }

        let template: InvitationTemplate
        switch InvitePolicyCheck.template(
            organization: organization, in: tenant, inviterName: args.inviter, roles: args.roles,
            ttlSeconds: args.ttlSeconds)
        {
        case .failure(let refused): return refuse(refused, context: context, directory: directory)
        case .success(let checked): template = checked
        }
        var invitees: [Invitee] = []
        var rejected: [InvitationOutcome] = []
        if let email {
            let invitee = Invitee(email: email, appMetadata: args.appMetadata)
            let refusals = InvitePolicyCheck.check(invitee, against: template)
            guard refusals.isEmpty else {
                return refuse(InvitationRefused(refusals), context: context, directory: directory)
            }
            invitees = [invitee]
        } else if let csv, let csvPath {
            do {
                (invitees, rejected) = try csv.invitees(required: template.requiredAppMetadata, common: args.appMetadata)
            } catch let error as InvitationCSVError {
                context.stderr.write(TerminalText.escaped("\(csvPath): error: \(error)") + "\n")
                return ExitCode.failure
            }
        }

        let client = try await pipeline.client(for: tenant, opened: opened)
        let report: InvitationReport
        switch try await Inviter(client: client, now: context.now).run(
            template, invitees: invitees, rejected: rejected, dryRun: args.dryRun)
        {
        case .failure(let refused): return refuse(refused, context: context, directory: directory)
        case .success(let done): report = done
        }
        let showURL = args.showURL || !template.sendInvitationEmail
        context.stdout.write(
            args.format.renderer.render(report, showURL: showURL, bulk: csvPath != nil, directory: directory))
        return report.succeeded ? ExitCode.success : ExitCode.failure
    }

    /// Prints every refusal to stderr, one line each; nothing was written.
    static func refuse(_ refused: InvitationRefused, context: CommandContext, directory: String) -> Int32 {
        for refusal in refused.refusals {
            context.stderr.write("tenantplan: invite refused: \(TerminalText.escaped(refusal.rendered(directory: directory)))\n")
        }
        return ExitCode.failure
    }
}
