import Output

extension InvitationReportFormat {
    /// Parses `--format` of `invite` and `invitations`; `nil` is the default (`text`).
    /// - Throws: ``CLIError/usage(_:)``: `--format takes text or json here, got 'sarif'`.
    static func parse(_ value: String?) throws -> InvitationReportFormat {
        guard let format = named(value) else {
            throw CLIError.usage("--format takes \(alternatives) here, got '\(value ?? "")'")
        }
        return format
    }
}
