// Generated tenants at scale (the tenant-directory format of the README) with a matching local tenant, for the benchmark
// (scripts/benchmark) and the scale tests. Not part of the product.
import Apply
import Diff
import Foundation
import LocalTenant
import ManagementAPI
import PlanModel

/// Environment the generated `${env:}` secrets resolve against.
public func secretsEnvironment(_ n: Int) -> [String: String] {
    var env: [String: String] = [:]
    for i in 0..<n { env["CUSTOMER\(i)_ENTRA_SECRET"] = "bench-secret-\(i)" }
    return env
}


/// The customer file of generated customer `i`: SSO-only on its own Entra ID connection.
public func customerYAML(_ i: Int) -> String {
    let name = "customer-\(i)"
    return """
        # Generated customer \(i): SSO-only on its own Entra ID connection, invitations carry member_id.
        organization:
          name: \(name)
          display_name: Customer \(i) Ltd
          metadata:
            customer_id: "c-\(i)"
            plan: enterprise
          branding:
            logo_url: https://cdn.example.com/\(name).png
            colors: { primary: "#0059d6", page_background: "#ffffff" }
        login: sso-only
        connections:
          - connection: \(name)-entra
            assign_membership_on_login: false
            show_as_button: true
        enterprise_connections:
          - name: \(name)-entra
            strategy: waad
            display_name: Customer \(i) (Entra ID)
            options:
              domain: \(name).onmicrosoft.com
              tenant_domain: \(name).onmicrosoft.com
              client_id: 8f1c2b7e-0000-4000-8000-\(String(format: "%012d", i))
              client_secret: ${env:CUSTOMER\(i)_ENTRA_SECRET}
              domain_aliases: [\(name).example]
              userid_attribute: oid
              should_trust_email_verified_connection: never_set_emails_as_verified
            enabled_clients: [saas-web]
        invitations:
          client: saas-web
          connection: \(name)-entra
          ttl: 7d
          roles: [member]
          send_invitation_email: true
          require_app_metadata: [member_id]

        """
}

/// The `tenant.yaml` of a generated tenant.
public let tenantYAML = """
    tenant:
      domain: bench.eu.auth0.com
    connections:
      - name: Username-Password-Authentication
        strategy: auth0
        options: { passwordPolicy: good, brute_force_protection: true }
        enabled_clients: [saas-web]
    clients:
      - name: saas-web
        app_type: regular_web
        organization_usage: require
        organization_require_behavior: post_login_prompt
        initiate_login_uri: https://app.example.com/login
    roles:
      - name: member
        description: Regular member
      - name: admin
        description: Customer administrator

    """

/// Writes the tenant directory of `n` customers to `ROOT/tenant` and builds the matching local tenant, by applying
/// it to an empty in-memory one, at `ROOT/live.json`.
/// - Returns: The two paths.
/// - Throws: ``GeneratorError`` when the generated tenant does not load or apply; file errors.
public func generate(n: Int, into root: URL) async throws -> (directory: String, live: String) {
    let directory = root.appendingPathComponent("tenant")
    let customers = directory.appendingPathComponent("customers")
    try FileManager.default.createDirectory(at: customers, withIntermediateDirectories: true)
    try tenantYAML.write(to: directory.appendingPathComponent("tenant.yaml"), atomically: true, encoding: .utf8)
    for i in 0..<n {
        try customerYAML(i).write(
            to: customers.appendingPathComponent("customer-\(i).yaml"), atomically: false, encoding: .utf8)
    }
    let result = TenantLoader.load(directory: directory.path, environment: secretsEnvironment(n))
    guard let tenant = result.tenant else {
        throw GeneratorError("generated tenant does not load: \(result.diagnostics.prefix(3))")
    }
    let local = try LocalTenant(json: [:])
    let client = ManagementClient(transport: local)
    let plan = try await LivePlan.compute(for: tenant, through: client).plan
    let report = try await Applier(client: client).apply(plan, options: ApplyOptions())
    guard report.succeeded else { throw GeneratorError("apply to the local tenant failed: \(report.failed.first!)") }
    let livePath = root.appendingPathComponent("live.json")
    try await local.snapshotJSON.encoded(pretty: false).write(to: livePath)
    return (directory.path, livePath.path)
}

/// A generated tenant that does not load or apply.
public struct GeneratorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

