import Foundation
import PlanModel
import Testing

/// ``TenantLoader/declaredNames(ofCustomerFile:file:)``: the names an older version of a customer file declares,
/// read by the loader (what `plan --changed-since` compares).
@Suite struct CustomerFileNamesTests {
    static let entra = """
          - name: acme-entra
            strategy: waad
            options: { domain: acme.example, tenant_domain: acme.example, client_id: x, client_secret: y }
        """

    @Test(arguments: [
        // A whole file: the organization and its enterprise connections, in file order.
        ("organization: { name: acme }\nlogin: sso-only\nenterprise_connections:\n\(entra)\n"
            + "  - { name: acme-okta, strategy: okta, options: { domain: acme.okta.com } }\n",
         "acme", ["acme-entra", "acme-okta"]),
        // An organization name that breaks Auth0's pattern is still read.
        ("organization: { name: Acme Corp }\nlogin: password-only\n", "Acme Corp", []),
        // An enterprise connection without a strategy cannot be read; the others are.
        ("organization: { name: acme }\nlogin: sso-only\nenterprise_connections:\n  - name: half\n\(entra)\n",
         "acme", ["acme-entra"]),
        // No organization name.
        ("organization: { display_name: Acme }\nlogin: password-only\n", nil, []),
        // A file missing other keys still names its organization.
        ("organization: { name: acme }\n", "acme", []),
    ] as [(String, String?, [String])])
    func namesAsTheLoaderReadsThem(yaml: String, organization: String?, connections: [String]) throws {
        let names = try #require(TenantLoader.declaredNames(ofCustomerFile: Data(yaml.utf8), file: "customers/acme.yaml"))
        #expect(names.organization == organization)
        #expect(names.enterpriseConnections == connections)
    }

    @Test(arguments: ["", "- a list\n", "organization: [\n", "just text\n"])
    func notACustomerFile(yaml: String) {
        #expect(TenantLoader.declaredNames(ofCustomerFile: Data(yaml.utf8), file: "customers/acme.yaml") == nil)
    }
}
