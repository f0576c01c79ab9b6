/// A command-line problem: bad arguments, or something this build cannot do.
public enum CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The arguments are wrong; the text says how.
    case usage(String)
    /// The request is understood but not possible here.
    case unsupported(String)

    public var description: String {
        switch self {
        case .usage(let text): return "\(text) (see tenantplan --help)"
        case .unsupported(let text): return text
        }
    }
}

/// Exit statuses, the same for every command (README, "Using it").
public enum ExitCode {
    /// Success and nothing to do.
    public static let success: Int32 = 0
    /// Error: bad input, API failure, refused.
    public static let failure: Int32 = 1
    /// Success with changes present (`plan --detailed-exitcode`).
    public static let changes: Int32 = 2
    /// Policy violations at error severity.
    public static let policy: Int32 = 3
}
