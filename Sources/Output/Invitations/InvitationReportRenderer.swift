import Invitations

/// A format of `tenantplan invite` and `tenantplan invitations` (``InvitationReportFormat``).
public protocol InvitationReportRenderer: FormatRenderer {
    /// `invite`'s report in this format, ending with a newline.
    /// - Parameters:
    ///   - showURL: Print each invitation URL (a bearer secret): the policy has Auth0 send no e-mail, or
    ///     `--show-url`.
    ///   - bulk: A `--from-csv` run.
    ///   - directory: The tenant directory as the user named it, in front of locations.
    static func render(_ report: InvitationReport, showURL: Bool, bulk: Bool, directory: String) -> String
    /// `invitations`' list in this format, ending with a newline.
    /// - Parameters:
    ///   - shown: The invitations listed (all, or the expired ones with `--expired`).
    ///   - revocations: The outcomes of `--revoke-expired`, or `nil` without it.
    static func render(
        _ pending: PendingInvitations, shown: [PendingInvitations.Entry], revocations: [PendingInvitations.Revocation]?
    ) -> String
}
