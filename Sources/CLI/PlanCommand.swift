import Diff
import ManagementAPI
import Output

/// `tenantplan plan [DIR]`: read the live tenant, diff, print the plan.
///
/// Options: `--tenant local:PATH`, `--detailed-exitcode` (0 no changes, 2 changes, 1 error).
enum PlanCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: ["detailed-exitcode"], options: ["tenant"])
        let directory = try args.directory()
        let pipeline = Pipeline(context: context, directory: directory)
        let (plan, client): (Plan, ManagementClient)
        switch try await pipeline.checkedPlan(tenantOption: args.option("tenant")) {
        case .failure(let stop): return stop.status
        case .success(let planned): (plan, client) = planned
        }
        let renderer = PlanTextRenderer(directory: directory, target: client.transport.tenantDescription)
        context.stdout.write(renderer.render(plan))
        return args.flags.contains("detailed-exitcode") && !plan.isEmpty ? ExitCode.changes : ExitCode.success
    }
}
