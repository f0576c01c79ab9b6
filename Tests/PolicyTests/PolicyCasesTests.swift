import Foundation
import PlanModel
import Policy
import Testing
import TestSupport

/// The policy cases of `shared/cases` (copied under TestSupport's `Resources/cases`), with the findings each case.md lists.
/// Variants are derived in a scratch copy with the case's line edits.
@Suite("Policy cases")
struct PolicyCasesTests {
    /// `rule severity file:line`, the form case.md tables use.
    static func summary(_ report: PolicyReport) -> [String] {
        report.findings.map { "\($0.ruleID ?? "-") \($0.severity.rawValue) \($0.location?.fileAndLine ?? "-")" }
    }

    @Test("c16 stage 1: impossible sign-up combinations are load errors")
    func c16Stage1() throws {
        let scratch = try CaseWorkspace(case: "c16-org-signup-rules")
        let result = scratch.load()
        #expect(result.tenant == nil)
        #expect(result.diagnostics.map { $0.location?.fileAndLine } == ["customers/acme.yaml:8", "customers/acme.yaml:10"])
    }

    @Test("c16 stage 2: legal but open")
    func c16Stage2() throws {
        let scratch = try CaseWorkspace(case: "c16-org-signup-rules")
        try scratch.edit("tenant/customers/acme.yaml", [
            (7, "assign_membership_on_login: false", "assign_membership_on_login: true"),
            (10, "is_signup_enabled: true", "show_as_button: true"),
        ])
        let report = try scratch.check()
        #expect(Self.summary(report) == [
            "auto-membership-shared-connection error customers/acme.yaml:7",
            "invite-only-signup-open error customers/acme.yaml:8",
        ])
        #expect(report.hasErrorFindings)
        #expect(report.settingsDiagnostics.isEmpty && report.suppressed.isEmpty)
    }

    @Test("c16 stage 3: closed again")
    func c16Stage3() throws {
        let scratch = try CaseWorkspace(case: "c16-org-signup-rules")
        try scratch.edit("tenant/customers/acme.yaml", [
            (8, "is_signup_enabled: true", "is_signup_enabled: false"),
            (10, "is_signup_enabled: true", "show_as_button: true"),
        ])
        let report = try scratch.check()
        #expect(report.findings.map(\.description) == [])
        #expect(!report.hasErrors)
    }

    @Test("c17: sso-only with a hidden database button and with only Google")
    func c17() throws {
        let scratch = try CaseWorkspace(case: "c17-sso-only-hidden-button")
        let report = try scratch.check()
        #expect(Self.summary(report) == [
            "sso-only-password-connection error customers/bigbank.yaml:8",
            "sso-only-no-enterprise-connection error customers/initech.yaml:4",
            "sso-only-password-connection error customers/initech.yaml:6",
        ])
        #expect(report.findings.map(\.description) == [
            "customers/bigbank.yaml:8:17: error[sso-only-password-connection]: organization 'bigbank' is login: "
                + "sso-only but enables the database connection 'Username-Password-Authentication': anyone with an "
                + "account on it can log in to the organization without the customer's identity provider "
                + "(show_as_button: false only hides the button); remove this entry from connections, or declare "
                + "login: sso-and-password",
            "customers/initech.yaml:4:8: error[sso-only-no-enterprise-connection]: organization 'initech' is login: "
                + "sso-only but enables no enterprise connection: the customer's identity provider does not decide "
                + "who logs in; enable the customer's enterprise connection in connections, or declare the login "
                + "mode the organization really has",
            "customers/initech.yaml:6:17: error[sso-only-password-connection]: organization 'initech' is login: "
                + "sso-only but enables the social connection 'google-oauth2': anyone with an account on it can log "
                + "in to the organization without the customer's identity provider; remove this entry from "
                + "connections, or declare login: sso-and-password",
        ])
    }

    @Test("c17 fixed: no findings")
    func c17Fixed() throws {
        let scratch = try CaseWorkspace(case: "c17-sso-only-hidden-button")
        try scratch.delete("tenant/customers/initech.yaml")
        try scratch.edit("tenant/customers/bigbank.yaml", [
            (8, "- connection: Username-Password-Authentication", nil),
            (9, "show_as_button: false", nil),
        ])
        let report = try scratch.check()
        #expect(report.findings.map(\.description) == [])
        #expect(!report.hasErrors)
    }

    @Test("c19: invitation preflight")
    func c19() throws {
        let scratch = try CaseWorkspace(case: "c19-invitation-preflight")
        let report = try scratch.check()
        #expect(Self.summary(report) == [
            "invitation-client-login-route error customers/acme.yaml:9",
            "invitation-client-organizations error customers/acme.yaml:9",
            "invitation-connection-not-enabled error customers/acme.yaml:10",
            "invitation-ttl error customers/acme.yaml:11",
            "invitation-ttl warning customers/globex.yaml:11",
        ])
        #expect(report.settingsDiagnostics.isEmpty)
    }
}
