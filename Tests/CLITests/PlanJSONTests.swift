import Foundation
import JSONValues
import Output
import Testing
import TestSupport

/// `plan --format json`: the versioned document, secrets redacted, policy errors as the JSON findings format.
@Suite struct PlanJSONTests {
    @Test func rotatedSecretPlanAsJSON() async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--format", "json", "--detailed-exitcode"],
            environment: ["ACME_ENTRA_CLIENT_SECRET": "ROTATED-c05-Jd8wK3zR6tYb"])
        #expect(result.exitCode == 2)
        #expect(!result.output.contains("ROTATED-c05-Jd8wK3zR6tYb") && !result.output.contains("LIVE-c05-7Qm2vX9pL4sN"))
        var document = try #require(try JSONValue(data: Data(result.stdout.utf8)).objectValue)
        #expect(document.removeValue(forKey: "directory") == .string(work.path("tenant")))
        #expect(document.removeValue(forKey: "target") == .string("local tenant \(work.path("live.json"))"))
        #expect(JSONValue.object(document) == [
            "format_version": 1, "tool": ["name": "tenantplan", "version": .string(ToolIdentity.version)],
            "read": [
                "organizations": 1, "connections": 1, "clients": 0, "roles": 0, "requests": 5, "scope": .null,
                "member_impact_requests": 0,
            ],
            "summary": [
                "add": 0, "change": 1, "destroy": 0,
                "unmanaged": ["organizations": 0, "connections": 0, "clients": 0, "roles": 0, "enabled_connections": 0],
            ],
            "findings": [],
            "resource_changes": [
                [
                    "address": "connection \"acme-entra\" (waad)", "kind": "connection", "name": "acme-entra",
                    "label": "waad", "action": "update", "live_id": "con_zg1N36ezd6f0DwID",
                    "location": ["file": "customers/acme.yaml", "line": 9, "column": 11],
                    "fields": [
                        ["change": "update", "path": "options.client_secret", "before": ["sensitive": true],
                         "after": ["sensitive": true]],
                        ["change": "update", "path": "options.domain_aliases", "before": ["acme.example"],
                         "after": ["acme.example", "acme-group.example"]],
                    ],
                    "kept": [
                        "options.api_enable_users", "options.app_domain", "options.basic_profile", "options.ext_groups",
                        "options.ext_profile", "options.identity_api", "options.strategy_version", "options.thumbprints",
                        "options.useCommonEndpoint", "options.use_wsfed", "options.waad_common_endpoint",
                        "options.waad_protocol",
                    ],
                    "notes": [], "requires": [],
                    "requests": [["method": "PATCH", "path": "/api/v2/connections/con_zg1N36ezd6f0DwID"]],
                ]
            ],
            "warnings": [],
        ])
    }

    @Test func unsetSecretIsNamedNotShown() async throws {
        let work = try CaseWorkspace(case: "c07-placeholder-not-deployed")
        try work.edit("tenant/customers/acme.yaml", line: 5, "customer_id: \"c-1042\"")
        try work.edit("tenant/customers/acme.yaml", line: 18, "client_secret: ${env:ACME_ENTRA_CLIENT_SECRET}")
        try work.edit("tenant/customers/globex.yaml", line: 15, "client_secret: ${env:GLOBEX_OIDC_CLIENT_SECRET}")
        try work.edit("tenant/tenant.yaml", line: 8, "client_secret: ${env:GOOGLE_CLIENT_SECRET}")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--format", "json"])
        #expect(result.exitCode == 0)
        let changes = try #require(try JSONValue(data: Data(result.stdout.utf8))["resource_changes"]?.arrayValue)
        let oidc = try #require(changes.first { $0["name"] == "globex-oidc" })
        #expect(oidc["fields"]?.arrayValue?.first { $0["path"] == "options.client_secret" }
            == ["change": "add", "path": "options.client_secret",
                "after": ["sensitive": true, "env": "GLOBEX_OIDC_CLIENT_SECRET", "unset": true]])
        #expect(!result.output.contains("LIVE-c07"))
    }

    @Test func policyErrorsComeAsJSONFindings() async throws {
        let work = try CaseWorkspace(case: "c19-invitation-preflight")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--format", "json"])
        #expect(result.exitCode == 3)
        #expect(result.requests.isEmpty)
        let document = try JSONValue(data: Data(result.stdout.utf8))
        #expect(document["format_version"] == 1)
        #expect(document["findings"]?.arrayValue?.count == 5)
    }
}
