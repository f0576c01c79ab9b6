/// An Auth0 organization as declared in `customers/<name>.yaml` under `organization:`.
///
/// Fields follow `POST /api/v2/organizations` (Management API v2). An absent optional section is not managed:
/// the live value is kept.
public struct Organization: Sendable, Equatable {
    /// The organization's `name` (identity; the format and length of `CreateOrganizationRequestContent.name`,
    /// ``RequestSchema``), where its value is written.
    public let name: Located<String>
    /// `display_name` (length as `CreateOrganizationRequestContent.display_name`); `nil` when not managed.
    public let displayName: Located<String>?
    /// `metadata`: the complete wanted map (the ownership marker is added by tenantplan); `nil` when not managed.
    public let metadata: Located<[String: String]>?
    /// `branding`; `nil` when not managed.
    public let branding: Located<Branding>?

    /// Creates an organization.
    public init(
        name: Located<String>, displayName: Located<String>?, metadata: Located<[String: String]>?,
        branding: Located<Branding>?
    ) {
        self.name = name
        self.displayName = displayName
        self.metadata = metadata
        self.branding = branding
    }
}

/// An organization's `branding`: logo and colours, as `Organization.branding` in the Management API.
public struct Branding: Sendable, Equatable {
    /// `logo_url`: an `https://` URL.
    public let logoURL: String?
    /// `colors.primary` and `colors.page_background`, both `#rgb`/`#rrggbb`; both present or neither.
    public let colors: Colors?

    /// Creates branding.
    public init(logoURL: String?, colors: Colors?) {
        self.logoURL = logoURL
        self.colors = colors
    }

    /// Both required colours.
    public struct Colors: Sendable, Equatable {
        /// `primary`.
        public let primary: String
        /// `page_background`.
        public let pageBackground: String

        /// Creates colours.
        public init(primary: String, pageBackground: String) {
            self.primary = primary
            self.pageBackground = pageBackground
        }
    }
}

/// One entry of a customer's `connections:`: a connection enabled on the organization
/// (`/api/v2/organizations/{id}/enabled_connections`). Undeclared flags are not managed.
public struct EnabledConnection: Sendable, Equatable {
    /// The connection's name, where the `connection:` value is written.
    public let connection: Located<String>
    /// `assign_membership_on_login`.
    public let assignMembershipOnLogin: Located<Bool>?
    /// `show_as_button`.
    public let showAsButton: Located<Bool>?
    /// `is_signup_enabled` (database connections only, and only with `assign_membership_on_login: true`).
    public let isSignupEnabled: Located<Bool>?

    /// Creates an entry.
    public init(
        connection: Located<String>, assignMembershipOnLogin: Located<Bool>?, showAsButton: Located<Bool>?,
        isSignupEnabled: Located<Bool>?
    ) {
        self.connection = connection
        self.assignMembershipOnLogin = assignMembershipOnLogin
        self.showAsButton = showAsButton
        self.isSignupEnabled = isSignupEnabled
    }
}
