import Export
import Foundation
import Testing
import TestSupport

/// `export` of a tenant built by hand in other tools: where each connection goes, how login modes are derived,
/// secrets in nested fields, and what is left out (with a note) so that the export loads and plans without
/// field changes.
@Suite struct ExportLayoutTests {
    /// Unmarked objects, one marked by another tool, duplicate client names, values tenantplan's loader refuses,
    /// server-managed options, secrets at every depth.
    static let live = #"""
        {
          "clients": [
            {"client_id": "cid_web", "name": "web", "app_type": "spa", "organization_usage": "allow",
             "client_metadata": {"managed_by": "tenantplan"}},
            {"client_id": "cid_sso", "name": "sso-app", "app_type": "sso_integration",
             "organization_require_behavior": "ask_later", "initiate_login_uri": "http://insecure.example/login", "client_metadata": {}},
            {"client_id": "cid_web2", "name": "web", "app_type": "native"}
          ],
          "roles": [
            {"id": "rol_1", "name": "viewer", "description": ""},
            {"id": "rol_2", "name": "owner", "description": "Owns \"everything\": yes"}
          ],
          "connections": [
            {"id": "con_db", "name": "Username-Password-Authentication", "strategy": "auth0",
             "metadata": {"managed_by": "tenantplan"},
             "options": {"passwordPolicy": "fair", "strategy_version": 2,
                         "configuration": {"API_KEY": "db-config-secret-1", "EMPTY": "", "TIMEOUT": "timeout-secret-7"}}},
            {"id": "con_google", "name": "google-oauth2", "strategy": "google-oauth2",
             "metadata": {"managed_by": "terraform"},
             "options": {"client_id": "g-id", "client_secret": "google-secret-2", "scope": ["email"]}},
            {"id": "con_okta", "name": "okta-shared", "strategy": "okta",
             "options": {"domain": "shared.okta.example", "client_id": "o-id", "client_secret": "okta-secret-3"}},
            {"id": "con_saml", "name": "unused-saml", "strategy": "samlp", "display_name": "Unused SAML",
             "options": {"signInEndpoint": "https://idp.example/sso",
                         "signingCert": "-----BEGIN CERTIFICATE-----\nMIIBunusedcert\n-----END CERTIFICATE-----\n",
                         "thumbprints": ["abc"], "signing_key": {"cert": "public-cert", "key": "saml-signing-key-4"},
                         "decryptionKey": "", "debug": "##TOKEN##"}},
            {"id": "con_ad", "name": "corp-ad", "strategy": "ad",
             "options": {"ips": ["10.0.0.1"], "client_secret": 987654321}},
            {"id": "con_hooli", "name": "hooli-oidc", "strategy": "oidc", "display_name": "Hooli",
             "metadata": {"team": "identity", "managed_by": "tenantplan"},
             "options": {"issuer": "https://hooli.example", "client_id": "h-id", "client_secret": "hooli-secret-5",
                         "type": "back_channel", "scope": "openid profile"}},
            {"id": "con_sms", "name": "sms", "strategy": "sms",
             "options": {"twilio_sid": "AC0123456789abcdef0123456789abcdef", "twilio_token": "twilio-token-6", "from": "+15550100",
                         "disable_signup": false}}
          ],
          "connection_clients": {"con_db": ["cid_web", "cid_web2", "cid_sso"], "con_google": ["cid_web"],
                                 "con_hooli": ["cid_web"]},
          "organizations": [
            {"id": "org_hooli", "name": "hooli", "display_name": "Hooli",
             "metadata": {"tier": "gold", "code": "007", "managed_by": "tenantplan"},
             "enabled_connections": [
               {"connection_id": "con_hooli", "assign_membership_on_login": true, "show_as_button": false,
                "connection": {"name": "hooli-oidc", "strategy": "oidc"}},
               {"connection_id": "con_ad", "assign_membership_on_login": false,
                "connection": {"name": "corp-ad", "strategy": "ad"}},
               {"connection_id": "con_okta", "assign_membership_on_login": false,
                "connection": {"name": "okta-shared", "strategy": "okta"}}]},
            {"id": "org_initrode", "name": "initrode", "display_name": "Initrode", "metadata": {"managed_by": "tenantplan"},
             "branding": {"logo_url": "http://insecure.example/logo.png",
                          "colors": {"primary": "#123", "page_background": "white"}},
             "enabled_connections": [
               {"connection_id": "con_okta", "assign_membership_on_login": false,
                "connection": {"name": "okta-shared", "strategy": "okta"}},
               {"connection_id": "con_google", "assign_membership_on_login": false, "show_as_button": true,
                "is_signup_enabled": false, "connection": {"name": "google-oauth2", "strategy": "google-oauth2"}},
               {"connection_id": "con_sms", "assign_membership_on_login": false,
                "connection": {"name": "sms", "strategy": "sms"}}]},
            {"id": "org_empty", "name": "empty-co", "enabled_connections": []},
            {"id": "org_db", "name": "db-users", "display_name": "DB users",
             "enabled_connections": [
               {"connection_id": "con_db", "assign_membership_on_login": false, "is_signup_enabled": true,
                "connection": {"name": "Username-Password-Authentication", "strategy": "auth0"}}]}
          ]
        }
        """#

    /// The live values of the secrets, by the variable the export names them with.
    static let secrets = [
        "GOOGLE_OAUTH2_CLIENT_SECRET": "google-secret-2",
        "HOOLI_OIDC_CLIENT_SECRET": "hooli-secret-5",
        "OKTA_SHARED_CLIENT_SECRET": "okta-secret-3",
        "SMS_TWILIO_TOKEN": "twilio-token-6",
        "UNUSED_SAML_SIGNING_CERT": "-----BEGIN CERTIFICATE-----\nMIIBunusedcert\n-----END CERTIFICATE-----\n",
        "UNUSED_SAML_SIGNING_KEY_KEY": "saml-signing-key-4",
        "USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_API_KEY": "db-config-secret-1",
        "USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_TIMEOUT": "timeout-secret-7",
    ]

    static let stderr = """
        tenantplan: export: 8 secrets written as ${env:NAME}, not their values; plan and apply of the export read these variables:
          GOOGLE_OAUTH2_CLIENT_SECRET                             connection "google-oauth2" options.client_secret
          HOOLI_OIDC_CLIENT_SECRET                                connection "hooli-oidc" options.client_secret
          OKTA_SHARED_CLIENT_SECRET                               connection "okta-shared" options.client_secret
          SMS_TWILIO_TOKEN                                        connection "sms" options.twilio_token
          UNUSED_SAML_SIGNING_CERT                                connection "unused-saml" options.signingCert
          UNUSED_SAML_SIGNING_KEY_KEY                             connection "unused-saml" options.signing_key.key
          USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_API_KEY  connection "Username-Password-Authentication" options.configuration.API_KEY
          USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_TIMEOUT  connection "Username-Password-Authentication" options.configuration.TIMEOUT
        tenantplan: export: note: 2 clients are named "web": tenantplan matches by name, so only the first read (cid_web) is exported; not exported: cid_web2
        tenantplan: export: note: client "sso-app": organization_require_behavior left out: 'ask_later' is not one of no_prompt, pre_login_prompt, post_login_prompt
        tenantplan: export: note: client "sso-app": initiate_login_uri left out: 'http://insecure.example/login' is not an https:// URL
        tenantplan: export: note: connection "corp-ad": options.client_secret left out (kept as it is): a secret field holding a number, which ${env:NAME} cannot express
        tenantplan: export: note: connection "google-oauth2" is marked managed_by: terraform (another tool); a plan of the export adopts it
        tenantplan: export: note: connection "unused-saml": options.debug left out (kept as it is): the loader refuses the value: it looks like another tool's placeholder
        tenantplan: export: note: connection "unused-saml": options.decryptionKey left out (kept as it is): the loader refuses the value: Auth0's options schema does not accept it
        tenantplan: export: note: organization "db-users": is_signup_enabled of connection "Username-Password-Authentication" left out: true needs assign_membership_on_login: true
        tenantplan: export: note: organization "initrode": branding.logo_url left out: 'http://insecure.example/logo.png' is not an https:// URL
        tenantplan: export: note: organization "initrode": branding.colors left out: tenantplan needs both primary and page_background as #rgb or #rrggbb
        tenantplan: export: note: organization "initrode": is_signup_enabled of connection "google-oauth2" left out: tenantplan accepts it on database connections only

        """

    /// Shared: the database, social and passwordless connections; `okta-shared` (enabled on two organizations);
    /// `unused-saml` (on none); `corp-ad` (on one, but `ad` is not a strategy customer files accept). Secrets in
    /// nested fields (`configuration.*`, `signing_key.key`) are references; an empty one stays `""`;
    /// `thumbprints` (server-managed), the refused `debug` and the `decryptionKey` Auth0's schema refuses (`""`) are
    /// left out; client `web` is the first of its name.
    static let tenantFile = """
        tenant:
          domain: edge.eu.auth0.com
        connections:
        - name: Username-Password-Authentication
          strategy: auth0
          options:
            configuration:
              API_KEY: ${env:USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_API_KEY}
              EMPTY: ""
              TIMEOUT: ${env:USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_TIMEOUT}
            passwordPolicy: fair
            strategy_version: 2
          enabled_clients:
          - sso-app
          - web
        - name: corp-ad
          strategy: ad
          options:
            ips:
            - "10.0.0.1"
          enabled_clients: []
        - name: google-oauth2
          strategy: google-oauth2
          options:
            client_id: g-id
            client_secret: ${env:GOOGLE_OAUTH2_CLIENT_SECRET}
            scope:
            - email
          enabled_clients:
          - web
        - name: okta-shared
          strategy: okta
          options:
            client_id: o-id
            client_secret: ${env:OKTA_SHARED_CLIENT_SECRET}
            domain: shared.okta.example
          enabled_clients: []
        - name: sms
          strategy: sms
          options:
            disable_signup: false
            from: "+15550100"
            twilio_sid: AC0123456789abcdef0123456789abcdef
            twilio_token: ${env:SMS_TWILIO_TOKEN}
          enabled_clients: []
        - name: unused-saml
          strategy: samlp
          display_name: Unused SAML
          options:
            signInEndpoint: https://idp.example/sso
            signingCert: ${env:UNUSED_SAML_SIGNING_CERT}
            signing_key:
              cert: public-cert
              key: ${env:UNUSED_SAML_SIGNING_KEY_KEY}
          enabled_clients: []
        clients:
        - name: sso-app
          app_type: sso_integration
        - name: web
          app_type: spa
          organization_usage: allow
        roles:
        - name: owner
          description: 'Owns "everything": yes'
        - name: viewer

        """

    /// Only enterprise connections enabled -> sso-only; the one used by this organization alone (and of a customer
    /// strategy) is its own; metadata without the marker, sorted, `"007"` quoted.
    static let hooliFile = """
        organization:
          name: hooli
          display_name: Hooli
          metadata:
            code: "007"
            tier: gold
        login: sso-only
        connections:
        - connection: corp-ad
          assign_membership_on_login: false
        - connection: hooli-oidc
          assign_membership_on_login: true
          show_as_button: false
        - connection: okta-shared
          assign_membership_on_login: false
        enterprise_connections:
        - name: hooli-oidc
          strategy: oidc
          display_name: Hooli
          options:
            client_id: h-id
            client_secret: ${env:HOOLI_OIDC_CLIENT_SECRET}
            issuer: https://hooli.example
            scope: openid profile
            type: back_channel
          enabled_clients:
          - web
          metadata:
            team: identity

        """

    /// Enterprise, social and passwordless -> sso-and-password; refused branding and `is_signup_enabled` on a
    /// social connection left out; metadata holding only the marker is not written.
    static let initrodeFile = """
        organization:
          name: initrode
          display_name: Initrode
        login: sso-and-password
        connections:
        - connection: google-oauth2
          assign_membership_on_login: false
          show_as_button: true
        - connection: okta-shared
          assign_membership_on_login: false
        - connection: sms
          assign_membership_on_login: false

        """

    static let dbUsersFile = """
        organization:
          name: db-users
          display_name: DB users
        login: password-only
        connections:
        - connection: Username-Password-Authentication
          assign_membership_on_login: false

        """

    static let emptyFile = """
        organization:
          name: empty-co
        login: password-only
        connections: []

        """

    static let adopt = "        note: adopt: exists but is not marked; apply marks it managed_by: tenantplan"

    /// Only adoptions; the keys left out are kept as they are. (The plan's request count is the planner's.)
    static func plan(requests: Int) -> String { """
        tenantplan plan: $WORK/out against local tenant $WORK/live.json
          read 4 organizations, 7 connections, 3 clients, 2 roles in \(requests) requests

          ~ client "sso-app"                                     tenant.yaml:57
        \(adopt)
          ~ connection "corp-ad" (ad)                            tenant.yaml:16
                kept (not managed here): options.client_secret
        \(adopt)
          ~ connection "google-oauth2" (google-oauth2)           tenant.yaml:22
                note: adopt: exists and is marked managed_by: terraform; apply takes it over and marks it managed_by: tenantplan
          ~ connection "okta-shared" (okta)                      tenant.yaml:31
        \(adopt)
          ~ connection "sms" (sms)                               tenant.yaml:38
        \(adopt)
          ~ connection "unused-saml" (samlp)                     tenant.yaml:46
                kept (not managed here): options.debug, options.decryptionKey, options.thumbprints
        \(adopt)
          ~ organization "db-users"                              customers/db-users.yaml:2
        \(adopt)
          ~ organization "empty-co"                              customers/empty-co.yaml:2
        \(adopt)

        Plan: 0 to add, 8 to change, 0 to destroy.

        """
    }

    /// The same with the variables unset: the live secrets are kept, and the plan says so on info lines (no
    /// `+`, `~` or `-` field line).
    static func planUnset(requests: Int) -> String {
        plan(requests: requests).replacingOccurrences(
            of: "(google-oauth2)           tenant.yaml:22\n",
            with: "(google-oauth2)           tenant.yaml:22\n"
                + "        options.client_secret: (sensitive, from env GOOGLE_OAUTH2_CLIENT_SECRET, unset)\n")
        .replacingOccurrences(
            of: "(okta)                      tenant.yaml:31\n",
            with: "(okta)                      tenant.yaml:31\n"
                + "        options.client_secret: (sensitive, from env OKTA_SHARED_CLIENT_SECRET, unset)\n")
        .replacingOccurrences(
            of: "(sms)                               tenant.yaml:38\n",
            with: "(sms)                               tenant.yaml:38\n"
                + "        options.twilio_token: (sensitive, from env SMS_TWILIO_TOKEN, unset)\n")
        .replacingOccurrences(
            of: "(samlp)                     tenant.yaml:46\n",
            with: "(samlp)                     tenant.yaml:46\n"
                + "        options.signingCert: (sensitive, from env UNUSED_SAML_SIGNING_CERT, unset)\n"
                + "        options.signing_key (UNUSED_SAML_SIGNING_KEY_KEY): (sensitive, from env "
                + "UNUSED_SAML_SIGNING_KEY_KEY, unset)\n")
    }

    static func workspace() throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "export-layout")
        try work.write("live.json", live)
        return work
    }

    static func export(_ work: CaseWorkspace, force: Bool = false) async -> CommandResult {
        await work.run(
            ["export", "--out", work.path("out"), "--tenant", "local:live.json", "--domain", "edge.eu.auth0.com"]
                + (force ? ["--force"] : []))
    }

    @Test func filesFollowTheLayout() async throws {
        let work = try Self.workspace()
        let export = await Self.export(work)
        #expect(export.exitCode == 0)
        #expect(export.requests.count == 11)
        #expect(ExampleExport.relative(export.stdout, work) == """
            tenantplan export: local tenant $WORK/live.json -> $WORK/out
              read 4 organizations, 7 connections, 3 clients, 2 roles in 11 requests
              tenant.domain: edge.eu.auth0.com (from --domain)
              wrote $WORK/out/tenant.yaml (6 shared connections, 2 clients, 2 roles) and 4 customer files (1 enterprise connection)

            """)
        #expect(export.stderr == Self.stderr)
        #expect(try ExampleExport.files(work, "out").keys.sorted() == [
            "customers/db-users.yaml", "customers/empty-co.yaml", "customers/hooli.yaml", "customers/initrode.yaml",
            "tenant.yaml",
        ])
        #expect(try ExampleExport.text(work, "out/tenant.yaml") == Self.tenantFile)
        #expect(try ExampleExport.text(work, "out/customers/hooli.yaml") == Self.hooliFile)
        #expect(try ExampleExport.text(work, "out/customers/initrode.yaml") == Self.initrodeFile)
        #expect(try ExampleExport.text(work, "out/customers/db-users.yaml") == Self.dbUsersFile)
        #expect(try ExampleExport.text(work, "out/customers/empty-co.yaml") == Self.emptyFile)
    }

    @Test func noSecretValueIsWritten() async throws {
        let work = try Self.workspace()
        let export = await Self.export(work)
        #expect(export.exitCode == 0)
        let files = try ExampleExport.files(work, "out")
        for secret in Array(Self.secrets.values) + ["987654321", "MIIBunusedcert"] {
            for (file, data) in files {
                #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) holds \(secret)")
            }
            #expect(!export.output.contains(secret))
        }
    }

    /// With the variables set to the live values, or unset, the plan only adopts; after the apply, nothing is
    /// left to do and a second export writes the same bytes.
    @Test(arguments: [true, false])
    func planOnlyAdoptsThenConverges(_ secretsSet: Bool) async throws {
        let work = try Self.workspace()
        #expect(await Self.export(work).exitCode == 0)
        let first = try ExampleExport.files(work, "out")
        let environment = secretsSet ? Self.secrets : [:]
        let plan = await work.run(
            ["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"], environment: environment)
        #expect(plan.exitCode == 2)
        #expect(plan.stderr == "")
        let expected = secretsSet ? Self.plan(requests: plan.requests.count) : Self.planUnset(requests: plan.requests.count)
        #expect(ExampleExport.relative(plan.stdout, work) == expected)
        #expect(Self.planUnset(requests: 0).components(separatedBy: "\n").count
            == Self.plan(requests: 0).components(separatedBy: "\n").count + 5)
        #expect(!plan.stdout.split(separator: "\n").contains {
            ["      + ", "      ~ ", "      - "].contains(where: $0.hasPrefix)
        })

        let apply = await work.run(
            ["apply", work.path("out"), "--tenant", "local:live.json", "--auto-approve"], environment: environment)
        #expect(apply.exitCode == 0)
        #expect(apply.writes == [
            "PATCH /api/v2/clients/cid_sso", "PATCH /api/v2/connections/con_ad", "PATCH /api/v2/connections/con_google",
            "PATCH /api/v2/connections/con_okta", "PATCH /api/v2/connections/con_sms",
            "PATCH /api/v2/connections/con_saml", "PATCH /api/v2/organizations/org_db",
            "PATCH /api/v2/organizations/org_empty",
        ])
        let again = await work.run(
            ["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"], environment: environment)
        #expect(again.exitCode == 0)

        let second = await Self.export(work, force: true)
        #expect(second.exitCode == 0)
        #expect(!second.stderr.contains("managed_by: terraform"))
        #expect(try ExampleExport.files(work, "out") == first)
    }

    @Test(arguments: [
        ("acme-entra", "client_secret", "ACME_ENTRA_CLIENT_SECRET"),
        ("globex-okta", "signingCert", "GLOBEX_OKTA_SIGNING_CERT"),
        ("corp-saml", "signing_key.key", "CORP_SAML_SIGNING_KEY_KEY"),
        ("Username-Password-Authentication", "configuration.apiKey2", "USERNAME_PASSWORD_AUTHENTICATION_CONFIGURATION_API_KEY2"),
        ("legacy-db", "configuration.DB_URL", "LEGACY_DB_CONFIGURATION_DB_URL"),
        ("2fa-sms", "twilio_token", "_2FA_SMS_TWILIO_TOKEN"),
        ("idp", "decryptionKey", "IDP_DECRYPTION_KEY"),
    ])
    func secretVariableNames(_ connection: String, _ path: String, _ name: String) {
        #expect(SecretVariable.name(connection: connection, path: path) == name)
    }

    @Test func secretFieldsAreSecretFieldsAndExportOnlyOnes() {
        #expect(SecretVariable.isSecret(path: "client_secret", strategy: "waad"))
        #expect(SecretVariable.isSecret(path: "configuration.X", strategy: "auth0"))
        #expect(!SecretVariable.isSecret(path: "configuration.X", strategy: "samlp"))
        #expect(SecretVariable.isSecret(path: "signingCert", strategy: "samlp"))
        #expect(SecretVariable.isSecret(path: "twilio_token", strategy: "sms"))
        #expect(!SecretVariable.isSecret(path: "client_id", strategy: "waad"))
    }
}
