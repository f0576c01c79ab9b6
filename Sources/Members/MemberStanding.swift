import ManagementAPI

/// Whether a member can still sign in to an organization through its enabled connections.
///
/// A member signs in to an organization only through a connection enabled for it
/// (https://auth0.com/docs/manage-users/organizations/configure-organizations/enable-connections). A member whose
/// identities (its primary account and every linked one) are all on connections that are not enabled is locked
/// out. Only identities count: an e-mail address never makes two accounts one person (docs/onboarding.md).
public enum MemberStanding: Sendable, Equatable {
    /// Signs in through `connection`, the first of its identities on an enabled connection.
    case signsIn(through: String)
    /// No identity on an enabled connection: the member cannot sign in to the organization.
    case lockedOut

    /// The standing of `user` when the organization's enabled connections are `enabled` (connection names).
    public init(of user: LiveUser, enabled: Set<String>) {
        if let identity = user.identities.first(where: { enabled.contains($0.connection) }) {
            self = .signsIn(through: identity.connection)
        } else {
            self = .lockedOut
        }
    }
}
