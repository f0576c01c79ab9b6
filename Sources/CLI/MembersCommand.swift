import Migration
import Output
import TerminalText

/// `tenantplan members DIR --organization NAME`: who is where in one organization (docs/sso-enforcement.md): each
/// member, the connections it signs in with, who the declared `login` locks out once the organization's plan is
/// applied, who was invited and who moved.
///
/// Options: `--format` (``MembersFormat``), `--tenant local:PATH` and the connection options
/// (``MembersArguments``). Reads only; the scope preflight is `members` (README's scopes table).
/// Exit: 0 once read; 1 on an error (the organization not declared or not live, a failed read).
enum MembersCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try MembersArguments(arguments)
        let pipeline = Pipeline(
            context: context, directory: args.directory, command: "members", connection: args.live.connection)
        let selection = try pipeline.selection(tenantOption: args.live.tenant)
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }
        let client = try await pipeline.client(for: tenant, opened: opened)

        let read = try await MemberRoster.read(
            organization: args.organization, tenant: tenant, client: client, now: context.now,
            parallelism: min(args.live.connection.parallelism, client.transport.readConcurrencyLimit))
        switch read {
        case .failure(let refused):
            for refusal in refused.refusals {
                context.stderr.write(
                    "tenantplan: error: \(TerminalText.escaped(refusal.rendered(directory: args.directory)))\n")
            }
            return ExitCode.failure
        case .success(let roster):
            context.stdout.write(
                args.format.renderer.render(
                    roster, directory: args.directory, target: client.transport.tenantDescription))
            return ExitCode.success
        }
    }
}
