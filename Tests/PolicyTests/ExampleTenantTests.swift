import Foundation
import PlanModel
import Policy
import Testing
import TestSupport

/// The example tenant in the repository (`tenants/example-prod`) passes `check`; adding a database connection to
/// its SSO-only customer fails with exactly one finding.
@Suite("Example tenant")
struct ExampleTenantTests {
    /// A scratch copy of the example's YAML files in `tenant/` (not its local tenant state).
    static func copy() throws -> CaseWorkspace {
        let scratch = try CaseWorkspace(empty: "policy-example")
        try ExampleTenant.copy(into: scratch)
        return scratch
    }

    @Test("tenants/example-prod has no findings")
    func clean() throws {
        let scratch = try Self.copy()
        let report = try scratch.check()
        #expect(report.findings.map(\.description) == [])
        #expect(report.settingsDiagnostics.map(\.description) == [])
        #expect(!report.hasErrors)
    }

    @Test("a database connection added to the SSO-only acme is exactly one finding")
    func databaseAddedToAcme() throws {
        let scratch = try Self.copy()
        let acme = try scratch.read("tenant/customers/acme.yaml")
        let anchor = "  - connection: acme-entra\n"
        try #require(acme.contains(anchor))
        try scratch.write(
            "tenant/customers/acme.yaml",
            acme.replacingOccurrences(
                of: anchor, with: "  - connection: Username-Password-Authentication\n    show_as_button: false\n" + anchor))
        let report = try scratch.check()
        #expect(report.findings.count == 1)
        #expect(report.findings.map(\.ruleID) == ["sso-only-password-connection"])
        #expect(report.findings.first?.location?.file == "customers/acme.yaml")
        #expect(report.hasErrorFindings)
    }
}
