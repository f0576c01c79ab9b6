import Foundation
import JSONValues
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

extension MemberStanding {
    /// The customer's member id in an `app_metadata` value, exactly as stored (never trimmed or normalized: the
    /// application that reads it compares it as it is); `nil` for anything else (absent, blank, a number, an
    /// object), which a migration leaves to a person to decide (docs/sso-enforcement.md).
    public static func memberID(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// True when two member ids are the same, byte for byte (UTF-8): no trimming, no Unicode normalization
    /// (Swift's `==` would take `"Café"` composed and decomposed for one id).
    public static func sameMemberID(_ first: String, _ second: String) -> Bool {
        first.utf8.elementsEqual(second.utf8)
    }

    /// Whether `successor` is the account the person behind `user` moved to: another user carrying the same member
    /// id (``memberID(_:)`` of `app_metadata[key]`) who signs in through a connection in `enabled` (the SSO user an
    /// accepted migration invitation created). The member id binds; e-mail addresses are never compared.
    public static func hasMoved(_ user: LiveUser, to successor: LiveUser, key: String, enabled: Set<String>) -> Bool {
        guard successor.userID != user.userID, let id = memberID(user.appMetadata[key]),
            let other = memberID(successor.appMetadata[key]), sameMemberID(other, id)
        else { return false }
        return MemberStanding(of: successor, enabled: enabled) != .lockedOut
    }
}
