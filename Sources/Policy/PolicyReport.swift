import PlanModel

/// The result of ``PolicyEngine/check(_:today:)``: the findings that remain, those an exception covers, and
/// problems in the `policy:` settings themselves.
///
/// `tenantplan check` exits 3 when a finding at error severity remains (README, "Using it"); settings errors are
/// configuration errors (exit 1) and are kept apart in ``settingsDiagnostics``.
public struct PolicyReport: Sendable, Equatable {
    /// A finding that remains, with the organization it concerns.
    public struct Entry: Sendable, Equatable {
        /// The finding as a diagnostic: `ruleID` set, severity after overrides.
        public let diagnostic: Diagnostic
        /// The organization it concerns; `nil` for tenant-wide findings (shared connections).
        public let organization: String?

        /// Creates an entry.
        public init(diagnostic: Diagnostic, organization: String?) {
            self.diagnostic = diagnostic
            self.organization = organization
        }
    }

    /// A finding covered by a valid exception in `policy.exceptions`.
    public struct Suppressed: Sendable, Equatable {
        /// The finding as it would have been reported.
        public let diagnostic: Diagnostic
        /// The organization it concerns.
        public let organization: String?
        /// The exception's `reason`.
        public let reason: String
        /// Where the exception is written in `tenant.yaml`.
        public let exception: SourceLocation
        /// The exception's last day (`YYYY-MM-DD`, UTC), if it expires.
        public let expires: String?

        /// Creates a suppressed finding.
        public init(
            diagnostic: Diagnostic, organization: String?, reason: String, exception: SourceLocation, expires: String?
        ) {
            self.diagnostic = diagnostic
            self.organization = organization
            self.reason = reason
            self.exception = exception
            self.expires = expires
        }
    }

    /// Remaining findings with their organizations, sorted by file, line, column, then rule id.
    public let entries: [Entry]
    /// Findings covered by an exception, in the same order.
    public let suppressed: [Suppressed]
    /// Problems in `policy:`: unknown rule ids, bad parameters, exceptions naming unknown rules or organizations
    /// (errors), and expired exceptions (warnings).
    public let settingsDiagnostics: [Diagnostic]
    /// The ids of the rules that ran (not `off`), in catalog order.
    public let checkedRules: [String]
    /// The declared organizations, in customer file order.
    public let organizations: [String]

    /// Creates a report.
    public init(
        entries: [Entry], suppressed: [Suppressed], settingsDiagnostics: [Diagnostic], checkedRules: [String],
        organizations: [String]
    ) {
        self.entries = entries
        self.suppressed = suppressed
        self.settingsDiagnostics = settingsDiagnostics
        self.checkedRules = checkedRules
        self.organizations = organizations
    }

    /// Remaining findings: PlanModel diagnostics with `ruleID` set, sorted by location.
    public var findings: [Diagnostic] { entries.map(\.diagnostic) }

    /// True when a remaining finding or a settings diagnostic is an error.
    public var hasErrors: Bool { hasErrorFindings || hasSettingsErrors }

    /// True when a remaining finding is at error severity (`check` exits 3).
    public var hasErrorFindings: Bool { entries.contains { $0.diagnostic.severity == .error } }

    /// True when `policy:` itself is wrong (`check` exits 1).
    public var hasSettingsErrors: Bool { settingsDiagnostics.contains { $0.severity == .error } }
}
