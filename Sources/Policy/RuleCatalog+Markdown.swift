import PlanModel

extension RuleCatalog {
    /// The rules reference page, `docs/rules.md`, generated from the rule definitions: an index table, then per
    /// rule its id, severity, when it fires, why it matters, how to fix it, its parameters and its sources.
    ///
    /// A test keeps `docs/rules.md` byte for byte equal to this text.
    /// - Returns: GitHub-flavoured Markdown ending in one newline.
    public static func markdownReference() -> String {
        var lines: [String] = [
            "# Policy rules",
            "",
            "<!-- Generated from Sources/Policy/Rules by RuleCatalog.markdownReference(); do not edit by hand. -->",
            "<!-- Regenerate: TENANTPLAN_RECORD=1 swift test --filter PolicyTests (a test keeps this file equal). -->",
            "",
            "`tenantplan check` runs these rules over the validated tenant directory before anything is planned or",
            "applied (`plan` runs them first, `apply` refuses while an error remains). Each finding names the rule,",
            "its severity and the `file:line:column` of the YAML node at fault; `check` exits 3 when a finding at",
            "error severity remains.",
            "",
            "| id | severity | fires when |",
            "|---|---|---|",
        ]
        for rule in all {
            lines.append("| [`\(rule.id)`](#\(rule.id)) | \(rule.severitySummary) | \(rule.title) |")
        }
        lines += [
            "",
            "## Configuration",
            "",
            "Rules are configured in `tenant.yaml` under `policy:`:",
            "",
            "```yaml",
            "policy:",
            "  rules:",
            "    waad-userid-attribute: { severity: error }   # error | warning | off",
            "    invitation-ttl: { max: 7d }                  # rule parameters",
            "  exceptions:",
            "    - rule: sso-only-password-connection",
            "      organization: globex",
            "      reason: \"password users migrate to SSO until 2027-01-31\"",
            "      expires: 2027-01-31",
            "```",
            "",
            "- `severity` replaces the severity of every finding of the rule; `off` does not run it.",
            "- An exception names the rule and the organization and needs a `reason`; the rule's findings for that",
            "  organization are reported as suppressed, with the reason. Without `organization` it covers only",
            "  tenant-wide findings (shared connections in `tenant.yaml`).",
            "- `expires` is the last day the exception applies (UTC, inclusive). After it the findings are reported",
            "  again, with a warning at the exception.",
            "- An unknown rule id, parameter or organization in `policy:` is an error.",
        ]
        for rule in all {
            lines += [
                "",
                "## `\(rule.id)`",
                "",
                "- **Severity:** \(rule.severitySummary)",
                "- **Fires when:** \(rule.title)",
            ]
            if rule.scope == .connection {
                lines.append("- **Scope:** connections, including shared ones in `tenant.yaml`")
            }
            lines += ["", "**Why it matters.** \(rule.whyItMatters)", "", "**How to fix.** \(rule.howToFix)"]
            if !rule.parameters.isEmpty {
                lines += ["", "**Parameters** (in `policy.rules.\(rule.id)`):", ""]
                for parameter in rule.parameters {
                    lines.append("- `\(parameter.name)`: \(parameter.summary)")
                }
            }
            lines += ["", "**Sources:**", ""]
            lines += rule.references.map { "- <\($0)>" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
