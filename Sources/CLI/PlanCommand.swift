import Output

/// `tenantplan plan [DIR]`: read the live tenant, diff, print the plan.
///
/// Options: `--tenant local:PATH`, `--detailed-exitcode` (0 no changes, 2 changes, 1 error).
enum PlanCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: ["detailed-exitcode"], options: ["tenant"])
        let directory = try args.directory()
        let pipeline = Pipeline(context: context, directory: directory)
        let selection = try TenantSelection.choose(
            option: args.option("tenant"), directory: directory, environment: context.environment)
        let (loaded, transport) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }
        if let status = pipeline.checkBeforePlanning(tenant) { return status }
        let (plan, client) = try await pipeline.plan(tenant, transport: transport)
        let renderer = PlanTextRenderer(directory: directory, target: client.transport.tenantDescription)
        context.stdout.write(renderer.render(plan))
        return args.flags.contains("detailed-exitcode") && !plan.isEmpty ? ExitCode.changes : ExitCode.success
    }
}
