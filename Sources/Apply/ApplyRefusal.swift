import Diff

/// Why `apply` would not start: found before the first write, so nothing was changed.
public enum ApplyRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plan destroys resources and `--allow-destroy` was not given.
    case destroyNotAllowed([String])
    /// The plan changes user identities and `--allow-identity-change` was not given.
    case identityChangeNotAllowed([String])
    /// Requests need `${env:NAME}` values that are unset: `(variable, change)` pairs.
    case missingSecrets([String])
    /// The plan removes enabled connections that members still sign in through (``Plan/memberLockouts``) and
    /// `--allow-member-lockout` was not given: per organization `organization "globex": 3 of 250 members`.
    case memberLockoutNotAllowed([String])

    public var description: String {
        switch self {
        case .destroyNotAllowed(let addresses):
            return "the plan destroys \(addresses.joined(separator: ", ")); nothing was applied. "
                + "Review the plan and run apply with --allow-destroy to destroy them"
        case .identityChangeNotAllowed(let reasons):
            return "the plan changes user identities (\(reasons.joined(separator: "; "))); nothing was applied. "
                + "Run apply with --allow-identity-change only if that is intended"
        case .memberLockoutNotAllowed(let organizations):
            return "the plan would lock members out (\(organizations.joined(separator: "; "))); nothing was applied. "
                + "Invite them to the organization's SSO connection first (docs/sso-enforcement.md), or run apply "
                + "with \(Plan.memberLockoutFlag) if that is intended"
        case .missingSecrets(let lines):
            return "secrets needed by the plan are unset: \(lines.joined(separator: "; ")); nothing was applied. "
                + "Set the variables and run apply again"
        }
    }
}

/// Flags that allow changes `apply` otherwise refuses.
public struct ApplyOptions: Sendable {
    /// `--allow-destroy`: destroy marked resources that are no longer declared.
    public var allowDestroy: Bool
    /// `--allow-identity-change`: replace connections and change identity-keying options.
    public var allowIdentityChange: Bool
    /// `--allow-member-lockout`: remove enabled connections that members still sign in through
    /// (``Plan/memberLockouts``).
    public var allowMemberLockout: Bool

    /// Creates options.
    public init(allowDestroy: Bool = false, allowIdentityChange: Bool = false, allowMemberLockout: Bool = false) {
        self.allowDestroy = allowDestroy
        self.allowIdentityChange = allowIdentityChange
        self.allowMemberLockout = allowMemberLockout
    }
}
