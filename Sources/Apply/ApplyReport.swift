/// What an apply did: requests done, the ones that failed and why, and the ones not attempted.
///
/// After a failure, `plan` shows exactly the remainder and a second `apply` converges.
public struct ApplyReport: Sendable, Equatable {
    /// One request's outcome.
    public struct Entry: Sendable, Equatable {
        /// What the request does: `create connection "acme-entra"`.
        public let summary: String
        /// `METHOD path` as sent (ids resolved), or as planned when not sent.
        public let request: String
        /// A note: `already existed (409): used the existing object`, or the failure's reason.
        public let detail: String?
    }

    /// Requests carried out.
    public internal(set) var done: [Entry] = []
    /// Requests that failed.
    public internal(set) var failed: [Entry] = []
    /// Requests not sent because something they depend on failed.
    public internal(set) var notAttempted: [Entry] = []

    /// True when every request was carried out.
    public var succeeded: Bool { failed.isEmpty && notAttempted.isEmpty }
}
