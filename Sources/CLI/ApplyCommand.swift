import Apply
import Diff
import ManagementAPI
import Output

/// `tenantplan apply [DIR]`: plan, then carry the plan out.
///
/// Options: `--tenant local:PATH`, `--auto-approve` (no confirmation), `--allow-destroy`, `--allow-identity-change`.
/// Without `--auto-approve` the plan is shown and `yes` is asked for on a terminal; with no terminal, apply refuses.
enum ApplyCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(
            arguments, flags: ["auto-approve", "allow-destroy", "allow-identity-change"], options: ["tenant"])
        let directory = try args.directory()
        let pipeline = Pipeline(context: context, directory: directory)
        let (plan, client): (Plan, ManagementClient)
        switch try await pipeline.checkedPlan(tenantOption: args.option("tenant")) {
        case .failure(let stop): return stop.status
        case .success(let planned): (plan, client) = (planned.plan, planned.client)
        }
        let options = ApplyOptions(
            allowDestroy: args.flags.contains("allow-destroy"),
            allowIdentityChange: args.flags.contains("allow-identity-change"))
        let renderer = PlanTextRenderer(
            directory: directory, target: client.transport.tenantDescription, command: "apply", given: options)
        context.stdout.write(renderer.render(plan))
        guard !plan.isEmpty else { return ExitCode.success }

        do {
            try Applier.preflight(plan, options: options)
        } catch let refusal as ApplyRefusal {
            context.stderr.write("tenantplan: apply refused: \(refusal)\n")
            return ExitCode.failure
        }
        if !args.flags.contains("auto-approve") {
            guard context.isInteractive else {
                context.stderr.write(
                    "tenantplan: apply needs confirmation: run it with a terminal on standard input, or pass "
                        + "--auto-approve after reviewing the plan; nothing was applied\n")
                return ExitCode.failure
            }
            context.stdout.write("\nApply these changes to \(client.transport.tenantDescription)? Only 'yes' is accepted: ")
            guard let answer = context.readConfirmation() else {
                context.stderr.write("\ntenantplan: no answer; nothing was applied\n")
                return ExitCode.failure
            }
            guard answer.trimmingCharacters(in: .whitespaces) == "yes" else {
                context.stderr.write("tenantplan: apply cancelled; nothing was applied\n")
                return ExitCode.failure
            }
        }
        let stderr = context.stderr
        let report = try await Applier(client: client).apply(plan, options: options) { line in
            stderr.write("  \(line)\n")
        }
        context.stdout.write("\n" + ApplyReportRenderer.render(report, directory: directory))
        return report.succeeded ? ExitCode.success : ExitCode.failure
    }
}

import Foundation
