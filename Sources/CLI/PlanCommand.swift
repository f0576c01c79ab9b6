import Diff
import Foundation
import ManagementAPI
import Output

/// `tenantplan plan [DIR]`: read the live tenant, diff, print the plan.
///
/// Options (``PlanArguments``): `--tenant local:PATH`, `--detailed-exitcode` (0 no changes, 2 changes, 1 error),
/// `--format` (``PlanFormat``: text, json with the policy warnings included, markdown for a pull-request comment),
/// `--out FILE` (a ``SavedPlan`` for `apply FILE`), and a scope: `--target organization:NAME` (repeatable) or
/// `--changed-since REV` (see ``PlanScope``).
enum PlanCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try PlanArguments(arguments)
        let directory = args.directory
        if let out = args.out { try checkWritable(out) }
        let pipeline = Pipeline(context: context, directory: directory, command: "plan", connection: args.live.connection)
        let placement = args.format.renderer.findingsPlacement
        let planned: Pipeline.Planned
        switch try await pipeline.checkedPlan(
            tenantOption: args.live.tenant, json: placement == .inPlanDocument, markdown: placement == .textOnStderr,
            scope: args.scope) {
        case .failure(let stop): return stop.status
        case .success(let result): planned = result
        }
        let target = planned.client.transport.tenantDescription
        if let out = args.out {
            let saved = SavedPlan(
                plan: planned.plan, tenant: planned.tenant, live: planned.live, directory: directory, target: target,
                inputFiles: InputDigest.files(directory: directory), describe: RequestSummary.text)
            do {
                try saved.encoded().write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CLIError.unsupported(
                    "cannot write the plan to \(out): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
            context.stderr.write("tenantplan: plan saved to \(out); apply it with: tenantplan apply \(ShellWord.quoted(out))\n")
        }
        context.stdout.write(args.format.renderer.render(
            planned.plan,
            context: PlanRenderContext(
                directory: directory, target: target, style: context.textStyle, findings: planned.findings)))
        let changes = args.detailedExitcode && !planned.plan.isEmpty
        return changes ? ExitCode.changes : ExitCode.success
    }

    /// Refuses an `--out` path that cannot be written, before the tenant is read. The plan is written by replacing
    /// the file (atomically), so only a regular file (not a link, a device, a folder) may already be there.
    /// - Throws: ``CLIError/usage(_:)`` for a directory, a link or a device, or a path whose folder does not exist.
    static func checkWritable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.usage("--out \(path) is a directory; give the file to write the plan to")
        }
        if let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType,
            type != .typeRegular
        {
            let what = type == .typeSymbolicLink ? "a link" : "a device or other special file"
            throw CLIError.usage(
                "--out \(path) exists and is not a regular file (\(what)); the plan replaces the file it writes, "
                    + "so give a new or regular file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.usage("--out \(path): the folder \(folder) does not exist")
        }
    }
}
