/// One person to invite: the e-mail address the invitation is sent to, and the `app_metadata` the Auth0 user
/// created on acceptance will carry (the company's own member id, never the e-mail, links the accounts).
public struct Invitee: Sendable, Equatable {
    /// `invitee.email`, as given (trimmed).
    public var email: String
    /// `app_metadata` members, as strings (`member_id` → `m-1001`). Empty values count as not given.
    public var appMetadata: [String: String]
    /// The 1-based line of the CSV record it came from; `nil` for `--email`.
    public var line: Int?
    /// The `user_id` of the existing member a migration invitation is for (`invite --migrate`); `nil` otherwise.
    public var userID: String?

    /// Creates an invitee.
    public init(email: String, appMetadata: [String: String], line: Int? = nil, userID: String? = nil) {
        self.email = email
        self.appMetadata = appMetadata
        self.line = line
        self.userID = userID
    }
}
