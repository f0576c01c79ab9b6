import Foundation
import JSONValues
import Testing
import TestSupport

/// shared/cases c07, c08, c16 (stage 1), c21: bad input stops every command before any request.
@Suite struct LoadCasesTests {
    static let commands: [[String]] = [
        ["validate", "tenant"],
        ["plan", "tenant", "--tenant", "local:live.json"],
        ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve", "--allow-destroy"],
    ]

    /// Error lines (`PATH:line:col: error: …`) with the scratch directory cut off.
    static func errors(_ result: CommandResult, _ work: CaseWorkspace) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
            .map { $0.replacingOccurrences(of: work.path("tenant") + "/", with: "") }
    }

    @Test func c07PlaceholdersRejected() async throws {
        let work = try CaseWorkspace(case: "c07-placeholder-not-deployed")
        let original = try work.data("live.json")
        for command in Self.commands {
            let result = await work.run(command)
            #expect(result.exitCode == 1)
            #expect(Self.errors(result, work) == [
                "customers/acme.yaml:5:18: error: placeholder '@@ACME_CUSTOMER_ID@@' in organization.metadata.customer_id: "
                    + "tenantplan does not substitute other tools' placeholders; write the value",
                "customers/acme.yaml:18:22: error: placeholder '##ACME_ENTRA_CLIENT_SECRET##' in "
                    + "enterprise_connections[0].options.client_secret: tenantplan does not substitute other tools' "
                    + "placeholders; write the value, or ${env:NAME} for a secret",
                "customers/globex.yaml:15:22: error: masked value '[REDACTED]' in enterprise_connections[0].options.client_secret: "
                    + "deploying it would overwrite the real value; write ${env:NAME} for a secret",
                "tenant.yaml:8:22: error: masked value '******' in connections[0].options.client_secret: "
                    + "deploying it would overwrite the real value; write ${env:NAME} for a secret",
            ])
            #expect(result.requests.isEmpty)
            #expect(!result.stdout.contains("Plan:"))
            for secret in ["LIVE-c07-entra-Vb4nM8qW2e", "LIVE-c07-google-Hs6pT1kZ9r"] { #expect(!result.output.contains(secret)) }
        }
        #expect(try work.data("live.json") == original)
    }

    @Test func c07FixedMarkersSecretsUnset() async throws {
        let work = try CaseWorkspace(case: "c07-placeholder-not-deployed")
        try work.edit("tenant/customers/acme.yaml", line: 5, "customer_id: \"c-1042\"")
        try work.edit("tenant/customers/acme.yaml", line: 18, "client_secret: ${env:ACME_ENTRA_CLIENT_SECRET}")
        try work.edit("tenant/customers/globex.yaml", line: 15, "client_secret: ${env:GLOBEX_OIDC_CLIENT_SECRET}")
        try work.edit("tenant/tenant.yaml", line: 8, "client_secret: ${env:GOOGLE_CLIENT_SECRET}")

        #expect(await work.run(["validate", "tenant"]).exitCode == 0)
        let plan = await work.run(["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.planLines.contains { $0.hasPrefix("+ organization \"globex\"") && $0.hasSuffix("customers/globex.yaml:2") })
        #expect(plan.planLines.contains { $0.hasPrefix("+ connection \"globex-oidc\" (oidc)") && $0.hasSuffix("customers/globex.yaml:9") })
        #expect(plan.planLines.contains("+ options.client_secret: (sensitive, from env GLOBEX_OIDC_CLIENT_SECRET, unset)"))
        #expect(!plan.planLines.contains { $0.hasPrefix("~ options.client_secret") || $0.hasPrefix("- options.client_secret") })

        let apply = await work.run(["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"])
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.contains("GLOBEX_OIDC_CLIENT_SECRET (needed to create connection \"globex-oidc\" (oidc))"))
        #expect(apply.writes == [])
        for result in [plan, apply] {
            for secret in ["LIVE-c07-entra-Vb4nM8qW2e", "LIVE-c07-google-Hs6pT1kZ9r"] { #expect(!result.output.contains(secret)) }
        }
    }

    @Test func c08UnparsableFileAborts() async throws {
        let work = try CaseWorkspace(case: "c08-unparsable-file-aborts")
        let original = try work.data("live.json")
        for command in Self.commands {
            let result = await work.run(command)
            #expect(result.exitCode == 1)
            #expect(Self.errors(result, work) == [
                "customers/globex.yaml:5:1: error: YAML syntax error: did not find expected ',' or '}' "
                    + "(while parsing a flow mapping); the file is not read, nothing is planned"
            ])
            #expect(result.stderr.contains("customers/globex.yaml:4:13: note: a flow mapping started here"))
            #expect(result.requests.isEmpty)
            #expect(!result.stdout.contains("Plan:"))
            #expect(!result.output.contains("LIVE-c08-Pq2wE7rT5y"))
        }
        #expect(try work.data("live.json") == original)
    }

    @Test func c08DanglingSymlinkAborts() async throws {
        let work = try CaseWorkspace(case: "c08-unparsable-file-aborts")
        try FileManager.default.removeItem(atPath: work.path("tenant/customers/globex.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: work.path("tenant/customers/globex.yaml"), withDestinationPath: work.path("nowhere.yaml"))
        for command in Self.commands {
            let result = await work.run(command)
            #expect(result.exitCode == 1)
            #expect(Self.errors(result, work) == [
                "customers/globex.yaml: error: cannot read customers/globex.yaml: it is a symbolic link to a file "
                    + "that does not exist; the run stops here"
            ])
            #expect(result.requests.isEmpty)
        }
    }

    @Test func c16ImpossibleSignupCombinations() async throws {
        let work = try CaseWorkspace(case: "c16-org-signup-rules")
        for command in Self.commands.dropLast() {
            let result = await work.run(command)
            #expect(result.exitCode == 1)
            #expect(Self.errors(result, work) == [
                "customers/acme.yaml:8:24: error: connections[0].is_signup_enabled: true requires "
                    + "assign_membership_on_login: true on the same entry (Auth0 answers 400 otherwise)",
                "customers/acme.yaml:10:24: error: connections[1].is_signup_enabled is only allowed for database "
                    + "connections; 'acme-entra' is a waad connection",
            ])
            #expect(result.requests.isEmpty)
            #expect(!result.output.contains("LIVE-c16-Nf3hK8sD1q"))
        }
    }

    @Test func c21OrganizationNameFormat() async throws {
        let work = try CaseWorkspace(case: "c21-org-name-format")
        for command in Self.commands.dropLast() {
            let result = await work.run(command)
            #expect(result.exitCode == 1)
            #expect(Self.errors(result, work) == [
                "customers/acme-corp.yaml:2:9: error: organization.name: 'Acme-Corp' does not match Auth0's organization "
                    + "name format (lower-case letters, digits, '-' and '_', 1 to 50 characters); did you mean 'acme-corp'?",
                "customers/northwind.yaml:2:9: error: organization.name is 51 characters; Auth0 allows at most 50 "
                    + "characters",
            ])
            #expect(!result.stderr.contains("customers/x.yaml"))
            #expect(result.requests.isEmpty)
        }
        try work.edit("tenant/customers/acme-corp.yaml", line: 2, "name: acme-corp")
        try work.edit("tenant/customers/northwind.yaml", line: 2, "name: northwind-traders-international-holdings-group-ltd")
        let fixed = await work.run(["validate", "tenant"])
        #expect(fixed.exitCode == 0)
        #expect(fixed.stderr == "")
    }
}
