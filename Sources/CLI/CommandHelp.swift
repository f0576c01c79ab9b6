import Output

/// The usage of each command, printed by `tenantplan COMMAND --help` (the global usage is ``TenantplanCLI/usage``).
/// The `--format` choices come from the format registries (``FindingsFormat``, ``PlanFormat``,
/// ``InvitationReportFormat``).
enum CommandHelp {
    /// Options every command accepts.
    static let common = """
          --no-color                no colour (also: NO_COLOR set, or output not a terminal)
          -h, --help                this help

        """

    /// Options of the commands that read the live tenant.
    static let connection = """
          --tenant local:PATH       the embedded local tenant saved at PATH
                                    (default: DIR/.tenantplan/local-tenant.json, unless AUTH0_DOMAIN is set)
          --max-rps N               remote tenant: requests per second (default 5)
          --parallelism N           remote tenant: requests in flight (1 to 16, default 4)
          --verbose                 each request's method, path, status and duration on stderr

        remote tenant: AUTH0_DOMAIN with AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_API_TOKEN

        """

    /// `tenantplan COMMAND --help`, or `nil` for a word that is not a command.
    static func usage(of command: String) -> String? {
        switch command {
        case "validate":
            return """
                usage: tenantplan validate [DIR] [--no-color]

                Load and validate the tenant directory DIR (default: the current directory) and print every error
                with file:line:column. No network. Exit 0 valid, 1 errors.

                options:

                """ + common
        case "check":
            return """
                usage: tenantplan check [DIR] [--format \(FindingsFormat.usageChoices)]

                Validate, then run the policy rules (docs/rules.md). No network.
                Exit 0 no error findings, 1 load or policy-settings errors, 3 error findings.

                options:
                  --format FORMAT           \(FindingsFormat.helpChoices)

                """ + common
        case "plan":
            return """
                usage: tenantplan plan [DIR] [--format \(PlanFormat.usageChoices)] [--out FILE] [--detailed-exitcode]
                                       [--target organization:NAME ... | --changed-since REV] [--tenant local:PATH]

                Run the checks, read the live tenant, diff it with DIR and print the plan.
                Exit 0 (no changes, or changes without --detailed-exitcode), 1 error, 2 changes with
                --detailed-exitcode, 3 policy errors.

                options:
                  --format FORMAT           \(PlanFormat.helpChoices)
                  --out FILE                also save the plan for apply FILE (no secret in it)
                  --detailed-exitcode       exit 2 when there are changes
                  --target organization:NAME
                                            only that customer (repeatable)
                  --changed-since REV       only the customers whose files changed since git revision REV

                """ + connection + common
        case "apply":
            return """
                usage: tenantplan apply [DIR] [--auto-approve] [--allow-destroy] [--allow-identity-change]
                                        [--allow-member-lockout]
                       tenantplan apply FILE [--allow-destroy] [--allow-identity-change] [--allow-member-lockout]

                Plan DIR and carry the plan out, or carry out a plan saved by plan --out FILE (refused as stale
                when the live tenant or the files changed since). Asks for 'yes' on a terminal unless --auto-approve.
                Exit 0 applied or nothing to do, 1 error or refused, 3 policy errors.

                options:
                  --auto-approve            do not ask for confirmation
                  --allow-destroy           destroy marked resources no longer declared
                  --allow-identity-change   replace connections / change how users are keyed
                  --allow-member-lockout    remove enabled connections members still sign in through

                """ + connection + common
        case "invite":
            return """
                usage: tenantplan invite [DIR] --organization NAME (--email ADDRESS | --from-csv FILE)
                                         [--app-metadata KEY=VALUE ...] [--inviter NAME] [--role NAME ...]
                                         [--ttl 3d] [--dry-run] [--show-url] [--format \(InvitationReportFormat.usageChoices)]
                       tenantplan invite [DIR] --organization NAME --migrate [--connection NAME] [--dry-run] ...

                Create organization invitations as the organization's invite policy allows (docs/onboarding.md).
                With --migrate: invite each member the declared login locks out to the organization's SSO
                connection, bound by the member id in its app_metadata, never by e-mail (docs/sso-enforcement.md).
                Exit 0 every invitee invited or skipped, 1 a refusal, a rejected row or member, a failed create, or
                a member needing a manual decision.

                options:
                  --organization NAME       the customer's organization
                  --email ADDRESS           one invitee; --from-csv FILE for many (email, member_id, ... columns)
                  --migrate                 the members at risk under the declared login (see tenantplan members)
                  --connection NAME         --migrate: the SSO connection, when several stay enabled
                  --app-metadata KEY=VALUE  app_metadata for the invitee (repeatable; member_id=...)
                  --inviter NAME, --role NAME, --ttl 3d
                                            inviter name; roles and lifetime within the policy
                  --dry-run                 send nothing; print the requests
                  --show-url                print the invitation URL (a bearer secret)
                  --format FORMAT           \(InvitationReportFormat.helpChoices)

                """ + connection + common
        case "invitations":
            return """
                usage: tenantplan invitations [DIR] --organization NAME [--expired] [--revoke-expired]
                                              [--format \(InvitationReportFormat.usageChoices)]

                List an organization's pending invitations; revoke expired ones.

                options:
                  --organization NAME       the customer's organization
                  --expired                 list only expired invitations
                  --revoke-expired          delete the expired invitations
                  --format FORMAT           \(InvitationReportFormat.helpChoices)

                """ + connection + common
        case "members":
            return """
                usage: tenantplan members [DIR] --organization NAME [--format \(MembersFormat.usageChoices)]

                Who is where in one organization: each member, the connections it signs in with, who the declared
                login locks out once the organization's plan is applied, who was invited (a pending invitation
                carrying its member id) and who moved (an SSO member carrying the same member id). Reads only
                (docs/sso-enforcement.md). Exit 0 read, 1 error.

                options:
                  --organization NAME       the customer's organization
                  --format FORMAT           \(MembersFormat.helpChoices)

                """ + connection + common
        case "export":
            return """
                usage: tenantplan export [DIR] --out OUTDIR [--domain HOST] [--force]

                Write the live tenant as a tenant directory (secrets as ${env:NAME}; docs/export.md).

                options:
                  --out OUTDIR              the folder to write
                  --domain HOST             tenant.domain of the written tenant.yaml
                  --force                   write into a folder that is not empty

                """ + connection + common
        case "schema":
            return """
                usage: tenantplan schema tenant|customer
                       tenantplan schema [tenant|customer] --out DIR

                Print the JSON Schema (draft 2020-12) of tenant.yaml or of a customer file, or write both as
                DIR/tenant.schema.json and DIR/customer.schema.json. Editors validate and complete YAML with them
                (docs/editor.md). No network. Exit 0 written, 1 error.

                options:
                  --out DIR                 write into DIR (created if missing) instead of printing

                """ + common
        default:
            return nil
        }
    }
}
