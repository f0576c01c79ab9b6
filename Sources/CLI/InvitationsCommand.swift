import Output
import Foundation
import LocalTenant
import Invitations
import JSONValues
import ManagementAPI
import TerminalText

/// `tenantplan invitations DIR --organization NAME [--expired] [--revoke-expired]`: list an organization's
/// pending invitations (invitee, roles, expiry, whether expired) and revoke the expired ones.
///
/// Options: `--expired` (list only expired invitations), `--revoke-expired` (`DELETE` each expired invitation),
/// `--format` (``InvitationReportFormat``), `--tenant local:PATH` (``InvitationsArguments``). Invitation URLs are never printed (bearer secrets).
/// Exit: 0 on success; 1 on an error or a failed revocation.
enum InvitationsCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try InvitationsArguments(arguments)
        let (directory, organization) = (args.directory, args.organization)
        let pipeline = Pipeline(
            context: context, directory: directory, command: "invitations", connection: args.live.connection)
        let selection = try pipeline.selection(tenantOption: args.live.tenant)
        let lock = args.revokeExpired ? try pipeline.lockForWriting(selection) : nil
        defer { lock?.release() }
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }
        let client = try await pipeline.client(for: tenant, opened: opened)

        let pending: PendingInvitations
        switch try await PendingInvitations.read(
            organization: organization, tenant: tenant, client: client, now: context.now)
        {
        case .failure(let refused):
            for refusal in refused.refusals {
                context.stderr.write("tenantplan: error: \(TerminalText.escaped(refusal.rendered(directory: directory)))\n")
            }
            return ExitCode.failure
        case .success(let read): pending = read
        }
        let revocations = args.revokeExpired ? await pending.revokeExpired(client: client) : nil
        let shown = args.expired ? pending.expired : pending.entries
        context.stdout.write(args.format.renderer.render(pending, shown: shown, revocations: revocations))
        let failed = revocations?.contains { $0.status.isFailure } ?? false
        return failed ? ExitCode.failure : ExitCode.success
    }
}
