/// A customer's declared login intent (`login:` in a customer file).
public enum LoginMode: String, Sendable, Equatable, CaseIterable {
    /// Only the customer's enterprise connection: no password or social sign-in path.
    case ssoOnly = "sso-only"
    /// Enterprise connection plus a database connection (e.g. while password users migrate).
    case ssoAndPassword = "sso-and-password"
    /// Database connection only.
    case passwordOnly = "password-only"
}
