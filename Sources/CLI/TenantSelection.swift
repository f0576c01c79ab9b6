import Auth0HTTP
import Foundation
import LocalTenant
import ManagementAPI

/// A remote Auth0 tenant as chosen from the environment: the domain, the `AUTH0_*` variables (secrets: never
/// printed, see ``description``), the pacing options, and where `--verbose` lines and rate-limit notices go.
public struct RemoteTenant: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `AUTH0_DOMAIN` as given.
    public let domain: String
    /// The `AUTH0_*` variables.
    let environment: [String: String]
    /// `--max-rps`, `--parallelism`, `--verbose`.
    public let connection: ConnectionOptions
    /// Where `--verbose` lines and the rate-limit notices (shown without `--verbose` too) go: standard error.
    let log: (@Sendable (String) -> Void)?

    /// Creates a remote tenant selection.
    public init(
        domain: String, environment: [String: String], connection: ConnectionOptions,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.domain = domain
        self.environment = environment.filter { $0.key.hasPrefix("AUTH0_") }
        self.connection = connection
        self.log = log
    }

    public static func == (lhs: RemoteTenant, rhs: RemoteTenant) -> Bool {
        lhs.domain == rhs.domain && lhs.environment == rhs.environment && lhs.connection == rhs.connection
    }

    /// The domain only: the variables hold the client secret or a token.
    public var description: String { "remote tenant \(domain)" }
    public var debugDescription: String { description }
}

/// Which live tenant a command runs against (README, "Using it").
///
/// `--tenant local:PATH` names an embedded local tenant file. Otherwise `AUTH0_DOMAIN` (with `AUTH0_CLIENT_ID` and
/// `AUTH0_CLIENT_SECRET`) names a remote Auth0 tenant. With neither, the embedded local tenant at
/// `DIR/.tenantplan/local-tenant.json` is the default, so the main job runs on a fresh machine with no account.
public enum TenantSelection: Sendable, Equatable {
    /// The embedded local tenant saved at a path.
    case local(path: String)
    /// A remote Auth0 tenant (`AUTH0_DOMAIN`).
    case remote(RemoteTenant)

    /// The default local tenant file of a tenant directory.
    public static func defaultLocalPath(directory: String) -> String {
        (directory as NSString).appendingPathComponent(".tenantplan/local-tenant.json")
    }

    /// Chooses the tenant from `--tenant` and the environment. `--tenant` wins; else a non-empty `AUTH0_DOMAIN` names
    /// a remote tenant; else the default local tenant — unless `AUTH0_DOMAIN` is set but empty or Auth0
    /// credentials are set without it (a CI secret gone missing must not turn an apply into a local one).
    /// - Parameters:
    ///   - connection: How a remote tenant is paced.
    ///   - log: Where `--verbose` lines and rate-limit notices go.
    /// - Throws: ``CLIError/usage(_:)`` for a malformed `--tenant`; ``CLIError/unsupported(_:)`` for an empty
    ///   `AUTH0_DOMAIN` or credentials without it.
    public static func choose(
        option: String?, directory: String, environment: [String: String],
        connection: ConnectionOptions = ConnectionOptions(), log: (@Sendable (String) -> Void)? = nil
    ) throws -> TenantSelection {
        if let option {
            guard option.hasPrefix("local:"), option.count > 6 else {
                throw CLIError.usage("--tenant takes local:PATH (remote tenants come from AUTH0_DOMAIN)")
            }
            return .local(path: String(option.dropFirst(6)))
        }
        if let domain = environment["AUTH0_DOMAIN"] {
            // Set but empty is how a CI system passes a missing secret: never fall back to a local tenant then.
            guard !domain.isEmpty else {
                throw CLIError.unsupported(
                    "AUTH0_DOMAIN is set but empty (a missing secret?): set it to the tenant's domain, or unset it "
                        + "and pass --tenant local:PATH for a local tenant")
            }
            return .remote(RemoteTenant(domain: domain, environment: environment, connection: connection, log: log))
        }
        let credentials = ["AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "AUTH0_API_TOKEN"].filter {
            !(environment[$0] ?? "").isEmpty
        }
        guard credentials.isEmpty else {
            throw CLIError.unsupported(
                "\(credentials.joined(separator: " and ")) \(credentials.count == 1 ? "is" : "are") set but AUTH0_DOMAIN "
                    + "is not: set AUTH0_DOMAIN to the tenant's domain, or pass --tenant local:PATH for a local tenant")
        }
        return .local(path: defaultLocalPath(directory: directory))
    }

    /// Opens the selection in this process. Opening sends no request.
    /// - Throws: ``LocalTenantError`` for a bad local file; `Auth0ConfigurationError` for missing or contradictory
    ///   `AUTH0_*` variables or an `http://` endpoint that is not a loopback host.
    @Sendable public static func open(_ selection: TenantSelection) throws -> any ManagementTransport {
        switch selection {
        case .local(let path):
            return try LocalTenant(path: path)
        case .remote(let remote):
            let options = Auth0TransportOptions(
                maxRequestsPerSecond: remote.connection.maxRequestsPerSecond, parallelism: remote.connection.parallelism)
            return try Auth0Transport.fromEnvironment(
                remote.environment, options: options, log: remote.connection.verbose ? remote.log : nil,
                notices: remote.log)
        }
    }
}
