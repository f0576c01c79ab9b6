import JSONValues

/// A live tenant that differs from ``EngineHarness``'s YAML in every way a plan shows: a field update, an
/// options merge with kept keys, adoption of an unmarked connection, an enabled connection changed in place and
/// one removed, a connection's clients delta (an unmanaged client kept), a marked organization no longer
/// declared, and an unmarked one left alone.
public let driftedLive: JSONValue = [
    "organizations": [
        [
            "id": "org_ACME", "name": "acme", "display_name": "ACME",
            "metadata": ["customer_id": "c-1", "legacy": "x", "managed_by": "tenantplan"],
            "enabled_connections": [
                [
                    "connection_id": "con_UPA", "assign_membership_on_login": true, "show_as_button": true,
                    "is_signup_enabled": false,
                    "connection": ["name": "Username-Password-Authentication", "strategy": "auth0"],
                ],
                [
                    "connection_id": "con_GOOGLE", "assign_membership_on_login": false, "show_as_button": true,
                    "connection": ["name": "google-oauth2", "strategy": "google-oauth2"],
                ],
            ],
        ],
        ["id": "org_OLD", "name": "oldco", "metadata": ["managed_by": "tenantplan"], "enabled_connections": []],
        ["id": "org_OTHER", "name": "other", "metadata": [:], "enabled_connections": []],
    ],
    "connections": [
        [
            "id": "con_UPA", "name": "Username-Password-Authentication", "strategy": "auth0",
            "options": ["passwordPolicy": "fair", "mfa": ["active": true]], "metadata": [:],
        ],
        ["id": "con_GOOGLE", "name": "google-oauth2", "strategy": "google-oauth2", "options": [:], "metadata": [:]],
    ],
    "connection_clients": ["con_UPA": ["cli_REPORTING"], "con_GOOGLE": []],
    "clients": [
        [
            "client_id": "cli_SAAS", "name": "saas-web", "app_type": "regular_web", "organization_usage": "allow",
            "client_metadata": ["managed_by": "tenantplan"],
        ],
        ["client_id": "cli_REPORTING", "name": "reporting", "app_type": "regular_web", "client_metadata": [:]],
    ],
    "roles": [["id": "rol_MEMBER", "name": "member", "description": "Member"]],
]
