import Diff
import Foundation
import JSONValues
import LocalTenant
@testable import Output
import Policy
import Testing
import TestSupport

/// An `sso-only` organization with live links to password, passwordless or social connections tenantplan does not
/// manage: the links are kept, and every plan warns about each one, even a plan without changes.
@Suite struct SSOOnlyWarningTests {
    static let tenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com

        """

    static func acmeYAML(login: String) -> String {
        """
        organization:
          name: acme
        login: \(login)
        connections:
          - connection: acme-entra
        enterprise_connections:
          - name: acme-entra
            strategy: waad

        """
    }

    static func link(_ id: String, _ name: String, _ strategy: String) -> JSONValue {
        ["connection_id": .string(id), "connection": ["name": .string(name), "strategy": .string(strategy)],
         "assign_membership_on_login": true, "is_signup_enabled": true]
    }

    /// acme links its declared SSO connection, an unmarked database connection, Google, passwordless e-mail and an
    /// unmarked enterprise connection (the customer's self-service SSO: no warning).
    static let live: JSONValue = [
        "organizations": [
            [
                "id": "org_ACME", "name": "acme", "metadata": ["managed_by": "tenantplan"],
                "enabled_connections": [
                    link("con_ENTRA", "acme-entra", "waad"), link("con_SIDE", "side-db", "auth0"),
                    link("con_GOOGLE", "google-oauth2", "google-oauth2"), link("con_EMAIL", "email", "email"),
                    link("con_SELF", "acme-selfservice-sso", "okta"),
                ],
            ]
        ],
        "connections": [
            ["id": "con_ENTRA", "name": "acme-entra", "strategy": "waad", "options": [:],
             "metadata": ["managed_by": "tenantplan"]],
            ["id": "con_SIDE", "name": "side-db", "strategy": "auth0", "options": [:]],
            ["id": "con_GOOGLE", "name": "google-oauth2", "strategy": "google-oauth2", "options": [:]],
            ["id": "con_EMAIL", "name": "email", "strategy": "email", "options": [:]],
            ["id": "con_SELF", "name": "acme-selfservice-sso", "strategy": "okta", "options": [:]],
        ],
        "clients": [], "roles": [],
    ]

    static let warningLines = """
        ! organization "acme" is sso-only, but its members can also sign in with "email" (passwordless connection, not managed here: kept)
        ! organization "acme" is sso-only, but its members can also sign in with "google-oauth2" (social connection, not managed here: kept)
        ! organization "acme" is sso-only, but its members can also sign in with "side-db" (database connection, not managed here: kept)
        """

    @Test func noChangePlanWarnsInTextMarkdownAndJSON() async throws {
        let harness = try EngineHarness(tenantFile: Self.tenantYAML, customers: ["acme": Self.acmeYAML(login: "sso-only")])
        let live = try LocalTenant(json: Self.live)
        let (plan, text) = try await harness.plan(live)
        #expect(plan.isEmpty)
        #expect(text == """
            tenantplan plan: t against local
              read 1 organization, 5 connections, 0 clients, 0 roles in 5 requests

            No changes to apply, but read the warnings below.

            \(Self.warningLines)

            Plan: 0 to add, 0 to change, 0 to destroy. 4 connections and 4 enabled connections not managed here were left alone.

            """)
        let markdown = PlanMarkdownRenderer(directory: "t", target: "local").render(plan)
        #expect(markdown == """
            ### tenantplan plan: `t` against `local`

            **Plan: 0 to add, 0 to change, 0 to destroy. 4 connections and 4 enabled connections not managed here were left alone.**

            :warning: organization "acme" is sso-only, but its members can also sign in with "email" (passwordless connection, not managed here: kept)
            :warning: organization "acme" is sso-only, but its members can also sign in with "google-oauth2" (social connection, not managed here: kept)
            :warning: organization "acme" is sso-only, but its members can also sign in with "side-db" (database connection, not managed here: kept)

            No changes to apply, but read the warnings below.

            """)
        let document = try JSONValue(data: Data(PlanJSONRenderer(directory: "t", target: "local").render(plan, findings: PolicyReport(entries: [], suppressed: [], settingsDiagnostics: [], checkedRules: [], organizations: [])).utf8))
        #expect(document["warnings"] == [
            ["organization": "acme", "connection": "email", "strategy": "email",
             "message": "organization \"acme\" is sso-only, but its members can also sign in with \"email\" (passwordless connection, not managed here: kept)"],
            ["organization": "acme", "connection": "google-oauth2", "strategy": "google-oauth2",
             "message": "organization \"acme\" is sso-only, but its members can also sign in with \"google-oauth2\" (social connection, not managed here: kept)"],
            ["organization": "acme", "connection": "side-db", "strategy": "auth0",
             "message": "organization \"acme\" is sso-only, but its members can also sign in with \"side-db\" (database connection, not managed here: kept)"],
        ])
        // The links are kept: apply writes nothing.
        let report = try await harness.apply(live)
        #expect(report.succeeded)
        #expect(await live.servedRequests.filter(\.isWrite).isEmpty)
    }

    /// With a change, the warnings still come before the summary, and the kept links are listed under the organization.
    @Test func planWithChangesWarnsToo() async throws {
        let acme = Self.acmeYAML(login: "sso-only").replacingOccurrences(of: "  name: acme\n", with: "  name: acme\n  display_name: Acme\n")
        let harness = try EngineHarness(tenantFile: Self.tenantYAML, customers: ["acme": acme])
        let (plan, text) = try await harness.plan(try LocalTenant(json: Self.live))
        #expect(plan.warnings.map(\.connection) == ["email", "google-oauth2", "side-db"])
        #expect(text.hasSuffix("""
                  = enabled connection "side-db" (not managed here: kept)
                  = enabled connection "google-oauth2" (not managed here: kept)
                  = enabled connection "email" (not managed here: kept)
                  = enabled connection "acme-selfservice-sso" (not managed here: kept)

            \(Self.warningLines)

            Plan: 0 to add, 1 to change, 0 to destroy. 4 connections and 4 enabled connections not managed here were left alone.

            """))
    }

    /// Neighbours: the same links on a `password-only` or `sso-and-password` organization are no warning.
    @Test(arguments: ["password-only", "sso-and-password"])
    func otherLoginsDoNotWarn(_ login: String) async throws {
        let harness = try EngineHarness(tenantFile: Self.tenantYAML, customers: ["acme": Self.acmeYAML(login: login)])
        let (plan, text) = try await harness.plan(try LocalTenant(json: Self.live))
        #expect(plan.warnings.isEmpty)
        #expect(text.contains("No changes. The live tenant matches the configuration."))
    }
}
