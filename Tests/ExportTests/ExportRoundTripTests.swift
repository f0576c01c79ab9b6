import Foundation
import JSONValues
import Testing
import TestSupport

/// `export` of the example tenant after `apply`: the files, their stability, and a plan of them against the same
/// tenant.
@Suite struct ExportRoundTripTests {
    static let tenantFile = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
        - name: Username-Password-Authentication
          strategy: auth0
          display_name: Email and password
          options:
            brute_force_protection: true
            disable_signup: true
            passwordPolicy: good
          enabled_clients:
          - saas-web
        clients:
        - name: saas-web
          app_type: regular_web
          organization_usage: require
          organization_require_behavior: post_login_prompt
          initiate_login_uri: https://app.example.com/login
        roles:
        - name: admin
          description: Customer administrator; can invite colleagues
        - name: member
          description: Regular member of a customer organization

        """

    /// The waad connection without its server-managed options (`app_domain`, `thumbprints`,
    /// `waad_common_endpoint`), the secret as a reference.
    static let acmeFile = """
        organization:
          name: acme
          display_name: Acme Corp
          metadata:
            customer_id: c-1042
          branding:
            logo_url: https://cdn.example.com/acme.png
            colors:
              primary: '#0059d6'
              page_background: '#ffffff'
        login: sso-only
        connections:
        - connection: acme-entra
          assign_membership_on_login: false
          show_as_button: true
        enterprise_connections:
        - name: acme-entra
          strategy: waad
          display_name: Acme (Entra ID)
          options:
            client_id: 8f1c2b7e-0000-4000-8000-000000000001
            client_secret: ${env:ACME_ENTRA_CLIENT_SECRET}
            domain: acme.onmicrosoft.com
            domain_aliases:
            - acme.example
            should_trust_email_verified_connection: never_set_emails_as_verified
            tenant_domain: acme.onmicrosoft.com
            userid_attribute: oid
          enabled_clients:
          - saas-web

        """

    /// Enabled connections sorted by name; `is_signup_enabled` where Auth0 returned it; the database connection
    /// stays in tenant.yaml (enabled on two organizations, and not enterprise).
    static let globexFile = """
        organization:
          name: globex
          display_name: Globex Corporation
          metadata:
            customer_id: c-2001
        login: sso-and-password
        connections:
        - connection: Username-Password-Authentication
          assign_membership_on_login: false
          show_as_button: true
          is_signup_enabled: false
        - connection: globex-okta
          assign_membership_on_login: false
          show_as_button: true
        enterprise_connections:
        - name: globex-okta
          strategy: samlp
          display_name: Globex (Okta)
          options:
            digestAlgorithm: sha256
            domain_aliases:
            - globex.example
            signInEndpoint: https://globex.okta.com/app/globex_saasweb/exk1a2b3c4/sso/saml
            signatureAlgorithm: rsa-sha256
            signingCert: ${env:GLOBEX_OKTA_SIGNING_CERT}
          enabled_clients:
          - saas-web

        """

    static let initechFile = """
        organization:
          name: initech
          display_name: Initech
          metadata:
            customer_id: c-3007
        login: password-only
        connections:
        - connection: Username-Password-Authentication
          assign_membership_on_login: false
          show_as_button: true
          is_signup_enabled: false

        """

    static let variables = """
        tenantplan: export: 2 secrets written as ${env:NAME}, not their values; plan and apply of the export read these variables:
          ACME_ENTRA_CLIENT_SECRET  connection "acme-entra" options.client_secret
          GLOBEX_OKTA_SIGNING_CERT  connection "globex-okta" options.signingCert

        """

    @Test func exportWritesTheSpecLayout() async throws {
        let work = try await ExampleExport.applied()
        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 0)
        #expect(export.requests.count == 8)
        #expect(ExampleExport.relative(export.stdout, work) == """
            tenantplan export: local tenant $WORK/live.json -> $WORK/out
              read 3 organizations, 3 connections, 1 client, 2 roles in 8 requests
              tenant.domain: example-prod.eu.auth0.com (from $WORK/tenant/tenant.yaml)
              wrote $WORK/out/tenant.yaml (1 shared connection, 1 client, 2 roles) and 3 customer files (2 enterprise connections)

            """)
        #expect(export.stderr == Self.variables)
        #expect(export.writes == [])
        #expect(try ExampleExport.files(work, "out").keys.sorted() == [
            "customers/acme.yaml", "customers/globex.yaml", "customers/initech.yaml", "tenant.yaml",
        ])
        #expect(try ExampleExport.text(work, "out/tenant.yaml") == Self.tenantFile)
        #expect(try ExampleExport.text(work, "out/customers/acme.yaml") == Self.acmeFile)
        #expect(try ExampleExport.text(work, "out/customers/globex.yaml") == Self.globexFile)
        #expect(try ExampleExport.text(work, "out/customers/initech.yaml") == Self.initechFile)
    }

    @Test(arguments: [true, false])
    func planOfTheExportHasNoChanges(_ secretsSet: Bool) async throws {
        let work = try await ExampleExport.applied()
        let before = try work.data("live.json")
        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 0)
        // With the variables unset, the plan keeps the live secrets (no change either).
        let plan = await work.run(
            ["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"],
            environment: secretsSet ? ExampleExport.environment : [:])
        #expect(plan.exitCode == 0)
        #expect(plan.stderr == "")
        #expect(ExampleExport.relative(plan.stdout, work) == """
            tenantplan plan: $WORK/out against local tenant $WORK/live.json
              read 3 organizations, 3 connections, 1 client, 2 roles in \(plan.requests.count) requests

            No changes. The live tenant matches the configuration.

            Plan: 0 to add, 0 to change, 0 to destroy.

            """)
        let apply = await work.run(
            ["apply", work.path("out"), "--tenant", "local:live.json", "--auto-approve"],
            environment: secretsSet ? ExampleExport.environment : [:])
        #expect(apply.exitCode == 0)
        #expect(apply.writes == [])
        #expect(try work.data("live.json") == before)
    }

    @Test func exportTwiceIsByteIdentical() async throws {
        let work = try await ExampleExport.applied()
        let first = await work.run(["export", "tenant", "--out", work.path("one"), "--tenant", "local:live.json"])
        let second = await work.run(["export", "tenant", "--out", work.path("two"), "--tenant", "local:live.json"])
        #expect(first.exitCode == 0 && second.exitCode == 0)
        let one = try ExampleExport.files(work, "one")
        #expect(one.count == 4)
        #expect(one == (try ExampleExport.files(work, "two")))
        // Again over the first, with --force: nothing moves.
        let again = await work.run(
            ["export", "tenant", "--out", work.path("one"), "--tenant", "local:live.json", "--force"])
        #expect(again.exitCode == 0)
        #expect(try ExampleExport.files(work, "one") == one)
    }

    @Test func secretValuesAreNeverWritten() async throws {
        let work = try await ExampleExport.applied()
        let live = try work.json()
        // The live tenant holds the values ...
        #expect(live.connection(named: "acme-entra")?["options"]?["client_secret"] == "demo-entra-client-secret")
        #expect(live.connection(named: "globex-okta")?["options"]?["signingCert"] == "demo-okta-signing-certificate")
        let export = await work.run(
            ["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"],
            environment: ExampleExport.environment)
        #expect(export.exitCode == 0)
        // ... and no exported byte, nor the command's output, carries them.
        let files = try ExampleExport.files(work, "out")
        #expect(files.count == 4)
        for secret in ExampleExport.environment.values {
            for (file, data) in files {
                #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) holds a secret")
            }
            #expect(!export.output.contains(secret))
        }
        #expect(try ExampleExport.text(work, "out/customers/acme.yaml").contains(
            "    client_secret: ${env:ACME_ENTRA_CLIENT_SECRET}\n"))
        #expect(try ExampleExport.text(work, "out/customers/globex.yaml").contains(
            "    signingCert: ${env:GLOBEX_OKTA_SIGNING_CERT}\n"))
        #expect(export.stderr == Self.variables)
    }

    /// Nothing is marked (a tenant built by hand): the plan of the export adopts every connection, client and
    /// organization, with no field line; roles carry no marker, so they have nothing to adopt.
    @Test func planOfAnUnmarkedTenantOnlyAdopts() async throws {
        let work = try await ExampleExport.applied()
        var live = try work.json().objectValue!
        for list in ["organizations", "connections"] {
            live[list] = .array(live[list]!.arrayValue!.map { item in
                var object = item.objectValue!
                object["metadata"] = object["metadata"]?.objectValue.map { .object($0.filter { $0.key != "managed_by" }) }
                return .object(object)
            })
        }
        live["clients"] = .array(live["clients"]!.arrayValue!.map { item in
            var object = item.objectValue!
            object["client_metadata"] = .object([:])
            return .object(object)
        })
        try JSONValue.object(live).encoded(pretty: true).write(to: work.root.appendingPathComponent("live.json"))

        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 0)
        #expect(try ExampleExport.text(work, "out/tenant.yaml") == Self.tenantFile)
        #expect(try ExampleExport.text(work, "out/customers/acme.yaml") == Self.acmeFile)

        let plan = await work.run(
            ["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"],
            environment: ExampleExport.environment)
        #expect(plan.exitCode == 2)
        let adopt = "        note: adopt: exists but is not marked; apply marks it managed_by: tenantplan"
        #expect(ExampleExport.relative(plan.stdout, work) == """
            tenantplan plan: $WORK/out against local tenant $WORK/live.json
              read 3 organizations, 3 connections, 1 client, 2 roles in \(plan.requests.count) requests

              ~ client "saas-web"                                     tenant.yaml:14
            \(adopt)
              ~ connection "Username-Password-Authentication" (auth0) tenant.yaml:4
            \(adopt)
              ~ connection "acme-entra" (waad)                        customers/acme.yaml:17
                    kept (not managed here): options.app_domain, options.thumbprints, options.waad_common_endpoint
            \(adopt)
              ~ connection "globex-okta" (samlp)                      customers/globex.yaml:16
            \(adopt)
              ~ organization "acme"                                   customers/acme.yaml:2
            \(adopt)
              ~ organization "globex"                                 customers/globex.yaml:2
            \(adopt)
              ~ organization "initech"                                customers/initech.yaml:2
            \(adopt)

            Plan: 0 to add, 7 to change, 0 to destroy.

            """)
        let apply = await work.run(
            ["apply", work.path("out"), "--tenant", "local:live.json", "--auto-approve"],
            environment: ExampleExport.environment)
        #expect(apply.exitCode == 0)
        let again = await work.run(
            ["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"],
            environment: ExampleExport.environment)
        #expect(again.exitCode == 0)
    }
}
