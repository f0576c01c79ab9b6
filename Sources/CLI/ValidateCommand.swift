import Policy

/// `tenantplan validate [DIR]`: load and validate, print every error; no network. The `policy:` settings are part
/// of the configuration, so unknown rule ids, parameters and exception targets are reported here too (the rules
/// themselves run in `check`).
enum ValidateCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let directory = try ValidateArguments(arguments).directory
        guard let tenant = Pipeline(context: context, directory: directory).load() else { return ExitCode.failure }
        let settings = PolicyEngine().check(tenant, today: context.now).settingsDiagnostics
        for diagnostic in settings { context.stderr.write(diagnostic.rendered(directory: directory) + "\n") }
        if settings.contains(where: { $0.severity == .error }) { return ExitCode.failure }
        let customers = tenant.customers?.count ?? 0
        context.stdout.write(
            "\(directory): valid (\(customers) customer\(customers == 1 ? "" : "s"), "
                + "\(tenant.allConnections.count) connection\(tenant.allConnections.count == 1 ? "" : "s"))\n")
        return ExitCode.success
    }
}
