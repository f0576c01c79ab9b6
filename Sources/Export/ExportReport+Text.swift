import TerminalText

/// The report as `tenantplan export` prints it.
extension ExportReport {
    /// The summary for standard output, ending with a newline:
    ///
    /// ```
    /// tenantplan export: local tenant live.json -> out
    ///   read 3 organizations, 3 connections, 1 client, 2 roles in 10 requests
    ///   tenant.domain: example-prod.eu.auth0.com (from tenants/example-prod/tenant.yaml)
    ///   wrote out/tenant.yaml (1 shared connection, 1 client, 2 roles) and 3 customer files (2 enterprise
    ///   connections)
    /// ```
    /// - Parameter target: What was read: a domain or `local tenant PATH`.
    public func summary(target: String) -> String {
        var lines = ["tenantplan export: \(target) -> \(outputDirectory)"]
        lines.append(
            "  read \(Self.count(read.organizations, "organization")), \(Self.count(read.connections, "connection")), "
                + "\(Self.count(read.clients, "client")), \(Self.count(read.roles, "role")) in "
                + Self.count(requests, "request"))
        lines.append("  tenant.domain: \(domain.domain) (from \(domain.source))")
        let output = ExportTarget(path: outputDirectory, force: false)
        lines.append(
            "  wrote \(output.file("tenant.yaml")) "
                + "(\(Self.count(sharedConnections, "shared connection")), \(Self.count(clients, "client")), "
                + "\(Self.count(roles, "role"))) and \(Self.count(customerFiles, "customer file")) "
                + "(\(Self.count(enterpriseConnections, "enterprise connection")))")
        for file in removed { lines.append("  removed \(output.file(file)) (no such organization)") }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// What goes to standard error, ending with a newline (empty when there is nothing to say): the variables a
    /// plan and apply of the export read, the notes, and any errors of loading the export back.
    public var messages: String {
        var lines: [String] = []
        if !secrets.isEmpty {
            lines.append(
                "tenantplan: export: \(Self.count(secrets.count, "secret")) written as ${env:NAME}, not "
                    + "\(secrets.count == 1 ? "its value" : "their values"); plan and apply of the export read "
                    + "\(secrets.count == 1 ? "this variable" : "these variables"):")
            let width = secrets.map(\.name.count).max() ?? 0
            for secret in secrets {
                let padding = String(repeating: " ", count: width - secret.name.count)
                lines.append("  \(secret.name)\(padding)  connection \"\(secret.connection)\" options.\(secret.path)")
            }
        }
        lines += notes.map { "tenantplan: export: note: \($0)" }
        if !loadErrors.isEmpty {
            lines.append("tenantplan: export: \(outputDirectory) does not load back; please report this:")
            lines += loadErrors.map { "  \($0)" }
        }
        return lines.isEmpty ? "" : lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
