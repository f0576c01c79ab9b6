import Invitations
import JSONValues

/// The `json` format of `tenantplan invite` (versioned: `format_version: 1`).
public enum InvitationReportJSON {
    /// `{"format_version": 1, "tool": {"name", "version"}, "organization", "dry_run", "roles", "roles_from",
    /// "results": [...], "summary": {...}}` with sorted keys. `roles`: the role names every invitation of the run
    /// grants (`[]` for none); `roles_from`: `policy` (no `--role` given: the policy's `roles`) or `--role`.
    /// Each result: `email`, `line` (CSV only), `user_id` (`--migrate` only: the member invited), `status`
    /// (`created`, `would_create`, `skipped`, `rejected`, `failed`, `needs_manual_decision`), and `invitation_id`,
    /// `expires_at`, `invitation_url` (only when shown), `request` (dry run), `moved_to` (`--migrate`: the SSO
    /// member carrying the same member id), `errors`, `note` as they apply. `summary` counts `created`,
    /// `would_create`, `skipped`, `rejected`, `failed`, `needs_manual_decision`.
    public static func render(_ report: InvitationReport, showURL: Bool, directory: String) -> String {
        let results: [JSONValue] = report.outcomes.map { outcome in
            var item: [String: JSONValue] = [:]
            if let email = outcome.email { item["email"] = .string(email) }
            if let line = outcome.line { item["line"] = .int(line) }
            if let userID = outcome.userID { item["user_id"] = .string(userID) }
            switch outcome.status {
            case .created(let invitation, let recovered):
                item["status"] = "created"
                item["invitation_id"] = .string(invitation.id)
                if let expiry = invitation.expiresAt { item["expires_at"] = .string(expiry) }
                if showURL, let url = invitation.invitationURL { item["invitation_url"] = .string(url) }
                if recovered { item["note"] = "response lost; found among the pending invitations, not sent again" }
            case .wouldCreate(let body):
                item["status"] = "would_create"
                item["request"] = body.body
            case .skipped(let pending):
                item["status"] = "skipped"
                item["invitation_id"] = .string(pending.id)
                if let expiry = pending.expiresAt { item["expires_at"] = .string(expiry) }
                item["note"] = "a pending invitation exists"
            case .duplicate(let earlier):
                item["status"] = "skipped"
                item["note"] = .string("the same address as " + (earlier.map { "line \($0)" } ?? "above"))
            case .rejected(let refusals):
                item["status"] = "rejected"
                item["errors"] = .array(refusals.map { .string($0.rendered(directory: directory)) })
            case .failed(let error):
                item["status"] = "failed"
                item["errors"] = [.string(error)]
            case .needsManualDecision(let reason):
                item["status"] = "needs_manual_decision"
                item["note"] = .string(reason)
            case .moved(let to):
                item["status"] = "skipped"
                item["moved_to"] = .string(to)
                item["note"] = "moved: a member signing in through SSO carries the same member id"
            }
            return .object(item)
        }
        let document: JSONValue = [
            "format_version": 1,
            "tool": .object(ToolIdentity.json.mapValues(JSONValue.string)),
            "organization": .string(report.organization),
            "dry_run": .bool(report.dryRun),
            "roles": .array(report.template.roles.map(JSONValue.string)),
            "roles_from": .string(report.template.rolesFromPolicy ? "policy" : "--role"),
            "results": .array(results),
            "summary": [
                "created": .int(report.created), "would_create": .int(report.wouldCreate),
                "skipped": .int(report.skipped), "rejected": .int(report.rejected), "failed": .int(report.failed),
                "needs_manual_decision": .int(report.needManualDecision),
            ],
        ]
        return String(decoding: document.encoded(pretty: true), as: UTF8.self) + "\n"
    }
}

extension InvitationReportJSON: InvitationReportRenderer {
    /// The `json` entry of ``InvitationReportFormat`` for `invite` (the document is the same for a CSV run).
    public static func render(_ report: InvitationReport, showURL: Bool, bulk: Bool, directory: String) -> String {
        render(report, showURL: showURL, directory: directory)
    }

    /// The `json` entry of ``InvitationReportFormat`` for `invitations`: ``PendingInvitationsJSON``.
    public static func render(
        _ pending: PendingInvitations, shown: [PendingInvitations.Entry], revocations: [PendingInvitations.Revocation]?
    ) -> String {
        PendingInvitationsJSON.render(pending, shown: shown, revocations: revocations)
    }
}
