import Foundation
import Invitations
import JSONValues
import ManagementAPI
import PlanModel

/// `tenantplan invite DIR --organization NAME (--email ADDRESS | --from-csv FILE) …`: create organization
/// invitations that follow the organization's invite policy (SPEC section 1, `invitations:`).
///
/// Options: `--app-metadata KEY=VALUE` (repeatable; with `--from-csv`, a default for every row),
/// `--inviter NAME`, `--role NAME` (repeatable; each must be allowed by the policy), `--ttl DURATION` (`3d`,
/// `12h`, `3600s`), `--dry-run`, `--show-url`, `--format text|json`, `--tenant local:PATH`.
///
/// Order: load the directory while the live tenant opens, check the request against the policy (a refusal exits
/// 1 before any request), resolve ids and read pending invitations (reads), then create one invitation at a time.
/// The invitation URL is a bearer secret for the invitee: it is printed only when the policy sets
/// `send_invitation_email: false` (the operator must deliver it) or with `--show-url`.
/// Exit: 0 when every invitee was invited or skipped; 1 on a refusal, a rejected row or a failed create.
enum InviteCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(
            arguments, flags: ["dry-run", "show-url"],
            options: ["organization", "email", "app-metadata", "inviter", "role", "ttl", "format", "from-csv", "tenant"],
            repeatable: ["app-metadata", "role"])
        let directory = try args.directory()
        guard let organization = args.option("organization"), !organization.isEmpty else {
            throw CLIError.usage("invite needs --organization NAME")
        }
        let json = try OutputFormat.parse(args.option("format")) == .json
        let email = args.option("email")?.trimmingCharacters(in: .whitespaces)
        let csvPath = args.option("from-csv")
        guard (email == nil) != (csvPath == nil) else {
            throw CLIError.usage("invite needs either --email ADDRESS or --from-csv FILE")
        }
        var ttlSeconds: Int?
        if let text = args.option("ttl") {
            guard let seconds = DurationText.seconds(text), seconds >= 1 else {
                throw CLIError.usage("--ttl takes a duration of at least 1s, such as 7d, 12h or 3600s")
            }
            ttlSeconds = seconds
        }
        var metadata: [String: String] = [:]
        for pair in args.options["app-metadata"] ?? [] {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CLIError.usage("--app-metadata takes KEY=VALUE, got '\(pair)'")
            }
            let key = String(pair[..<eq])
            guard metadata[key] == nil else { throw CLIError.usage("--app-metadata \(key)= is given twice; give it once") }
            metadata[key] = String(pair[pair.index(after: eq)...])
        }
        var csv: InvitationCSV?
        if let csvPath {
            let text: String
            do { text = try String(contentsOfFile: csvPath, encoding: .utf8) } catch {
                throw CLIError.unsupported("cannot read \(csvPath): \(error.localizedDescription)")
            }
            do { csv = try InvitationCSV(parsing: text) } catch let error as InvitationCSVError {
                context.stderr.write("\(csvPath): error: \(error)\n")
                return ExitCode.failure
            }
        }

        let pipeline = Pipeline(context: context, directory: directory)
        let selection = try TenantSelection.choose(
            option: args.option("tenant"), directory: directory, environment: context.environment)
        let (loaded, opened) = await pipeline.loadWhileOpening(selection)
        guard let tenant = loaded else { return ExitCode.failure }

        let template: InvitationTemplate
        switch InvitePolicyCheck.template(
            organization: organization, in: tenant, inviterName: args.option("inviter"), roles: args.options["role"],
            ttlSeconds: ttlSeconds)
        {
        case .failure(let refused): return refuse(refused, context: context, directory: directory)
        case .success(let checked): template = checked
        }
        var invitees: [Invitee] = []
        var rejected: [InvitationOutcome] = []
        if let email {
            let invitee = Invitee(email: email, appMetadata: metadata)
            let refusals = InvitePolicyCheck.check(invitee, against: template)
            guard refusals.isEmpty else {
                return refuse(InvitationRefused(refusals), context: context, directory: directory)
            }
            invitees = [invitee]
        } else if let csv, let csvPath {
            do {
                (invitees, rejected) = try csv.invitees(required: template.requiredAppMetadata, common: metadata)
            } catch let error as InvitationCSVError {
                context.stderr.write("\(csvPath): error: \(error)\n")
                return ExitCode.failure
            }
        }

        let client = try pipeline.client(for: tenant, opened: opened)
        let report: InvitationReport
        switch try await Inviter(client: client, now: context.now).run(
            template, invitees: invitees, rejected: rejected, dryRun: args.flags.contains("dry-run"))
        {
        case .failure(let refused): return refuse(refused, context: context, directory: directory)
        case .success(let done): report = done
        }
        let showURL = args.flags.contains("show-url") || !template.sendInvitationEmail
        if json {
            context.stdout.write(InviteReportRenderer.json(report, showURL: showURL, directory: directory))
        } else {
            context.stdout.write(
                InviteReportRenderer.text(report, showURL: showURL, bulk: csvPath != nil, directory: directory))
        }
        return report.succeeded ? ExitCode.success : ExitCode.failure
    }

    /// Prints every refusal to stderr, one line each; nothing was written.
    static func refuse(_ refused: InvitationRefused, context: CommandContext, directory: String) -> Int32 {
        for refusal in refused.refusals {
            context.stderr.write("tenantplan: invite refused: \(refusal.rendered(directory: directory))\n")
        }
        return ExitCode.failure
    }
}

/// `--format` of the invitation commands.
enum OutputFormat: String {
    case text, json

    /// Parses `--format`; `nil` is text.
    /// - Throws: ``CLIError/usage(_:)`` for another value.
    static func parse(_ value: String?) throws -> OutputFormat {
        guard let value else { return .text }
        guard let format = OutputFormat(rawValue: value) else {
            throw CLIError.usage("--format takes text or json here, got '\(value)'")
        }
        return format
    }
}

/// Renders an ``InvitationReport`` as text or JSON.
enum InviteReportRenderer {
    /// One line per invitee (and `invitation_url` under it when shown), then, for a CSV run or a dry run, a
    /// summary; locations in refusals carry `directory` in front. Ends with a newline.
    static func text(_ report: InvitationReport, showURL: Bool, bulk: Bool, directory: String) -> String {
        var lines: [String] = []
        for outcome in report.outcomes {
            let who = [outcome.email, outcome.line.map { "(line \($0))" }].compactMap { $0 }.joined(separator: " ")
            switch outcome.status {
            case .created(let invitation, let recovered):
                var line = "invited \(who): \(invitation.id), expires \(invitation.expiresAt ?? "(unknown)")"
                if recovered { line += " (response lost; found among the pending invitations, not sent again)" }
                lines.append(line)
                if showURL, let url = invitation.invitationURL { lines.append("  invitation_url: \(url)") }
            case .wouldCreate(let body):
                let t = report.template
                var parts = ["client \(t.client)"]
                if let connection = t.connection { parts.append("connection \(connection)") }
                if !t.roles.isEmpty { parts.append("roles \(t.roles.joined(separator: ", "))") }
                parts.append("ttl \(DurationText.text(t.ttlSeconds))")
                parts.append("send_invitation_email \(t.sendInvitationEmail)")
                let metadata = body.appMetadata.keys.sorted().map { "\($0)=\(body.appMetadata[$0]!.stringValue ?? "")" }
                if !metadata.isEmpty { parts.append("app_metadata \(metadata.joined(separator: " "))") }
                lines.append("would invite \(who): \(parts.joined(separator: ", "))")
            case .skipped(let pending):
                lines.append(
                    "skipped \(who): pending invitation \(pending.id) expires \(pending.expiresAt ?? "(unknown)")")
            case .duplicate(let earlier):
                lines.append("skipped \(who): the same address as " + (earlier.map { "line \($0)" } ?? "above"))
            case .rejected(let refusals):
                lines.append("rejected \(who.isEmpty ? "invitee" : who): "
                    + refusals.map { $0.rendered(directory: directory) }.joined(separator: "; "))
            case .failed(let error):
                lines.append("failed \(who): \(error)")
            }
        }
        if bulk || report.dryRun {
            let created = report.dryRun ? "\(report.wouldCreate) to create" : "\(report.created) created"
            var summary = "Invitations to organization \(report.organization): \(created), \(report.skipped) skipped, "
                + "\(report.rejected) rejected, \(report.failed) failed."
            if report.dryRun { summary += " Dry run: nothing was sent." }
            lines.append(summary)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"format_version": 1, "organization", "dry_run", "results": [...], "summary": {...}}` with sorted keys.
    /// Each result: `email`, `line` (CSV only), `status` (`created`, `would_create`, `skipped`, `rejected`,
    /// `failed`), and `invitation_id`, `expires_at`, `invitation_url` (only when shown), `request` (dry run),
    /// `errors`, `note` as they apply.
    static func json(_ report: InvitationReport, showURL: Bool, directory: String) -> String {
        let results: [JSONValue] = report.outcomes.map { outcome in
            var item: [String: JSONValue] = [:]
            if let email = outcome.email { item["email"] = .string(email) }
            if let line = outcome.line { item["line"] = .int(line) }
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
            }
            return .object(item)
        }
        let document: JSONValue = [
            "format_version": 1,
            "organization": .string(report.organization),
            "dry_run": .bool(report.dryRun),
            "results": .array(results),
            "summary": [
                "created": .int(report.created), "would_create": .int(report.wouldCreate),
                "skipped": .int(report.skipped), "rejected": .int(report.rejected), "failed": .int(report.failed),
            ],
        ]
        return String(decoding: document.encoded(pretty: true), as: UTF8.self) + "\n"
    }
}
