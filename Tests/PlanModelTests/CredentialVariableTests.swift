import PlanModel
import Testing

/// `${env:NAME}` may not name tenantplan's own variables (`AUTH0_*`): a load error at the reference, even when
/// the variable is set (its value never reaches the tenant).
@Suite struct CredentialVariableTests {
    static func customer(_ value: String) -> String {
        "organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-entra\n    strategy: waad\n"
            + "    options:\n      client_secret: \(value)\n"
    }

    @Test(arguments: ["AUTH0_CLIENT_SECRET", "AUTH0_API_TOKEN", "AUTH0_CLIENT_ID", "AUTH0_DOMAIN", "AUTH0_MGMT_KEY"])
    func ownVariableIsALoadError(_ name: String) throws {
        let environment = ["AUTH0_CLIENT_SECRET": "tool-secret", "AUTH0_API_TOKEN": "tool-token"]
        #expect(try LoadErrorTests.load(customer: Self.customer("${env:\(name)}"), environment: environment) == [
            "customers/acme.yaml:8:22: error: enterprise_connections[0].options.client_secret: ${env:\(name)} names a "
                + "variable of tenantplan's own (AUTH0_*: its Management API credentials and tenant), which a connection "
                + "option may not carry; give the value a variable of its own",
        ])
    }

    @Test("inside a nested mapping too")
    func nested() throws {
        let customer = "organization:\n  name: acme\nlogin: sso-only\nenterprise_connections:\n  - name: acme-saml\n"
            + "    strategy: samlp\n    options:\n      decryptionKey:\n        key: ${env:AUTH0_CLIENT_SECRET}\n"
        #expect(try LoadErrorTests.load(customer: customer) == [
            "customers/acme.yaml:9:14: error: enterprise_connections[0].options.decryptionKey.key: "
                + "${env:AUTH0_CLIENT_SECRET} names a variable of tenantplan's own (AUTH0_*: its Management API "
                + "credentials and tenant), which a connection option may not carry; give the value a variable of its own",
        ])
    }

    @Test(arguments: ["ACME_ENTRA_CLIENT_SECRET", "AUTH0", "MY_AUTH0_CLIENT_SECRET", "auth0_client_secret"])
    func otherNamesAreAccepted(_ name: String) throws {
        #expect(try LoadErrorTests.load(customer: Self.customer("${env:\(name)}")) == [])
    }
}
