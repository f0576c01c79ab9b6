import Apply
import Diff
import Foundation
import InputFiles
import LocalTenant
import ManagementAPI
import Output
import PlanModel
import Policy
import TerminalText

/// `tenantplan apply [DIR]` plans, then carries the plan out; `tenantplan apply FILE` carries out a plan saved
/// by `plan --out FILE`, after checking it is still the plan apply would make (docs/saved-plans.md).
///
/// Options: `--tenant local:PATH`, `--auto-approve` (no confirmation), `--allow-destroy`, `--allow-identity-change`,
/// `--allow-member-lockout` (remove enabled connections members still sign in through).
/// Without `--auto-approve` the plan is shown and `yes` is asked for on a terminal; with no terminal, apply refuses.
/// A saved plan was reviewed already: it is applied without a question, as `terraform apply PLANFILE` does.
enum ApplyCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try ApplyArguments(arguments)
        let (connection, path, options) = (args.live.connection, args.path, args.options)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try await applySaved(
                path, tenantOption: args.live.tenant, options: options, connection: connection, context: context)
        }
        let pipeline = Pipeline(context: context, directory: path, command: "apply", connection: connection)
        let lock = try pipeline.lockForWriting(pipeline.selection(tenantOption: args.live.tenant))
        defer { lock?.release() }
        let planned: Pipeline.Planned
        switch try await pipeline.checkedPlan(tenantOption: args.live.tenant) {
        case .failure(let stop): return stop.status
        case .success(let result): planned = result
        }
        let client = planned.client
        let renderer = PlanTextRenderer(
            directory: path, target: client.transport.tenantDescription, command: "apply", given: options,
            style: context.textStyle)
        context.stdout.write(renderer.render(planned.plan))
        guard !planned.plan.isEmpty else { return ExitCode.success }
        guard !refused(planned.plan, options: options, context: context) else { return ExitCode.failure }
        try await checkWriteScopes(planned.plan, client: planned.client)
        if !args.autoApprove {
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
        let tenant = args.live.tenant.map { " --tenant \(ShellWord.quoted($0))" } ?? ""
        let followUp = "Run `tenantplan plan \(ShellWord.quoted(path))\(tenant)` to see the remainder; running "
            + "`tenantplan apply \(ShellWord.quoted(path))\(tenant)` again converges."
        return try await carryOut(
            planned.plan, client: client, options: options, directory: path, followUp: followUp, context: context)
    }

    /// `apply FILE`: refuses a plan whose input files, target or touched live objects changed since it was made,
    /// or whose requests apply would no longer send; otherwise applies it.
    static func applySaved(
        _ file: String, tenantOption: String?, options: ApplyOptions, connection: ConnectionOptions,
        context: CommandContext
    ) async throws -> Int32 {
        let data: Data
        switch InputFile.read(file, limit: .savedPlan) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw CLIError.unsupported("cannot read \(file): \(failure.reason)")
        }
        let saved: SavedPlan
        do {
            saved = try SavedPlan(data: data)
        } catch SavedPlanError.notJSON {
            throw CLIError.usage("\(file) is not JSON: apply takes a tenant directory or a plan saved by plan --out FILE")
        } catch let error as SavedPlanError {
            throw CLIError.usage("\(file) \(error)")
        }
        let directory = saved.directory
        guard TenantDirectory.tenantFileNames.contains(where: {
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0))
        })
        else {
            throw CLIError.unsupported(
                "\(file) was made for the tenant directory \(directory), which has no tenant.yaml here "
                    + "(\(FileManager.default.currentDirectoryPath)): run apply from the directory plan ran in")
        }
        if let staleness = saved.staleness(inputFiles: InputDigest.files(directory: directory)) {
            return refuse(staleness, file: file, context: context)
        }
        let pipeline = Pipeline(context: context, directory: directory, command: "apply", connection: connection)
        let lock = try pipeline.lockForWriting(pipeline.selection(tenantOption: tenantOption))
        defer { lock?.release() }
        let planned: Pipeline.Planned
        let scope = saved.scope.map(PlanScope.targets) ?? .full
        switch try await pipeline.checkedPlan(tenantOption: tenantOption, scope: scope) {
        case .failure(let stop): return stop.status
        case .success(let result): planned = result
        }
        let target = planned.client.transport.tenantDescription
        if let staleness = saved.staleness(
            target: target, of: LivePlan(plan: planned.plan, live: planned.live), tenant: planned.tenant)
        {
            return refuse(staleness, file: file, context: context)
        }
        let renderer = PlanTextRenderer(
            directory: directory, target: target, command: "apply", given: options, style: context.textStyle)
        context.stdout.write(renderer.render(planned.plan))
        guard !planned.plan.isEmpty else { return ExitCode.success }
        let unset = Set(planned.plan.missingSecrets.map(\.name)).sorted()
        guard unset.isEmpty else {
            context.stderr.write(
                "tenantplan: apply refused: \(file) needs \(unset.joined(separator: ", ")), unset when it was planned and "
                    + "now: set \(unset.count == 1 ? "it" : "them"), run plan --out again and apply the new plan; "
                    + "nothing was applied\n")
            return ExitCode.failure
        }
        guard !refused(planned.plan, options: options, context: context) else { return ExitCode.failure }
        try await checkWriteScopes(planned.plan, client: planned.client)
        let tenant = tenantOption.map { " --tenant \(ShellWord.quoted($0))" } ?? ""
        let followUp = "\(file) is now stale: run "
            + "`tenantplan plan \(ShellWord.quoted(directory))\(tenant) --out \(ShellWord.quoted(file))` to see the "
            + "remainder, review it, and apply the new plan; that converges."
        return try await carryOut(
            planned.plan, client: planned.client, options: options, directory: directory, followUp: followUp,
            context: context)
    }

    /// Prints a stale-plan refusal (``SavedPlanStalenessText``) to stderr.
    static func refuse(_ staleness: SavedPlanStaleness, file: String, context: CommandContext) -> Int32 {
        context.stderr.write(SavedPlanStalenessText.render(staleness, file: file))
        return ExitCode.failure
    }

    /// The preflight refusals (flags, unset secrets): prints the refusal and returns true, or false to go on.
    static func refused(_ plan: Plan, options: ApplyOptions, context: CommandContext) -> Bool {
        do {
            try Applier.preflight(plan, options: options)
            return false
        } catch {
            context.stderr.write("tenantplan: apply refused: \(TerminalText.escaped("\(error)"))\n")
            return true
        }
    }

    /// The scope preflight of a remote tenant's writes: the token must allow every request of the plan.
    /// - Throws: The transport's missing-scopes error, before anything is written.
    static func checkWriteScopes(_ plan: Plan, client: ManagementClient) async throws {
        try await client.transport.preflight(writes: plan.requests.map { APIRequest($0.method, $0.path, body: $0.body, operation: $0.operation) })
    }

    /// Applies the plan, reporting progress on stderr and the report on stdout.
    /// - Parameter followUp: What the report says to do after a failure.
    static func carryOut(
        _ plan: Plan, client: ManagementClient, options: ApplyOptions, directory: String, followUp: String,
        context: CommandContext
    ) async throws -> Int32 {
        let stderr = context.stderr
        let report = try await Applier(client: client).apply(plan, options: options) { progress in
            stderr.write("  \(TerminalText.escaped(ApplyReportRenderer.progressLine(progress)))\n")
        }
        context.stdout.write("\n" + ApplyReportRenderer.render(report, directory: directory, followUp: followUp))
        return report.succeeded ? ExitCode.success : ExitCode.failure
    }
}
