import Output
import Policy

/// `tenantplan check [DIR] [--format FORMAT]` (``CheckArguments``, formats: ``FindingsFormat``): validate, then
/// run the policy rules; no network. Exit 3 when a finding at error severity remains, 1 for load or
/// policy-settings errors, 0 otherwise.
enum CheckCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try CheckArguments(arguments)
        let (directory, format) = (args.directory, args.format)
        let result = Pipeline(context: context, directory: directory).loadResult()
        guard let tenant = result.tenant else {
            // Text users read the errors on stderr; machine formats carry them too (a SARIF upload or GitHub
            // annotations must not come out empty), through the formats' configuration-diagnostics channel.
            if format != .text {
                let errors = PolicyReport(
                    entries: [], suppressed: [], settingsDiagnostics: result.diagnostics, checkedRules: [],
                    organizations: [])
                context.stdout.write(render(errors, format: format, directory: directory))
            }
            return ExitCode.failure
        }
        let report = PolicyEngine().check(tenant, today: context.now)
        context.stdout.write(render(report, format: format, directory: directory, style: context.textStyle))
        if report.hasSettingsErrors { return ExitCode.failure }
        return report.hasErrorFindings ? ExitCode.policy : ExitCode.success
    }

    static func render(
        _ report: PolicyReport, format: FindingsFormat, directory: String, style: TextStyle = .plain
    ) -> String {
        format.renderer.render(report, context: FindingsRenderContext(directory: directory, style: style))
    }
}
