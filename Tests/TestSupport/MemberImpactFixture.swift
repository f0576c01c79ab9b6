import JSONValues

/// globex moving to `sso-only`: its live organization enables the database connection `globex-db` and its Entra ID
/// connection `globex-entra`; the customer file keeps only `globex-entra`, so the plan removes `globex-db`. Members
/// are seeded into the local tenant file the way README "Which tenant" documents (`users`,
/// `organization_members`). Shared by the engine tests and the command-line tests of the apply gate.
public enum MemberImpactFixture {
    public static let tenantYAML = """
        tenant:
          domain: example-prod.eu.auth0.com
        connections:
          - name: globex-db
            strategy: auth0

        """

    public static let globexYAML = """
        organization:
          name: globex
          display_name: Globex
        login: sso-only
        connections:
          - connection: globex-entra
        enterprise_connections:
          - name: globex-entra
            strategy: waad
            options:
              domain: globex.onmicrosoft.com
              tenant_domain: globex.onmicrosoft.com
              client_id: 8f1c2b7e-0000-4000-8000-000000000002
              userid_attribute: oid

        """

    /// The live options of `globex-entra`: what the YAML declares, so only the link changes.
    public static let entraOptions: JSONValue = [
        "domain": "globex.onmicrosoft.com", "tenant_domain": "globex.onmicrosoft.com",
        "client_id": "8f1c2b7e-0000-4000-8000-000000000002", "userid_attribute": "oid",
    ]

    /// A password user on `globex-db` with `member_id`.
    public static func passwordUser(_ id: String, email: String?, memberID: String?) -> JSONValue {
        var user: [String: JSONValue] = [
            "user_id": .string("auth0|\(id)"),
            "identities": [["connection": "globex-db", "provider": "auth0", "user_id": .string(id), "isSocial": false]],
            "app_metadata": memberID.map { ["member_id": .string($0)] } ?? [:],
        ]
        if let email { user["email"] = .string(email) }
        return .object(user)
    }

    /// An SSO user on `globex-entra` (`waad|globex-entra|ID`).
    public static func ssoUser(_ id: String, memberID: String? = nil) -> JSONValue {
        [
            "user_id": .string("waad|globex-entra|\(id)"), "email": .string("\(id)@globex.example"),
            "identities": [["connection": "globex-entra", "provider": "waad", "user_id": .string("globex-entra|\(id)"),
                            "isSocial": false]],
            "app_metadata": memberID.map { ["member_id": .string($0)] } ?? [:],
        ]
    }

    /// A password user with its SSO account linked (`auth0|ID` with identities on both connections).
    public static func linkedUser(_ id: String) -> JSONValue {
        [
            "user_id": .string("auth0|\(id)"), "email": .string("\(id)@globex.example"),
            "identities": [
                ["connection": "globex-db", "provider": "auth0", "user_id": .string(id), "isSocial": false],
                ["connection": "globex-entra", "provider": "waad", "user_id": .string("globex-entra|\(id)"),
                 "isSocial": false],
            ],
            "app_metadata": ["member_id": .string("G-\(id)")],
        ]
    }

    public static func link(_ id: String, _ name: String, _ strategy: String) -> JSONValue {
        ["connection_id": .string(id), "connection": ["name": .string(name), "strategy": .string(strategy)],
         "assign_membership_on_login": false, "show_as_button": true]
    }

    /// The local tenant with `users`, all members of globex in that order, and `extra` top-level keys.
    public static func live(users: [JSONValue], extra: [String: JSONValue] = [:]) -> JSONValue {
        var top: [String: JSONValue] = [
            "organizations": [
                [
                    "id": "org_GLOBEX", "name": "globex", "display_name": "Globex",
                    "metadata": ["managed_by": "tenantplan"],
                    "enabled_connections": [
                        link("con_DB", "globex-db", "auth0"), link("con_ENTRA", "globex-entra", "waad"),
                    ],
                ]
            ],
            "connections": [
                ["id": "con_DB", "name": "globex-db", "strategy": "auth0", "options": [:],
                 "metadata": ["managed_by": "tenantplan"]],
                ["id": "con_ENTRA", "name": "globex-entra", "strategy": "waad", "options": entraOptions,
                 "metadata": ["managed_by": "tenantplan"]],
            ],
            "connection_clients": ["con_DB": [], "con_ENTRA": []],
            "clients": [], "roles": [],
            "users": .array(users),
            "organization_members": ["org_GLOBEX": .array(users.map { $0["user_id"]! })],
        ]
        top.merge(extra) { _, new in new }
        return .object(top)
    }

    /// Three password members (ana, bo, and one without e-mail), one linked member, two SSO members.
    public static let smallUsers: [JSONValue] = [
        ssoUser("s1"), passwordUser("p1", email: "ana@globex.example", memberID: "G-1"), linkedUser("l1"),
        passwordUser("p2", email: "bo@globex.example", memberID: "G-2"), ssoUser("s2"),
        passwordUser("p3", email: nil, memberID: nil),
    ]
}
