import ManagementAPI

/// What happened to one invitee of an invite run.
public struct InvitationOutcome: Sendable, Equatable {
    /// The result for one invitee.
    public enum Status: Sendable, Equatable {
        /// The invitation was created. `recovered` when the create's response was lost and the invitation was
        /// found by re-reading the organization's pending invitations for that address (not sent again).
        case created(LiveInvitation, recovered: Bool)
        /// Dry run: this body would be sent to `POST /api/v2/organizations/{id}/invitations`.
        case wouldCreate(NewInvitation)
        /// A pending, unexpired invitation for the address already exists in the organization; nothing sent.
        case skipped(pending: LiveInvitation)
        /// The same address appeared earlier in this run (on `line`, `nil` for a single address); nothing sent.
        case duplicate(ofLine: Int?)
        /// The invitee breaks the policy or the row is malformed; nothing sent.
        case rejected([InvitationRefusal])
        /// The create failed (an API error, or no response and the re-read could not settle it).
        case failed(String)
        /// `invite --migrate`: the member at risk cannot be bound to an invitation (the reason: no member id in
        /// `app_metadata`, no e-mail address); nothing sent, someone must decide (docs/sso-enforcement.md).
        case needsManualDecision(String)
        /// `invite --migrate`: the member already moved: the member with this `user_id` signs in through SSO and
        /// carries the same member id; nothing sent.
        case moved(to: String)
    }

    /// The address as given; `nil` for a malformed row.
    public let email: String?
    /// The 1-based CSV line, `nil` for `--email`.
    public let line: Int?
    /// What happened.
    public let status: Status
    /// The `user_id` of the existing member a migration invitation is for (`invite --migrate`); `nil` otherwise.
    public let userID: String?

    /// Creates an outcome.
    public init(email: String?, line: Int?, status: Status, userID: String? = nil) {
        self.email = email
        self.line = line
        self.status = status
        self.userID = userID
    }
}

/// The result of an invite run: one outcome per invitee, in input order.
public struct InvitationReport: Sendable, Equatable {
    /// The organization's `name`.
    public let organization: String
    /// The template the run followed.
    public let template: InvitationTemplate
    /// True when nothing was to be written (`--dry-run`).
    public let dryRun: Bool
    /// One outcome per invitee (and per rejected CSV row), in line order.
    public let outcomes: [InvitationOutcome]

    /// Creates a report.
    public init(organization: String, template: InvitationTemplate, dryRun: Bool, outcomes: [InvitationOutcome]) {
        self.organization = organization
        self.template = template
        self.dryRun = dryRun
        self.outcomes = outcomes
    }

    /// Invitations created (recovered ones included).
    public var created: Int { count { if case .created = $0 { true } else { false } } }
    /// Invitations a dry run would create.
    public var wouldCreate: Int { count { if case .wouldCreate = $0 { true } else { false } } }
    /// Invitees skipped: a pending invitation exists, the address (or member id) came earlier in the run, or the
    /// member already moved.
    public var skipped: Int {
        count {
            switch $0 {
            case .skipped, .duplicate, .moved: true
            default: false
            }
        }
    }
    /// Invitees or rows rejected before any request.
    public var rejected: Int { count { if case .rejected = $0 { true } else { false } } }
    /// Creates that failed.
    public var failed: Int { count { if case .failed = $0 { true } else { false } } }
    /// Members at risk that need a manual decision (`invite --migrate`).
    public var needManualDecision: Int { count { if case .needsManualDecision = $0 { true } else { false } } }

    /// True when every invitee was created, skipped, or (dry run) would be created: no rejection, failure or
    /// member needing a manual decision.
    public var succeeded: Bool { rejected == 0 && failed == 0 && needManualDecision == 0 }

    private func count(_ matches: (InvitationOutcome.Status) -> Bool) -> Int { outcomes.filter { matches($0.status) }.count }
}
