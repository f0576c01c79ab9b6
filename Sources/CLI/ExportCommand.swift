import Export
import ManagementAPI

/// `tenantplan export [DIR] --out OUTDIR`: read the live tenant and write it as a tenant directory
/// (`OUTDIR/tenant.yaml`, `OUTDIR/customers/<organization>.yaml`), secrets as `${env:NAME}` references.
///
/// The tenant is chosen as for `plan` (``TenantSelection``: `--tenant local:PATH`, `AUTH0_DOMAIN`, else
/// `DIR/.tenantplan/local-tenant.json`); `DIR` is used only for that default and for the domain
/// (``ExportDomain``). Options: `--out OUTDIR` (required), `--domain HOST`, `--force` (see ``ExportTarget``), and
/// for a remote tenant `--max-rps`, `--parallelism`, `--verbose` (``ConnectionOptions``; the scope preflight runs
/// before the first Management API request).
/// The summary goes to stdout; the variables a plan of the export reads, notes on what was left out, and
/// errors go to stderr. Exit: 0 written; 1 on an error (nothing written when the output directory or the domain
/// is refused, or the read fails), or when the written directory does not load back.
enum ExportCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try ExportArguments(arguments)
        let directory = args.directory
        let pipeline = Pipeline(context: context, directory: directory, command: "export", connection: args.live.connection)
        let selection = try pipeline.selection(tenantOption: args.live.tenant)
        pipeline.noteMissingLocalTenant(selection, explicit: args.live.tenant != nil)
        let transport = try context.openTenant(selection)
        try await transport.preflight(for: "export")
        await pipeline.logRequests(of: transport)
        let client = ManagementClient(transport: transport)
        let request = ExportRequest(
            outputDirectory: args.out, force: args.force, domain: args.domain,
            tenantDirectory: directory)
        let report = try await pipeline.reading(through: client) { parallelism, progress in
            try await Exporter.run(request, client: client, parallelism: parallelism, progress: progress)
        }
        context.stdout.write(report.summary(target: client.transport.tenantDescription))
        context.stderr.write(report.messages)
        return report.loadErrors.isEmpty ? ExitCode.success : ExitCode.failure
    }
}
