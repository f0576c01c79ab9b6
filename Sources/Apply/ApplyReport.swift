import Diff

/// What an apply did: requests done, the ones that failed and why, and the ones not attempted.
///
/// After a failure, `plan` shows exactly the remainder and a second `apply` converges. The report holds no prose
/// about the requests: `Output` words each one from its ``Entry/planned`` request.
public struct ApplyReport: Sendable, Equatable {
    /// One request's outcome.
    public struct Entry: Sendable, Equatable {
        /// The request as planned (placeholders unresolved); `Output` words what it does from it:
        /// `create connection "acme-entra"`.
        public let planned: PlannedRequest
        /// `METHOD path` as sent (ids resolved), or as planned when not sent.
        public let request: String
        /// A note: `already existed (409): used the existing object`, or the failure's reason.
        public let detail: String?

        /// Creates an entry.
        public init(planned: PlannedRequest, request: String, detail: String?) {
            self.planned = planned
            self.request = request
            self.detail = detail
        }
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
