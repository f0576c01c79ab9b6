import Foundation
import PlanModel

/// Runs the policy rules of docs/rules.md over a loaded tenant and applies `tenant.yaml` `policy:`.
///
/// Settings (`policy.rules.<id>`):
/// - `severity: error | warning | off` replaces the severity of every finding of the rule (`off` skips it);
/// - other keys are the rule's ``Rule/parameters`` (e.g. `invitation-ttl: { max: 7d }`).
///
/// Exceptions (`policy.exceptions[]`: `rule`, `organization`, `reason`, optional `expires: YYYY-MM-DD`) move a
/// rule's findings for that organization to ``PolicyReport/suppressed``, with the reason. An exception without
/// `organization` covers only tenant-wide findings (about shared connections). `expires` is the last day the
/// exception applies (UTC, inclusive); after it the finding is reported again, with a warning at `expires`.
/// An unknown rule id, parameter or organization in `policy:` is an error in
/// ``PolicyReport/settingsDiagnostics``, at its location.
public struct PolicyEngine: Sendable {
    /// The rules that run, in catalog order.
    public let rules: [any Rule]

    /// An engine with every rule of ``RuleCatalog/all``.
    public init() {
        self.rules = RuleCatalog.all
    }

    /// An engine with chosen rules (tests).
    public init(rules: [any Rule]) {
        self.rules = rules
    }

    /// Checks `tenant`: validates its rule settings, selects the exceptions that apply today, runs the rules and
    /// sorts what they found.
    /// - Parameters:
    ///   - tenant: The desired state, as ``TenantLoader/load(directory:environment:)`` returned it.
    ///   - today: The current time; exceptions compare its UTC calendar day with `expires`.
    /// - Returns: Findings sorted by location, suppressed findings and settings diagnostics.
    public func check(_ tenant: Tenant, today: Date) -> PolicyReport {
        let organizations = (tenant.customers ?? []).map(\.organization.name.value)
        let exceptions = exceptions(tenant, today: today)
        var result = run(tenant, exceptions: exceptions.active)
        result.entries.sort { Self.precedes($0.diagnostic, $1.diagnostic) }
        result.suppressed.sort { Self.precedes($0.diagnostic, $1.diagnostic) }
        let settingsDiagnostics = (ruleSettingsDiagnostics(tenant.policy) + exceptions.diagnostics)
            .sorted { Self.precedes($0, $1) }
        return PolicyReport(
            entries: result.entries, suppressed: result.suppressed, settingsDiagnostics: settingsDiagnostics,
            checkedRules: result.checkedRules, organizations: organizations)
    }

    /// The rules by id (the first of a repeated id wins).
    var rulesByID: [String: any Rule] {
        Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Settings

    /// Errors in `policy.rules`: an unknown rule id (with a suggestion), an unknown parameter, a parameter value the
    /// rule does not accept; each at its location, in file order.
    func ruleSettingsDiagnostics(_ settings: PolicySettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let known = rulesByID
        for (id, ruleSettings) in settings.rules.sorted(by: { $0.value.location < $1.value.location }) {
            guard let rule = known[id] else {
                diagnostics.append(
                    Diagnostic(.error, "unknown rule '\(id)' in policy.rules\(suggestion(for: id))", at: ruleSettings.location))
                continue
            }
            for (name, value) in ruleSettings.parameters.sorted(by: { $0.value.location < $1.value.location }) {
                guard let parameter = rule.parameters.first(where: { $0.name == name }) else {
                    let expected = (["severity"] + rule.parameters.map(\.name)).joined(separator: ", ")
                    diagnostics.append(
                        Diagnostic(
                            .error, "unknown key '\(name)' in policy.rules.\(id) (expected: \(expected))",
                            at: value.location))
                    continue
                }
                if let problem = parameter.problem(with: value.value) {
                    diagnostics.append(Diagnostic(.error, "policy.rules.\(id).\(name) \(problem)", at: value.location))
                }
            }
        }
        return diagnostics
    }

    // MARK: Exceptions

    /// The exceptions of `policy.exceptions` that apply on `today`'s UTC day, and why the others do not: an unknown
    /// rule or organization (errors), or an `expires` day already past (a warning; its findings are reported again).
    func exceptions(_ tenant: Tenant, today: Date) -> (active: [PolicyException], diagnostics: [Diagnostic]) {
        let day = Self.utcDay(today)
        let known = rulesByID
        let organizationNames = Set((tenant.customers ?? []).map(\.organization.name.value))
        var active: [PolicyException] = []
        var diagnostics: [Diagnostic] = []
        for (index, exception) in tenant.policy.exceptions.enumerated() {
            let path = "policy.exceptions[\(index)]"
            var valid = true
            if known[exception.rule.value] == nil {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "\(path).rule names rule '\(exception.rule.value)', which does not exist"
                            + suggestion(for: exception.rule.value),
                        at: exception.rule.location))
                valid = false
            }
            if let organization = exception.organization, tenant.customers != nil,
                !organizationNames.contains(organization.value)
            {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "\(path).organization names organization '\(organization.value)', which no customer file "
                            + "declares",
                        at: organization.location))
                valid = false
            }
            if let expires = exception.expires, expires.value < day {
                let whom = exception.organization.map { " for organization '\($0.value)'" } ?? ""
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        "\(path) (rule '\(exception.rule.value)'\(whom)) expired on \(expires.value) and no longer "
                            + "applies: its findings are reported again; fix them, or renew the exception with a new "
                            + "expires date and reason",
                        at: expires.location))
                valid = false
            }
            if valid { active.append(exception) }
        }
        return (active, diagnostics)
    }

    // MARK: Running the rules

    /// What running the rules found, before sorting.
    struct RunResult {
        /// Findings no exception covers.
        var entries: [PolicyReport.Entry] = []
        /// Findings an active exception covers, with its reason.
        var suppressed: [PolicyReport.Suppressed] = []
        /// The ids of the rules that ran (not `off`), in catalog order.
        var checkedRules: [String] = []
    }

    /// Runs every rule not set `off`, with its valid parameters, applies its severity override and moves the
    /// findings an active exception covers (same rule, same organization, or both tenant-wide) to suppressed.
    func run(_ tenant: Tenant, exceptions: [PolicyException]) -> RunResult {
        var result = RunResult()
        for rule in rules {
            let ruleSettings = tenant.policy.rules[rule.id]
            let override = ruleSettings?.severity?.value
            if override == "off" { continue }
            result.checkedRules.append(rule.id)
            for finding in rule.check(tenant, context: Self.context(rule, ruleSettings)) {
                let severity = override.flatMap(Diagnostic.Severity.init(rawValue:)) ?? finding.severity
                let diagnostic = Diagnostic(
                    severity, ruleID: rule.id, finding.message, at: finding.location, notes: finding.notes)
                if let exception = exceptions.first(where: {
                    $0.rule.value == rule.id && $0.organization?.value == finding.organization
                }) {
                    result.suppressed.append(
                        PolicyReport.Suppressed(
                            diagnostic: diagnostic, organization: finding.organization, reason: exception.reason,
                            exception: exception.location, expires: exception.expires?.value))
                } else {
                    result.entries.append(PolicyReport.Entry(diagnostic: diagnostic, organization: finding.organization))
                }
            }
        }
        return result
    }

    /// The rule's parameters from `policy.rules.<id>`, leaving out values the rule does not accept (those are
    /// settings errors; the rule runs with its defaults).
    static func context(_ rule: any Rule, _ settings: PolicySettings.RuleSettings?) -> RuleContext {
        var parameters: [String: Located<String>] = [:]
        for parameter in rule.parameters {
            if let value = settings?.parameters[parameter.name], parameter.problem(with: value.value) == nil {
                parameters[parameter.name] = value
            }
        }
        return RuleContext(parameters: parameters)
    }

    /// Order by file, line, column, then rule id and message.
    static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let none = SourceLocation(file: "", line: 0, column: 0)
        let (la, lb) = (a.location ?? none, b.location ?? none)
        if la != lb { return la < lb }
        if a.ruleID != b.ruleID { return (a.ruleID ?? "") < (b.ruleID ?? "") }
        return a.message < b.message
    }

    /// The UTC calendar day of `date` as `YYYY-MM-DD`, comparable as text with an exception's `expires`.
    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    /// ` (did you mean 'x'?)` for the closest rule id within three edits, otherwise a pointer to the reference.
    private func suggestion(for id: String) -> String {
        let scored = rules.map { ($0.id, Self.editDistance(id, $0.id)) }.min { $0.1 < $1.1 }
        if let (best, distance) = scored, distance <= 3 { return " (did you mean '\(best)'?)" }
        return " (rule ids are listed in docs/rules.md)"
    }

    /// Levenshtein distance between two strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
