import Foundation
import PlanModel
import Testing
import TestSupport

/// Every kind of load error, asserted on the whole rendered message (paths relative to the tenant directory).
@Suite struct LoadErrorTests {
    static let tenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
          - name: Username-Password-Authentication
            strategy: auth0
        clients:
          - name: saas-web
            organization_usage: require
            initiate_login_uri: https://app.example.com/login
        roles:
          - name: member

        """

    /// Loads a directory made of `tenant.yaml` (default above) and `customers/acme.yaml`.
    static func load(
        customer: String? = nil, tenant: String = tenantYAML, extra: [String: String] = [:],
        environment: [String: String] = [:]
    ) throws -> [String] {
        let work = try CaseWorkspace("load", tenant: tenant, customers: customer.map { ["acme": $0] } ?? [:], at: "t")
        for (file, text) in extra { try work.write("t/\(file)", text) }
        let result = work.load("t", environment: environment)
        #expect((result.tenant == nil) == result.diagnostics.contains { $0.severity == .error })
        return result.diagnostics.map(\.description)
    }

    static func customer(_ body: String) -> String {
        "organization:\n  name: acme\n  display_name: Acme Corp\nlogin: sso-and-password\n" + body
    }

    @Test func validCustomerLoads() throws {
        #expect(try Self.load(customer: Self.customer("connections:\n  - connection: Username-Password-Authentication\n")) == [])
    }

    @Test(arguments: [
        // unknown key, with what was expected
        ("organization:\n  name: acme\n  branding:\n    colour: red\nlogin: sso-only\n",
         ["customers/acme.yaml:4:5: error: unknown key 'colour' in organization.branding (expected: logo_url, colors)"]),
        // missing required keys
        ("organization:\n  display_name: Acme\n",
         ["customers/acme.yaml:1:1: error: missing required key 'login' at the top level",
          "customers/acme.yaml:1:1: error: missing required key 'name' in organization"]),
        // wrong type
        ("organization:\n  name: acme\n  display_name: [a, b]\nlogin: sso-only\n",
         ["customers/acme.yaml:3:17: error: expected a string for organization.display_name, found a sequence"]),
        // login choice
        ("organization:\n  name: acme\nlogin: sso\n",
         ["customers/acme.yaml:3:8: error: login 'sso' is not one of: sso-only, sso-and-password, password-only"]),
        // duplicate key
        ("organization:\n  name: acme\n  name: acme2\nlogin: sso-only\n",
         ["customers/acme.yaml:3:3: error: duplicate key 'name': a key may appear once in a mapping\n"
            + "customers/acme.yaml:2:3: note: 'name' first written here"]),
        // display_name length
        ("organization:\n  name: acme\n  display_name: \"\(String(repeating: "x", count: 256))\"\nlogin: sso-only\n",
         ["customers/acme.yaml:3:17: error: organization.display_name is 256 characters; Auth0 allows at most 255 characters"]),
        // branding colours: both required, hex format, https logo
        ("organization:\n  name: acme\n  branding:\n    logo_url: http://x.example/a.png\n    colors: { primary: \"#12\" }\nlogin: sso-only\n",
         ["customers/acme.yaml:4:15: error: organization.branding.logo_url 'http://x.example/a.png' must be an https:// URL",
          "customers/acme.yaml:5:5: error: missing required key 'page_background' in organization.branding.colors",
          "customers/acme.yaml:5:24: error: organization.branding.colors.primary '#12' is not a hex colour (#rgb or #rrggbb)"]),
        // reserved ownership key in metadata, value too long
        ("organization:\n  name: acme\n  metadata:\n    managed_by: me\n    note: \"\(String(repeating: "y", count: 256))\"\nlogin: sso-only\n",
         ["customers/acme.yaml:4:5: error: organization.metadata.managed_by is reserved for tenantplan's ownership marker",
          "customers/acme.yaml:5:11: error: organization.metadata.note is 256 characters; Auth0 allows at most 255 characters"]),
        // ttl format, both ttl and ttl_sec
        ("organization:\n  name: acme\nlogin: password-only\ninvitations:\n  client: saas-web\n  ttl: 7 days\n",
         ["customers/acme.yaml:6:8: error: invitations.ttl '7 days' is not a duration (expected a positive number with s, m, h or d, e.g. 7d, 12h, 3600s)"]),
        ("organization:\n  name: acme\nlogin: password-only\ninvitations:\n  client: saas-web\n  ttl: 7d\n  ttl_sec: 60\n",
         ["customers/acme.yaml:7:3: error: invitations has both ttl and ttl_sec; give one"]),
        // environment reference outside options, malformed reference inside options
        ("organization:\n  name: acme\n  display_name: ${env:ACME}\nlogin: sso-only\n",
         ["customers/acme.yaml:3:17: error: organization.display_name cannot come from the environment: ${env:NAME} is accepted only inside connection options"]),
        ("organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-entra\n    strategy: waad\n    options:\n      client_secret: x-${env:A}\n",
         ["customers/acme.yaml:8:22: error: enterprise_connections[0].options.client_secret 'x-${env:A}' is not a valid environment reference (expected ${env:NAME} as the whole value, NAME of letters, digits and '_')"]),
        // enterprise strategy
        ("organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-db\n    strategy: auth0\n",
         ["customers/acme.yaml:6:15: error: enterprise_connections[0].strategy 'auth0' is not one of: waad, samlp, oidc, okta, google-apps, adfs"]),
        // bool
        ("organization:\n  name: acme\nlogin: sso-only\nconnections:\n  - connection: Username-Password-Authentication\n    show_as_button: yes\n",
         ["customers/acme.yaml:6:21: error: expected true or false for connections[0].show_as_button, found 'yes'"]),
    ] as [(String, [String])])
    func customerFileErrors(_ input: String, _ expected: [String]) throws {
        #expect(try Self.load(customer: input) == expected)
    }

    @Test func tenConnectionLimit() throws {
        var tenant = Self.tenantYAML.replacingOccurrences(of: "clients:", with: "")
        tenant = "tenant:\n  domain: example-prod.eu.auth0.com\nconnections:\n"
            + (1...11).map { "  - { name: db\($0), strategy: auth0 }\n" }.joined()
        let entries = (1...11).map { "  - connection: db\($0)\n" }.joined()
        #expect(try Self.load(customer: Self.customer("connections:\n" + entries), tenant: tenant) == [
            "customers/acme.yaml:5:1: error: connections lists 11 enabled connections; an organization can have at most 10"
        ])
    }

    @Test func undefinedReferences() throws {
        let customer = Self.customer("""
            connections:
              - connection: nowhere
            invitations:
              client: portal
              connection: nowhere-else
              roles: [owner]

            """)
        #expect(try Self.load(customer: customer) == [
            "customers/acme.yaml:6:17: error: connections[0].connection 'nowhere' is not defined: declare it in tenant.yaml connections or in a customer's enterprise_connections",
            "customers/acme.yaml:8:11: error: invitations.client names client 'portal', which is not defined in tenant.yaml clients",
            "customers/acme.yaml:9:15: error: invitations.connection names connection 'nowhere-else', which is not defined",
            "customers/acme.yaml:10:11: error: invitations.roles names role 'owner', which is not defined in tenant.yaml roles",
        ])
    }

    @Test func duplicateNamesAcrossFiles() throws {
        let second = "organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: Username-Password-Authentication\n    strategy: oidc\n"
        #expect(try Self.load(customer: Self.customer(""), extra: ["customers/zeta.yaml": second]) == [
            "customers/zeta.yaml:2:9: error: duplicate organization name 'acme': names must be unique across all files\n"
                + "customers/acme.yaml:2:9: note: first declared here",
            "customers/zeta.yaml:5:11: error: duplicate connection name 'Username-Password-Authentication': names must be unique across all files\n"
                + "tenant.yaml:4:11: note: first declared here",
        ])
    }

    @Test func enabledClientMustBeDeclared() throws {
        let tenant = Self.tenantYAML + "  - name: admin\n"
        let withClients = tenant.replacingOccurrences(
            of: "    strategy: auth0\n", with: "    strategy: auth0\n    enabled_clients: [saas-web, billing]\n")
        #expect(try Self.load(tenant: withClients) == [
            "tenant.yaml:6:33: error: enabled_clients of connection 'Username-Password-Authentication' names client 'billing', which is not defined in tenant.yaml clients"
        ])
    }

    @Test func missingTenantFileAndDirectory() throws {
        let work = try CaseWorkspace(empty: "missing")
        try work.write("t/customers/acme.yaml", Self.customer(""))
        #expect(TenantLoader.load(directory: work.path("t"), environment: [:]).diagnostics.map(\.description) == [
            "tenant.yaml: error: cannot read tenant.yaml: no such file; the run stops here"
        ])
        #expect(TenantLoader.load(directory: work.path("nope"), environment: [:]).diagnostics.map(\.description) == [
            "error: tenant directory '\(work.path("nope"))' does not exist"
        ])
    }

    @Test func unsetSecretIsAllowedAndResolvedWhenSet() throws {
        let customer = "organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-entra\n    strategy: waad\n    options:\n      client_secret: ${env:ACME_SECRET}\n"
        let work = try CaseWorkspace("secret", tenant: Self.tenantYAML, customers: ["acme": customer], at: "t")
        let unset = work.load("t")
        let set = work.load("t", environment: ["ACME_SECRET": "s3cret"])
        let option = { (result: LoadResult) in result.tenant?.connection(named: "acme-entra")?.options["client_secret"]?.value }
        #expect(option(unset) == .secret(SecretReference(name: "ACME_SECRET", value: nil)))
        #expect(option(set) == .secret(SecretReference(name: "ACME_SECRET", value: "s3cret")))
        #expect("\(SecretReference(name: "ACME_SECRET", value: "s3cret"))" == "(sensitive, from env ACME_SECRET)")
    }

    @Test func absentSectionsAreNotManaged() throws {
        let work = try CaseWorkspace("absent", tenant: "tenant:\n  domain: example-prod.eu.auth0.com\nconnections: []\n")
        let tenant = try work.loadTenant()
        #expect(tenant.customers == nil && tenant.clients == nil && tenant.roles == nil)
        #expect(tenant.sharedConnections == [])
    }

    @Test func durations() {
        #expect(DurationText.seconds("7d") == 604_800)
        #expect(DurationText.seconds("12h") == 43_200)
        #expect(DurationText.seconds("3600s") == 3600)
        #expect(DurationText.seconds("30m") == 1800)
        #expect(DurationText.seconds("7") == nil)
        #expect(DurationText.seconds("-1d") == nil)
        #expect(DurationText.seconds("1w") == nil)
        #expect(DurationText.text(604_800) == "7d")
        #expect(DurationText.text(5400) == "5400s")
    }
}

/// Inputs a new user found accepted or misreported.
@Suite struct LoadFindingsTests {
    @Test(arguments: ["5", "\"not a domain!\"", "Example.com", "localhost"])
    func tenantDomainMustBeAHostName(_ domain: String) throws {
        let diagnostics = try LoadErrorTests.load(tenant: "tenant:\n  domain: \(domain)\n")
        let shown = domain.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        #expect(diagnostics == [
            "tenant.yaml:2:11: error: tenant.domain '\(shown)' must be a host name such as example-prod.eu.auth0.com"
        ])
    }

    @Test func folderInCustomersIsAWarningAndDirectoryArgumentMustBeAFolder() throws {
        let work = try CaseWorkspace(empty: "folders")
        try work.write("t/tenant.yaml", LoadErrorTests.tenantYAML)
        try work.write("t/customers/old.yaml/acme.yaml", LoadErrorTests.customer(""))
        let result = TenantLoader.load(directory: work.path("t"), environment: [:])
        #expect(result.tenant != nil)
        #expect(result.diagnostics.map(\.description) == [
            "customers/old.yaml: warning: customers/old.yaml/ is a folder: customer files are read from customers/ only, so its files are not part of this tenant"
        ])
        #expect(TenantLoader.load(directory: work.path("t/tenant.yaml"), environment: [:]).diagnostics.map(\.description) == [
            "error: '\(work.path("t/tenant.yaml"))' is a file: give the tenant directory, the folder that holds tenant.yaml"
        ])
    }

    @Test func placeholderAdviceFitsThePlace() throws {
        let customer = "organization:\n  name: acme\n  display_name: \"##NAME##\"\nlogin: sso-only\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:3:17: error: placeholder '##NAME##' in organization.display_name: tenantplan does not substitute other tools' placeholders; write the value"
        ])
    }
}

/// One mistake is reported once (found by a new user: follow-on "not defined" errors).
@Suite struct FollowOnErrorTests {
    @Test func invalidStrategyIsNotAlsoUndefined() throws {
        let customer = "organization:\n  name: acme\nlogin: sso-only\nconnections:\n  - connection: acme-sso\nenterprise_connections:\n  - name: acme-sso\n    strategy: saml\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:8:15: error: enterprise_connections[0].strategy 'saml' is not one of: waad, samlp, oidc, okta, google-apps, adfs"
        ])
    }

    @Test func wrongShapeInTenantFileIsNotAlsoMissingEverywhere() throws {
        let tenant = LoadErrorTests.tenantYAML.replacingOccurrences(of: "roles:\n  - name: member\n", with: "roles: member\n")
        let customer = LoadErrorTests.customer("invitations:\n  client: saas-web\n  roles: [member]\n")
        #expect(try LoadErrorTests.load(customer: customer, tenant: tenant) == [
            "tenant.yaml:10:8: error: expected a sequence for roles, found a scalar"
        ])
    }

    @Test func nonASCIINameGetsNoMisleadingSuggestion() throws {
        #expect(try LoadErrorTests.load(customer: "organization:\n  name: acmé\nlogin: sso-only\n") == [
            "customers/acme.yaml:2:9: error: organization.name: 'acmé' does not match Auth0's organization name format "
                + "(lower-case letters, digits, '-' and '_', 1 to 50 characters)"
        ])
    }
}
