import Foundation
import PlanModel
import Policy
import Testing
import TestSupport

/// The test bundle's `Resources` folder.
enum Resources {
    static var url: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Resources", withExtension: nil), "Resources not in bundle")
        }
    }

    /// `Tests/PolicyTests/Resources` in the source tree, for recording golden files.
    static let sourceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources")

    /// True when golden files and docs/rules.md should be rewritten (`TENANTPLAN_RECORD=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["TENANTPLAN_RECORD"] == "1" }
}

/// Fixed dates: exceptions compare the UTC day.
enum Day {
    /// 2026-06-15, 12:00 UTC.
    static let today = Date(timeIntervalSince1970: 1_781_524_800)
}

/// Files of a small tenant, edited per test. Line numbers are cited in the tests.
enum Sample {
    /// `tenant.yaml`: lines 1–14 without extras; `policy` starts at line 15 when there are no extras.
    static func tenant(connections: String = "", clients: String = "", policy: String = "") -> String {
        """
        tenant:
          domain: example-test.eu.auth0.com
        connections:
          - name: Username-Password-Authentication
            strategy: auth0
          - name: google-oauth2
            strategy: google-oauth2

        """ + connections + """
        clients:
          - name: saas-web
            app_type: regular_web
            organization_usage: require
            initiate_login_uri: https://app.example.com/login

        """ + clients + """
        roles:
          - name: member

        """ + policy
    }

    /// `customers/acme.yaml`: a safe SSO-only customer with its own `waad` connection and an invite policy.
    static let acmeLines = [
        "organization:",  // 1
        "  name: acme",  // 2
        "login: sso-only",  // 3
        "connections:",  // 4
        "  - connection: acme-entra",  // 5
        "    assign_membership_on_login: true",  // 6
        "enterprise_connections:",  // 7
        "  - name: acme-entra",  // 8
        "    strategy: waad",  // 9
        "    options:",  // 10
        "      tenant_domain: acme.example",  // 11
        "      domain_aliases: [acme.example, acme.test]",  // 12
        "      client_id: 11111111-0000-4000-8000-000000000001",  // 13
        "      client_secret: ${env:ACME_SECRET}",  // 14
        "      userid_attribute: oid",  // 15
        "      should_trust_email_verified_connection: never_set_emails_as_verified",  // 16
        "invitations:",  // 17
        "  client: saas-web",  // 18
        "  connection: acme-entra",  // 19
        "  ttl: 7d",  // 20
        "  roles: [member]",  // 21
        "  require_app_metadata: [member_id]",  // 22
    ]

    /// The acme file with lines replaced (a replacement may hold several lines, or be empty to delete the line).
    static func acme(_ replacements: [Int: String] = [:]) -> String {
        acmeLines.enumerated().compactMap { index, line -> String? in
            guard let replacement = replacements[index + 1] else { return line }
            return replacement.isEmpty ? nil : replacement
        }.joined(separator: "\n") + "\n"
    }

    /// Loads and checks `tenant.yaml` plus customer files (name → contents).
    static func check(
        tenant: String = Sample.tenant(), customers: [String: String], environment: [String: String] = [:]
    ) throws -> PolicyReport {
        try CaseWorkspace("policy", tenant: tenant, customers: customers).check(environment: environment)
    }

    /// Rendered findings of one rule. A `rule` that is not in ``RuleCatalog`` or did not run records an issue, so
    /// an assertion of "no findings" cannot pass on a misspelt or disabled rule.
    static func findings(
        _ report: PolicyReport, rule: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [String] {
        if RuleCatalog.rule(id: rule) == nil {
            Issue.record("no rule '\(rule)' in the catalogue", sourceLocation: sourceLocation)
        } else if !report.checkedRules.contains(rule) {
            Issue.record("rule '\(rule)' did not run (severity: off?)", sourceLocation: sourceLocation)
        }
        return report.findings.filter { $0.ruleID == rule }.map(\.description)
    }
}
