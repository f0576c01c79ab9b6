/// `tenantplan validate [DIR]`: load and validate, print every error; no network.
enum ValidateCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: [], options: [])
        let directory = try args.directory()
        guard let tenant = Pipeline(context: context, directory: directory).load() else { return ExitCode.failure }
        let customers = tenant.customers?.count ?? 0
        context.stdout.write(
            "\(directory): valid (\(customers) customer\(customers == 1 ? "" : "s"), "
                + "\(tenant.allConnections.count) connection\(tenant.allConnections.count == 1 ? "" : "s"))\n")
        return ExitCode.success
    }
}
