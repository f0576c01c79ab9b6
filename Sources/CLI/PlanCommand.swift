import Diff
import ManagementAPI
import Output

/// `tenantplan plan [DIR]`: read the live tenant, diff, print the plan.
///
/// Options: `--tenant local:PATH`, `--detailed-exitcode` (0 no changes, 2 changes, 1 error),
/// `--format text|json|markdown` (json: ``PlanJSONRenderer``, policy warnings included; markdown: a pull-request
/// comment, ``PlanMarkdownRenderer``).
enum PlanCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: ["detailed-exitcode"], options: ["tenant", "format"])
        let directory = try args.directory()
        let format = args.option("format") ?? "text"
        guard ["text", "json", "markdown"].contains(format) else {
            throw CLIError.usage("--format takes text, json or markdown")
        }
        let pipeline = Pipeline(context: context, directory: directory)
        let planned: (plan: Plan, client: ManagementClient, findings: PolicyReport)
        switch try await pipeline.checkedPlan(tenantOption: args.option("tenant"), json: format == "json") {
        case .failure(let stop): return stop.status
        case .success(let result): planned = result
        }
        let target = planned.client.transport.tenantDescription
        if format == "json" {
            context.stdout.write(
                PlanJSONRenderer(directory: directory, target: target).render(planned.plan, findings: planned.findings))
        } else if format == "markdown" {
            context.stdout.write(PlanMarkdownRenderer(directory: directory, target: target).render(planned.plan))
        } else {
            context.stdout.write(PlanTextRenderer(directory: directory, target: target).render(planned.plan))
        }
        let changes = args.flags.contains("detailed-exitcode") && !planned.plan.isEmpty
        return changes ? ExitCode.changes : ExitCode.success
    }
}

import Policy
