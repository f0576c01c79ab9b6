import JSONValues
import LocalTenant
import TestSupport

/// Small tenants for the tests.
enum ExampleData {
    /// Three organizations, one role, one client.
    static let tenant: JSONValue = [
        "organizations": [
            ["id": "org_acme000000000001", "name": "acme", "display_name": "Acme", "enabled_connections": []],
            ["id": "org_beta000000000002", "name": "beta", "display_name": "Beta", "enabled_connections": []],
            ["id": "org_gamma00000000003", "name": "gamma", "display_name": "Gamma", "enabled_connections": []],
        ],
        "connections": [],
        "connection_clients": [:],
        "clients": [["client_id": "app1", "name": "Portal", "app_type": "regular_web"]],
        "roles": [["id": "rol_admin00000000001", "name": "admin", "description": "Administrators"]],
    ]

    /// A 503 with an Auth0 error body.
    static let unavailable = LoopbackResponse.apiError(503, "Service Unavailable", "upstream unavailable")
}
