/// The arguments of `tenantplan export [DIR] --out OUTDIR` (``ExportCommand``).
struct ExportArguments {
    /// The tenant directory: the default local tenant and the domain (default: the current directory).
    let directory: String
    /// `--out OUTDIR`: the folder to write.
    let out: String
    /// `--force`: write into a folder that is not empty.
    let force: Bool
    /// `--domain HOST`: `tenant.domain` of the written `tenant.yaml`.
    let domain: String?
    /// `--tenant local:PATH` and the connection options.
    let live: LiveTenantArguments

    /// Parses the arguments after `export`.
    /// - Throws: ``CLIError/usage(_:)`` without `--out`, for an unknown option or a malformed connection option.
    init(_ arguments: [String]) throws {
        let args = try Arguments(
            arguments, flags: LiveTenantArguments.flags.union(["force"]),
            options: LiveTenantArguments.options.union(["out", "domain"]))
        directory = try args.directory()
        guard let out = args.option("out"), !out.isEmpty else {
            throw CLIError.usage("export needs --out OUTDIR, the directory to write the tenant into")
        }
        self.out = out
        force = args.flags.contains("force")
        domain = args.option("domain")
        live = try LiveTenantArguments(args)
    }
}
