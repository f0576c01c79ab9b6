import Output
import Foundation
import InputFiles
import LocalTenant
import Invitations
import JSONValues
import ManagementAPI
import PlanModel
import TerminalText

/// `tenantplan invite DIR --organization NAME (--email ADDRESS | --from-csv FILE) …`: create organization
/// invitations that follow the organization's invite policy (docs/onboarding.md).
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
            arguments, flags: ConnectionOptions.flags.union(["dry-run", "show-url"]),
            options: ConnectionOptions.options.union([
                "organization", "email", "app-metadata", "inviter", "role", "ttl", "format", "from-csv", "tenant",
            ]),
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
            switch InputFile.read(csvPath, limit: .invitationCSV) {
            case .success(let bytes):
                guard let decoded = String(data: bytes, encoding: .utf8) else {
                    throw CLIError.unsupported("cannot read \(csvPath): it is not UTF-8 text")
                }
                text = decoded
            case .failure(let failure): throw CLIError.unsupported("cannot read \(csvPath): \(failure.reason)")
            }
            do { csv = try InvitationCSV(parsing: text) } catch let error as InvitationCSVError {
                context.stderr.write(TerminalText.escaped("\(csvPath): error: \(error)") + "\n")
                return ExitCode.failure
            }
        }

        let pipeline = Pipeline(
            context: context, directory: directory, command: "invite", connection: try ConnectionOptions(args))
        let selection = try pipeline.selection(tenantOption: args.option("tenant"))
        let lock = args.flags.contains("dry-run") ? nil : try pipeline.lockForWriting(selection)
        defer { lock?.release() }
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
                context.stderr.write(TerminalText.escaped("\(csvPath): error: \(error)") + "\n")
                return ExitCode.failure
            }
        }

        let client = try await pipeline.client(for: tenant, opened: opened)
        let report: InvitationReport
        switch try await Inviter(client: client, now: context.now).run(
            template, invitees: invitees, rejected: rejected, dryRun: args.flags.contains("dry-run"))
        {
        case .failure(let refused): return refuse(refused, context: context, directory: directory)
        case .success(let done): report = done
        }
        let showURL = args.flags.contains("show-url") || !template.sendInvitationEmail
        if json {
            context.stdout.write(InvitationReportJSON.render(report, showURL: showURL, directory: directory))
        } else {
            context.stdout.write(
                InvitationReportText.render(report, showURL: showURL, bulk: csvPath != nil, directory: directory))
        }
        return report.succeeded ? ExitCode.success : ExitCode.failure
    }

    /// Prints every refusal to stderr, one line each; nothing was written.
    static func refuse(_ refused: InvitationRefused, context: CommandContext, directory: String) -> Int32 {
        for refusal in refused.refusals {
            context.stderr.write("tenantplan: invite refused: \(TerminalText.escaped(refusal.rendered(directory: directory)))\n")
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
