import Export
import ManagementAPI

/// `tenantplan export [DIR] --out OUTDIR`: read the live tenant and write it as a tenant directory
/// (`OUTDIR/tenant.yaml`, `OUTDIR/customers/<organization>.yaml`), secrets as `${env:NAME}` references.
///
/// The tenant is chosen as for `plan` (``TenantSelection``: `--tenant local:PATH`, `AUTH0_DOMAIN`, else
/// `DIR/.tenantplan/local-tenant.json`); `DIR` is used only for that default and for the domain
/// (``ExportDomain``). Options: `--out OUTDIR` (required), `--domain HOST`, `--force` (see ``ExportTarget``).
/// The summary goes to stdout; the variables a plan of the export reads, notes on what was left out, and
/// errors go to stderr. Exit: 0 written; 1 on an error (nothing written when the output directory or the domain
/// is refused, or the read fails), or when the written directory does not load back.
enum ExportCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: ["force"], options: ["out", "tenant", "domain"])
        let directory = try args.directory()
        guard let out = args.option("out"), !out.isEmpty else {
            throw CLIError.usage("export needs --out OUTDIR, the directory to write the tenant into")
        }
        let selection = try TenantSelection.choose(
            option: args.option("tenant"), directory: directory, environment: context.environment)
        Pipeline(context: context, directory: directory)
            .noteMissingLocalTenant(selection, explicit: args.option("tenant") != nil)
        let client = ManagementClient(transport: try context.openTenant(selection))
        let request = ExportRequest(
            outputDirectory: out, force: args.flags.contains("force"), domain: args.option("domain"),
            tenantDirectory: directory)
        let report = try await Exporter.run(request, client: client)
        context.stdout.write(report.summary(target: client.transport.tenantDescription))
        context.stderr.write(report.messages)
        return report.loadErrors.isEmpty ? ExitCode.success : ExitCode.failure
    }
}
