import Foundation
import Invitations
import JSONValues
import ManagementAPI

/// `tenantplan invitations DIR --organization NAME [--expired] [--revoke-expired]`: list an organization's
/// pending invitations (invitee, roles, expiry, whether expired) and revoke the expired ones.
///
/// Options: `--expired` (list only expired invitations), `--revoke-expired` (`DELETE` each expired invitation),
/// `--format text|json`, `--tenant local:PATH`. Invitation URLs are never printed (bearer secrets).
/// Exit: 0 on success; 1 on an error or a failed revocation.
enum InvitationsCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(
            arguments, flags: ["expired", "revoke-expired"], options: ["organization", "format", "tenant"])
        let directory = try args.directory()
        guard let organization = args.option("organization"), !organization.isEmpty else {
            throw CLIError.usage("invitations needs --organization NAME")
        }
        let json = try OutputFormat.parse(args.option("format")) == .json
        let pipeline = Pipeline(context: context, directory: directory)
        let selection = try TenantSelection.choose(
            option: args.option("tenant"), directory: directory, environment: context.environment)
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }
        let client = try pipeline.client(for: tenant, opened: opened)

        let pending: PendingInvitations
        switch try await PendingInvitations.read(
            organization: organization, tenant: tenant, client: client, now: context.now)
        {
        case .failure(let refused):
            for refusal in refused.refusals {
                context.stderr.write("tenantplan: error: \(refusal.rendered(directory: directory))\n")
            }
            return ExitCode.failure
        case .success(let read): pending = read
        }
        let revocations = args.flags.contains("revoke-expired") ? await pending.revokeExpired(client: client) : nil
        let shown = args.flags.contains("expired") ? pending.expired : pending.entries
        if json {
            context.stdout.write(Self.json(pending, shown: shown, revocations: revocations))
        } else {
            context.stdout.write(Self.text(pending, shown: shown, revocations: revocations))
        }
        let failed = revocations?.contains { $0.status.isFailure } ?? false
        return failed ? ExitCode.failure : ExitCode.success
    }

    /// A header with the counts, one line per invitation (`id  email  roles  expires AT[  expired]`), then one
    /// line per revocation.
    static func text(_ pending: PendingInvitations, shown: [PendingInvitations.Entry],
                     revocations: [PendingInvitations.Revocation]?) -> String
    {
        var lines = [
            "Pending invitations of organization \(pending.organization) (\(pending.organizationID)): "
                + "\(pending.entries.count) pending, \(pending.expired.count) expired"
        ]
        for entry in shown {
            let roles = entry.roleNames.isEmpty ? "(no roles)" : entry.roleNames.joined(separator: ",")
            var line = "  \(entry.invitation.id)  \(entry.invitation.inviteeEmail)  \(roles)  "
                + "expires \(entry.invitation.expiresAt ?? "(unknown)")"
            if entry.expired { line += "  expired" }
            lines.append(line)
        }
        if let revocations {
            for revocation in revocations {
                let id = "\(revocation.entry.invitation.id) (\(revocation.entry.invitation.inviteeEmail))"
                switch revocation.status {
                case .revoked: lines.append("revoked \(id)")
                case .alreadyGone: lines.append("revoked \(id): already gone")
                case .failed(let error): lines.append("failed to revoke \(id): \(error)")
                }
            }
            let revoked = revocations.filter { !$0.status.isFailure }.count
            lines.append("Revoked \(revoked) expired invitation\(revoked == 1 ? "" : "s").")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"format_version": 1, "organization", "organization_id", "invitations": [{id, invitee, roles, created_at,
    /// expires_at, expired}], "revoked": [{id, status}]}` with sorted keys (`revoked` only with `--revoke-expired`).
    static func json(_ pending: PendingInvitations, shown: [PendingInvitations.Entry],
                     revocations: [PendingInvitations.Revocation]?) -> String
    {
        var document: [String: JSONValue] = [
            "format_version": 1,
            "organization": .string(pending.organization),
            "organization_id": .string(pending.organizationID),
            "invitations": .array(shown.map { entry in
                var item: [String: JSONValue] = [
                    "id": .string(entry.invitation.id), "invitee": .string(entry.invitation.inviteeEmail),
                    "roles": .array(entry.roleNames.map(JSONValue.string)), "expired": .bool(entry.expired),
                ]
                if let created = entry.invitation.createdAt { item["created_at"] = .string(created) }
                if let expiry = entry.invitation.expiresAt { item["expires_at"] = .string(expiry) }
                return .object(item)
            }),
        ]
        if let revocations {
            document["revoked"] = .array(revocations.map { revocation in
                var item: [String: JSONValue] = ["id": .string(revocation.entry.invitation.id)]
                switch revocation.status {
                case .revoked: item["status"] = "revoked"
                case .alreadyGone: item["status"] = "already_gone"
                case .failed(let error):
                    item["status"] = "failed"
                    item["error"] = .string(error)
                }
                return .object(item)
            })
        }
        return String(decoding: JSONValue.object(document).encoded(pretty: true), as: UTF8.self) + "\n"
    }
}

extension PendingInvitations.Revocation.Status {
    /// True for ``failed(_:)``.
    var isFailure: Bool { if case .failed = self { true } else { false } }
}
