import Foundation
import LocalTenant
import ManagementAPI

/// Which live tenant a command runs against (SPEC section 2).
///
/// `--tenant local:PATH` names an embedded local tenant file. Otherwise `AUTH0_DOMAIN` (with `AUTH0_CLIENT_ID` and
/// `AUTH0_CLIENT_SECRET`) names a remote Auth0 tenant. With neither, the embedded local tenant at
/// `DIR/.tenantplan/local-tenant.json` is the default, so the main job runs on a fresh machine with no account.
public enum TenantSelection: Sendable, Equatable {
    /// The embedded local tenant saved at a path.
    case local(path: String)
    /// A remote Auth0 tenant by domain.
    case remote(domain: String)

    /// The default local tenant file of a tenant directory.
    public static func defaultLocalPath(directory: String) -> String {
        (directory as NSString).appendingPathComponent(".tenantplan/local-tenant.json")
    }

    /// Chooses the tenant from `--tenant` and the environment.
    /// - Throws: ``CLIError/usage(_:)`` for a malformed `--tenant`.
    public static func choose(option: String?, directory: String, environment: [String: String]) throws
        -> TenantSelection
    {
        if let option {
            guard option.hasPrefix("local:"), option.count > 6 else {
                throw CLIError.usage("--tenant takes local:PATH (remote tenants come from AUTH0_DOMAIN)")
            }
            return .local(path: String(option.dropFirst(6)))
        }
        if let domain = environment["AUTH0_DOMAIN"], !domain.isEmpty { return .remote(domain: domain) }
        return .local(path: defaultLocalPath(directory: directory))
    }

    /// Opens the selection in this process.
    /// - Throws: ``LocalTenantError`` for a bad local file; ``CLIError/unsupported(_:)`` for remote tenants, whose
    ///   HTTP client is not built yet.
    @Sendable public static func open(_ selection: TenantSelection) throws -> any ManagementTransport {
        switch selection {
        case .local(let path):
            return try LocalTenant(path: path)
        case .remote(let domain):
            throw CLIError.unsupported(
                "AUTH0_DOMAIN=\(domain): the Auth0 HTTP client is not part of this build yet; "
                    + "unset AUTH0_DOMAIN to use the embedded local tenant, or pass --tenant local:PATH")
        }
    }
}
