/// What one customer file declares, as far as it could be read. The cross-file checks use every part that was
/// read, so a mistake in one part of a file (an invalid `login`, an organization `name` that breaks Auth0's
/// pattern) does not hide a mistake in another (a connection that is not defined).
struct CustomerDeclarations: Sendable {
    /// The file, relative to the tenant directory.
    let file: String
    /// `organization.name` as written (also when it breaks the pattern: that is reported on its own).
    var organizationName: Located<String>?
    /// The entries of `connections:` that could be read, each with its index in the file's list.
    var connections: [(index: Int, entry: EnabledConnection)] = []
    /// The `enterprise_connections:` that could be read.
    var enterpriseConnections: [Connection] = []
    /// False when an enterprise connection could not be read (no name or strategy): a reference to it elsewhere
    /// must not be reported as "not defined".
    var enterpriseConnectionsComplete = true
    /// `invitations:` when it could be read.
    var invitations: InvitePolicy?
}
