/// The environment variables tenantplan itself reads for its own credentials and tenant
/// (see `Auth0Configuration.fromEnvironment` and docs/auth0-http.md).
///
/// A tenant directory may not name them in `${env:NAME}`: a connection option would otherwise carry the tool's
/// Management API credential into the tenant (and into every plan that shows where it came from).
public enum CredentialVariables {
    /// `AUTH0_DOMAIN`: the tenant's domain.
    public static let domain = "AUTH0_DOMAIN"
    /// `AUTH0_CLIENT_ID`: the machine-to-machine application of the client-credentials grant.
    public static let clientID = "AUTH0_CLIENT_ID"
    /// `AUTH0_CLIENT_SECRET`: its secret.
    public static let clientSecret = "AUTH0_CLIENT_SECRET"
    /// `AUTH0_API_TOKEN`: a ready Management API token.
    public static let apiToken = "AUTH0_API_TOKEN"

    /// Every variable the tool reads for itself, in that order.
    public static let all = [domain, clientID, clientSecret, apiToken]

    /// True when `${env:NAME}` may not name `name`: one of ``all``, or any other `AUTH0_` variable (the prefix
    /// is the tool's; a later version may read more of them).
    public static func isReserved(_ name: String) -> Bool {
        all.contains(name) || name.hasPrefix("AUTH0_")
    }
}
