import Auth0Schema
import Foundation
import PlanModel
import Testing
import TestSupport

/// The loader refuses what Auth0's request schemas refuse (docs/auth0-fidelity.md, "What the loader refuses"), at
/// the offending value's `file:line:column`, and accepts the nearest valid input of each case.
@Suite struct SchemaLoadTests {
    /// `tenant.yaml` with `body` after the domain.
    static func tenant(_ body: String) -> String {
        "tenant:\n  domain: example-prod.eu.auth0.com\n" + body
    }

    /// A customer file with `organization` lines under `organization:` (after `name: acme` unless it sets a name).
    static func customer(_ organization: String, rest: String = "") -> String {
        "organization:\n" + organization + "login: sso-and-password\n" + rest
    }

    static let ordinal = (1...25).map { "    k\($0): v\n" }.joined()

    @Test(arguments: [
        // A client name with '<' or '>': refused by CreateClientRequestContent.name's pattern.
        ("clients:\n  - name: \"Acme <Portal>\"\n",
         ["tenant.yaml:4:11: error: clients[0].name: 'Acme <Portal>' does not match Auth0's pattern ^[^<>]+$ (Name "
            + "of this client (min length: 1 character, does not allow `<` or `>`))"]),
        ("clients:\n  - name: Acme Portal >\n",
         ["tenant.yaml:4:11: error: clients[0].name: 'Acme Portal >' does not match Auth0's pattern ^[^<>]+$ (Name "
            + "of this client (min length: 1 character, does not allow `<` or `>`))"]),
        ("clients:\n  - name: Acme Portal\n", []),
        // Client enums come from the schema.
        ("clients:\n  - name: web\n    organization_usage: always\n",
         ["tenant.yaml:5:25: error: clients[0].organization_usage: 'always' is not one of: deny, allow, require"]),
        ("clients:\n  - name: web\n    organization_usage: require\n    organization_require_behavior: post_login_prompt\n", []),
        // Database options.configuration values are strings (or null); the values are secrets, never shown.
        ("connections:\n  - name: legacy-db\n    strategy: auth0\n    options:\n      configuration:\n        DB_PORT: 5432\n",
         ["tenant.yaml:8:18: error: connections[0].options.configuration.DB_PORT: Auth0 requires a string or null, "
            + "found a whole number"]),
        ("connections:\n  - name: legacy-db\n    strategy: auth0\n    options:\n      configuration:\n        DB_TLS: true\n",
         ["tenant.yaml:8:17: error: connections[0].options.configuration.DB_TLS: Auth0 requires a string or null, "
            + "found true or false"]),
        ("connections:\n  - name: legacy-db\n    strategy: auth0\n    options:\n      configuration:\n        DB: { host: h }\n",
         ["tenant.yaml:8:13: error: connections[0].options.configuration.DB: Auth0 requires a string or null, found "
            + "a mapping"]),
        ("connections:\n  - name: legacy-db\n    strategy: auth0\n    options:\n      configuration:\n        DB_PORT: \"5432\"\n", []),
        // A strategy Auth0 does not know.
        ("connections:\n  - name: corp\n    strategy: azuread\n",
         ["tenant.yaml:5:15: error: connections[0].strategy: 'azuread' is not one of: ad, adfs, amazon, apple, dropbox, "
            + "bitbucket, auth0-oidc, auth0, baidu, bitly, box, custom, daccount, dwolla, email, evernote-sandbox, "
            + "evernote, exact, facebook, fitbit, github, google-apps, google-oauth2, instagram, ip, line, linkedin, "
            + "oauth1, oauth2, office365, oidc, okta, paypal, paypal-sandbox, pingfederate, planningcenter, "
            + "salesforce-community, salesforce-sandbox, salesforce, samlp, sharepoint, shopify, shop, sms, soundcloud, "
            + "thirtysevensignals, twitter, untappd, vkontakte, waad, weibo, windowslive, wordpress, yahoo, yandex"]),
        ("connections:\n  - name: corp\n    strategy: waad\n", []),
        // Connection name pattern and length.
        ("connections:\n  - name: corp--ad\n    strategy: ad\n",
         ["tenant.yaml:4:11: error: connections[0].name: 'corp--ad' does not match Auth0's pattern "
            + "^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$ (The name of the connection. Must start and end with an "
            + "alphanumeric character and can only contain alphanumeric characters and '-'. Max length 128)"]),
        ("connections:\n  - name: c\(String(repeating: "x", count: 128))\n    strategy: ad\n",
         ["tenant.yaml:4:11: error: connections[0].name is 129 characters; Auth0 allows at most 128 characters"]),
        ("connections:\n  - name: c\(String(repeating: "x", count: 127))\n    strategy: ad\n", []),
        // A nested options object whose schema forbids other keys (samlp idpinitiated); a top-level unknown key is
        // accepted (every strategy's options schema allows additional properties).
        ("connections:\n  - name: partner\n    strategy: samlp\n    options:\n      idpinitiated:\n        enabled: true\n        client_idd: abc\n",
         ["tenant.yaml:9:9: error: unknown key 'client_idd' in connections[0].options.idpinitiated: Auth0's schema "
            + "allows no other keys here (expected: client_authorizequery, client_id, client_protocol, enabled)"]),
        ("connections:\n  - name: partner\n    strategy: samlp\n    options:\n      idpinitiated:\n        enabled: true\n        client_id: abc\n      custom_flag: 1\n", []),
        // Option types of the strategy's schema.
        ("connections:\n  - name: db\n    strategy: auth0\n    options:\n      disable_signup: \"no\"\n",
         ["tenant.yaml:7:23: error: connections[0].options.disable_signup: Auth0 requires true or false, found a "
            + "string ('no')"]),
        ("connections:\n  - name: db\n    strategy: auth0\n    options:\n      disable_signup: false\n", []),
        // A secret's content is never shown, not even its length; ${env:NAME} is checked for its type only.
        ("connections:\n  - name: sms\n    strategy: sms\n    options:\n      twilio_token: short\n",
         ["tenant.yaml:7:21: error: connections[0].options.twilio_token is (sensitive); Auth0 requires at least 32 "
            + "characters"]),
        ("connections:\n  - name: sms\n    strategy: sms\n    options:\n      twilio_token: ${env:TWILIO_TOKEN}\n", []),
        ("connections:\n  - name: db\n    strategy: auth0\n    options:\n      disable_signup: ${env:SIGNUP_OFF}\n",
         ["tenant.yaml:7:23: error: connections[0].options.disable_signup: Auth0 requires true or false, found a "
            + "string (${env:SIGNUP_OFF})"]),
        // Roles: the schema states no length; tenantplan's own limit stays (Role.nameLimit).
        ("roles:\n  - name: r\(String(repeating: "x", count: 50))\n",
         ["tenant.yaml:4:11: error: roles[0].name is 51 characters; at most 50"]),
        ("roles:\n  - name: r\(String(repeating: "x", count: 49))\n", []),
    ] as [(String, [String])])
    func tenantFile(_ body: String, _ expected: [String]) throws {
        let diagnostics = try LoadErrorTests.load(
            tenant: Self.tenant(body), environment: ["TWILIO_TOKEN": "x", "SIGNUP_OFF": "true"])
        #expect(diagnostics == expected)
    }

    @Test(arguments: [
        // Organization name: format and length (1 to 50) from CreateOrganizationRequestContent.name.
        ("  name: Acme Corp\n",
         ["customers/acme.yaml:2:9: error: organization.name: 'Acme Corp' does not match Auth0's organization name "
            + "format (lower-case letters, digits, '-' and '_', 1 to 50 characters); did you mean 'acme-corp'?"]),
        ("  name: \"\"\n", ["customers/acme.yaml:2:9: error: organization.name must not be empty"]),
        ("  name: a\(String(repeating: "b", count: 50))\n",
         ["customers/acme.yaml:2:9: error: organization.name is 51 characters; Auth0 allows at most 50 characters"]),
        ("  name: a\(String(repeating: "b", count: 49))\n", []),
        // display_name: 1 to 255.
        ("  name: acme\n  display_name: \"\"\n", ["customers/acme.yaml:3:17: error: organization.display_name must not be empty"]),
        ("  name: acme\n  display_name: \(String(repeating: "d", count: 255))\n", []),
        // Metadata: at most 25 keys less the ownership marker; values up to 255 characters; a number is the string
        // tenantplan sends; a mapping is not a string.
        ("  name: acme\n  metadata:\n" + ordinal,
         ["customers/acme.yaml:3:3: error: organization.metadata has 25 keys; at most 24 (Auth0's limit less the "
            + "ownership marker 'managed_by')"]),
        ("  name: acme\n  metadata:\n" + ordinal.split(separator: "\n").dropLast().map { $0 + "\n" }.joined(), []),
        ("  name: acme\n  metadata:\n    note: \(String(repeating: "n", count: 256))\n",
         ["customers/acme.yaml:4:11: error: organization.metadata.note is 256 characters; Auth0 allows at most 255 "
            + "characters"]),
        ("  name: acme\n  metadata:\n    note: \(String(repeating: "n", count: 255))\n    customer_id: 1042\n", []),
        ("  name: acme\n  metadata:\n    note: { a: b }\n",
         ["customers/acme.yaml:4:11: error: expected a string for organization.metadata.note, found a mapping"]),
    ] as [(String, [String])])
    func organization(_ organization: String, _ expected: [String]) throws {
        #expect(try LoadErrorTests.load(customer: Self.customer(organization)) == expected)
    }

    @Test func invitationLifetimeAboveAuth0sMaximumIsLeftToThePolicyRule() throws {
        // `ttl_sec` above `maximum` 2592000 is the `invitation-ttl` error of `check`, not a load error (case c19).
        let rest = "invitations:\n  client: saas-web\n  ttl_sec: 2592001\n"
        #expect(try LoadErrorTests.load(customer: Self.customer("  name: acme\n", rest: rest)) == [])
        #expect(Auth0Limits.invitationTTLMaximum == 2_592_000)
    }
}
