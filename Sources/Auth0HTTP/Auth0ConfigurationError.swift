/// Why `AUTH0_*` variables do not describe a tenant to reach; every message names the variables involved.
///
/// Secrets are never part of a message: the client secret and the API token are only ever said to be set or not.
public enum Auth0ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `AUTH0_DOMAIN` is unset or empty.
    case domainMissing
    /// `AUTH0_DOMAIN` is not a host with an optional port; `value` is `nil` when it must not be echoed.
    case invalidDomain(value: String?, reason: String)
    /// `http://` to a host that is not loopback.
    case insecureScheme(value: String, host: String)
    /// A scheme other than `https://` or `http://`.
    case unsupportedScheme(value: String)
    /// Neither the client-credentials pair nor `AUTH0_API_TOKEN` is set.
    case noCredentials
    /// One of `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET` is set without the other.
    case incompleteClientCredentials(set: String, unset: String)
    /// `AUTH0_API_TOKEN` and the client-credentials variables are both set.
    case conflictingCredentials(set: [String])

    /// The message, naming the variables involved.
    public var description: String {
        switch self {
        case .domainMissing:
            return "AUTH0_DOMAIN is not set: set it to the tenant's domain, e.g. example-prod.eu.auth0.com"
        case .invalidDomain(let value, let reason):
            return "AUTH0_DOMAIN" + (value.map { "=\($0)" } ?? "") + ": \(reason)"
        case .insecureScheme(let value, let host):
            return "AUTH0_DOMAIN=\(value): http:// is allowed only for a loopback host (127.0.0.1, ::1, localhost); "
                + "use https://\(host)"
        case .unsupportedScheme(let value):
            return "AUTH0_DOMAIN=\(value): the scheme must be https:// (http:// only for a loopback host)"
        case .noCredentials:
            return "AUTH0_DOMAIN is set but no credentials are: set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET "
                + "(client-credentials grant) or AUTH0_API_TOKEN"
        case .incompleteClientCredentials(let set, let unset):
            return "\(set) is set but \(unset) is not: the client-credentials grant needs both "
                + "AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (or set AUTH0_API_TOKEN instead)"
        case .conflictingCredentials(let set):
            return "\(set.joined(separator: ", ")) are all set: use either AUTH0_API_TOKEN or "
                + "AUTH0_CLIENT_ID with AUTH0_CLIENT_SECRET, not both"
        }
    }
}
