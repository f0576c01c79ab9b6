import Auth0Schema
/// The layout of `tenant.yaml` and of a customer file: every mapping the loader reads, with its keys
/// (``MappingLayout``, ``KeyLayout``). The readers (`TenantFileReader`, `CustomerFileReader`,
/// `FileReader+Resources`) take their keys from here, and `tenantplan schema` writes these layouts as JSON Schema
/// (docs/editor.md). README, "The tenant directory", describes the files.
public enum FileLayout {
    // MARK: Patterns of tenantplan's own checks (each beside the code check it describes in words).

    /// `tenant.domain`: a lower-case host name of two labels or more, each of letters, digits and `-`, not
    /// starting or ending with `-` (the check in `TenantFileReader`).
    public static let hostPattern = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
    /// An `https://` URL without white space (``FileReader/httpsURL(_:path:)``; the scheme in any case).
    public static let httpsURLPattern = "^[Hh][Tt][Tt][Pp][Ss]://[^\\s]+$"
    /// A branding colour: `#rgb` or `#rrggbb`.
    public static let colorPattern = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
    /// `YYYY-MM-DD` (the loader also checks that the day exists: `2027-02-30` is refused).
    public static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    /// The severities a rule can be set to in `policy.rules.<id>.severity`.
    public static let severities = ["error", "warning", "off"]
    /// The longest `reason` of a policy exception.
    public static let exceptionReasonLimit = 1000

    // MARK: tenant.yaml

    /// The top of `tenant.yaml`.
    public static let tenantFile = MappingLayout(
        "tenant.yaml: the tenant, its shared connections, clients and roles, and the policy settings.",
        [
            KeyLayout("tenant", .mapping(tenant), "The Auth0 tenant this directory describes.").isRequired,
            KeyLayout(
                "connections", .list(KeyLayout("", .mapping(sharedConnection), "A shared connection.")),
                "Shared connections (database, social, passwordless, enterprise). Absent: not managed; "
                    + "an empty list: managed, none wanted."),
            KeyLayout(
                "clients", .list(KeyLayout("", .mapping(client), "An application.")),
                "Applications (clients); only their organization-related fields are managed. Absent: not managed."),
            KeyLayout(
                "roles", .list(KeyLayout("", .mapping(role), "A role.")),
                "Roles invitations may grant. tenantplan creates and updates roles, never deletes one."),
            KeyLayout("policy", .mapping(policy), "Policy rule settings and exceptions (docs/rules.md)."),
        ])

    /// `tenant:`.
    public static let tenant = MappingLayout(
        "The Auth0 tenant.",
        [
            KeyLayout(
                "domain", .string,
                "The tenant's domain, e.g. example-prod.eu.auth0.com; AUTH0_DOMAIN must equal it when planning "
                    + "against Auth0."
            ).isRequired.with { $0.pattern = hostPattern },
        ])

    /// `connections[i]` of `tenant.yaml`: any strategy Auth0 knows.
    public static let sharedConnection = connection(strategies: nil)

    /// `enterprise_connections[i]` of a customer file: the customer enterprise strategies
    /// (``ConnectionKind/customerEnterpriseStrategies``).
    public static let customerEnterpriseConnection = connection(strategies: ConnectionKind.customerEnterpriseStrategies)

    /// One connection, of `strategies` (`nil`: any strategy Auth0 knows).
    private static func connection(strategies: [String]?) -> MappingLayout {
        let connection = RequestSchema.createConnection
        return MappingLayout(
            strategies == nil ? "A connection shared by the tenant." : "An enterprise connection owned by this customer.",
            [
                KeyLayout("name", .string, "The connection's name; connections are matched by name.")
                    .isRequired.sent(as: connection, "name"),
                strategies.map { list in
                    KeyLayout(
                        "strategy", .string,
                        "The identity provider type. Changing it replaces the connection (--allow-identity-change)."
                    ).isRequired.with { $0.choices = list }
                }
                    ?? KeyLayout(
                        "strategy", .string,
                        "The identity provider type. Changing it replaces the connection (--allow-identity-change)."
                    ).isRequired.sent(as: connection, "strategy"),
                KeyLayout("display_name", .string, "The name shown on the login page.")
                    .sent(as: connection, "display_name"),
                KeyLayout(
                    "options", .connectionOptions,
                    "The strategy's options as Auth0 takes them; keys not written are kept. Write secrets as "
                        + "${env:NAME} (docs/secrets.md)."),
                KeyLayout(
                    "enabled_clients", .list(KeyLayout("", .string, "A client name declared in clients:.")),
                    "The managed clients (by name) this connection is enabled for."),
                KeyLayout("metadata", .stringMap, "String metadata of the connection; managed_by is reserved.")
                    .sent(as: connection, "metadata").with {
                        $0.maxProperties = RequestSchema.declaredConnectionMetadataKeys
                        $0.keyMaxLength = Auth0Limits.metadataKeyLength
                        $0.reservedKeys = [FileReader.ownershipKey]
                    },
            ])
    }

    /// `clients[i]`.
    public static let client = MappingLayout(
        "An application (client); only its organization-related fields are compared.",
        [
            KeyLayout("name", .string, "The client's name; clients are matched by name.")
                .isRequired.sent(as: RequestSchema.createClient, "name"),
            KeyLayout("app_type", .string, "The application type.").sent(as: RequestSchema.createClient, "app_type"),
            KeyLayout("organization_usage", .string, "Whether the application uses organizations at login.")
                .sent(as: RequestSchema.createClient, "organization_usage"),
            KeyLayout(
                "organization_require_behavior", .string,
                "What Universal Login does when the login needs an organization and none is given."
            ).sent(as: RequestSchema.createClient, "organization_require_behavior"),
            KeyLayout(
                "initiate_login_uri", .string,
                "The application's login route (https://), where invitation links send the invitee."
            ).sent(as: RequestSchema.createClient, "initiate_login_uri").with { $0.pattern = httpsURLPattern },
        ])

    /// `roles[i]`.
    public static let role = MappingLayout(
        "A role.",
        [
            KeyLayout("name", .string, "The role's name; roles are matched by name.")
                .isRequired.sent(as: RequestSchema.createRole, "name")
                .with { $0.minLength = 1; $0.maxLength = Role.nameLimit },
            KeyLayout("description", .string, "What the role is for.")
                .sent(as: RequestSchema.createRole, "description")
                .with { $0.minLength = 1; $0.maxLength = Role.descriptionLimit },
        ])

    /// `policy:`.
    public static let policy = MappingLayout(
        "Policy rule settings and exceptions (docs/rules.md).",
        [
            KeyLayout(
                "rules", .ruleSettings,
                "Rule id -> settings: severity (error, warning, off) and the rule's parameters."
            ).with { $0.choices = severities },
            KeyLayout(
                "exceptions", .list(KeyLayout("", .mapping(policyException), "An exception.")),
                "Findings of a rule to accept for one organization (or tenant-wide), with the reason."),
        ])

    /// `policy.exceptions[i]`.
    public static let policyException = MappingLayout(
        "Accepts a rule's findings for one organization, with the reason.",
        [
            KeyLayout("rule", .string, "The rule id (docs/rules.md).").isRequired,
            KeyLayout(
                "organization", .string,
                "The organization the exception covers; without it, only tenant-wide findings."),
            KeyLayout("reason", .string, "Why the finding is accepted (shown in reports).")
                .isRequired.with { $0.minLength = 1; $0.maxLength = exceptionReasonLimit },
            KeyLayout(
                "expires", .string, "The last day (UTC) the exception applies, YYYY-MM-DD; after it the finding is back."
            ).with { $0.pattern = datePattern },
        ])

    // MARK: Customer files

    /// The top of a customer file.
    public static let customerFile = MappingLayout(
        "A customer file: one Auth0 organization, how its members log in, and its invite policy.",
        [
            KeyLayout("organization", .mapping(organization), "The customer's Auth0 organization.").isRequired,
            KeyLayout(
                "login", .string,
                "How members log in: sso-only (the customer's enterprise connection only), sso-and-password, "
                    + "password-only."
            ).isRequired.with { $0.choices = LoginMode.allCases.map(\.rawValue) },
            KeyLayout(
                "connections", .list(KeyLayout("", .mapping(enabledConnection), "An enabled connection.")),
                "The organization's enabled connections, the complete list for the connections tenantplan manages."
            ).with { $0.maxItems = Auth0Limits.enabledConnectionsPerOrganization },
            KeyLayout(
                "enterprise_connections",
                .list(KeyLayout("", .mapping(customerEnterpriseConnection), "An enterprise connection.")),
                "Enterprise connections this customer owns (its identity provider)."),
            KeyLayout("invitations", .mapping(invitations), "The invite policy `tenantplan invite` follows."),
        ])

    /// `organization:`.
    public static let organization = MappingLayout(
        "The customer's Auth0 organization.",
        [
            KeyLayout("name", .string, "The organization's name (used in login URLs); organizations are matched by name.")
                .isRequired.sent(as: RequestSchema.createOrganization, "name"),
            KeyLayout("display_name", .string, "The name shown to members.")
                .sent(as: RequestSchema.createOrganization, "display_name"),
            KeyLayout(
                "metadata", .stringMap,
                "String metadata of the organization, the complete wanted map; managed_by is reserved."
            ).sent(as: RequestSchema.createOrganization, "metadata").with {
                $0.maxProperties = RequestSchema.declaredOrganizationMetadataKeys
                $0.keyMaxLength = Auth0Limits.metadataKeyLength
                $0.reservedKeys = [FileReader.ownershipKey]
            },
            KeyLayout("branding", .mapping(branding), "The organization's login page branding."),
        ])

    /// `organization.branding`.
    public static let branding = MappingLayout(
        "The organization's login page branding.",
        [
            KeyLayout("logo_url", .string, "The logo's https:// URL.")
                .sent(as: RequestSchema.createOrganization, "branding", "logo_url")
                .with { $0.pattern = httpsURLPattern },
            KeyLayout("colors", .mapping(colors), "Login page colours; both are required."),
        ])

    /// `organization.branding.colors`.
    public static let colors = MappingLayout(
        "Login page colours.",
        [
            KeyLayout("primary", .string, "The primary colour, #rgb or #rrggbb.")
                .isRequired.sent(as: RequestSchema.createOrganization, "branding", "colors", "primary")
                .with { $0.pattern = colorPattern },
            KeyLayout("page_background", .string, "The page background colour, #rgb or #rrggbb.")
                .isRequired.sent(as: RequestSchema.createOrganization, "branding", "colors", "page_background")
                .with { $0.pattern = colorPattern },
        ])

    /// `connections[i]` of a customer file.
    public static let enabledConnection = MappingLayout(
        "A connection enabled for the organization, with its flags.",
        [
            KeyLayout("connection", .string, "The connection's name (declared in this directory or live).").isRequired,
            KeyLayout(
                "assign_membership_on_login", .boolean,
                "Whether anyone who logs in with the connection becomes a member."
            ).sent(as: RequestSchema.addEnabledConnection, "assign_membership_on_login"),
            KeyLayout("show_as_button", .boolean, "Whether the login prompt shows the connection as a button.")
                .sent(as: RequestSchema.addEnabledConnection, "show_as_button"),
            KeyLayout("is_signup_enabled", .boolean, "Whether sign-up through the connection is open (database only).")
                .sent(as: RequestSchema.addEnabledConnection, "is_signup_enabled"),
        ])

    /// `invitations:`.
    public static let invitations = MappingLayout(
        "The invite policy: what every invitation to this organization carries.",
        [
            KeyLayout("client", .string, "The client (by name) whose login route invitations open.").isRequired,
            KeyLayout("connection", .string, "The connection (by name) invitees must log in with."),
            KeyLayout(
                "ttl", .string,
                "How long an invitation lives: a positive number with s, m, h or d (7d, 12h, 3600s), at most 30 days."
            ).with { $0.pattern = DurationText.pattern(maximumSeconds: Auth0Limits.invitationTTLMaximum) },
            KeyLayout("ttl_sec", .integer, "How long an invitation lives, in seconds (instead of ttl).")
                .sent(as: RequestSchema.createInvitation, "ttl_sec")
                .with { $0.minimum = 1 },
            KeyLayout(
                "roles", .list(KeyLayout("", .string, "A role name declared in roles:.")),
                "The roles (by name) an invitation grants."),
            KeyLayout("send_invitation_email", .boolean, "Whether Auth0 e-mails the invitation.")
                .sent(as: RequestSchema.createInvitation, "send_invitation_email"),
            KeyLayout(
                "require_app_metadata", .list(KeyLayout("", .string, "An app_metadata key.")),
                "app_metadata keys every invitation must carry (e.g. member_id, the company's own member id)."),
            KeyLayout(
                "member_key", .string,
                "The app_metadata key that identifies a member; one of require_app_metadata."),
        ],
        exclusive: [("ttl", "ttl_sec")])
}
