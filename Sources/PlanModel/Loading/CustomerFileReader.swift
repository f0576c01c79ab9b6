import YAML

/// Reads `customers/<name>.yaml` (SPEC section 1, customer file).
extension FileReader {
    /// Reads a customer file's root node.
    /// - Returns: The customer when its identity (organization name, login) could be read, and what the file
    ///   declares as far as it could be read (for the cross-file checks); problems are in ``diagnostics``.
    mutating func customer(_ root: YAMLNode) -> (customer: Customer?, declarations: CustomerDeclarations) {
        var declarations = CustomerDeclarations(file: file)
        guard
            let top = fields(
                root, path: "",
                allowed: ["organization", "login", "connections", "enterprise_connections", "invitations"],
                required: ["organization", "login"])
        else { return (nil, declarations) }
        let organization = top["organization"].flatMap {
            self.organization($0, key: top.keyNode("organization")!, declarations: &declarations)
        }
        let login = top["login"].flatMap { node -> Located<LoginMode>? in
            choice(node, path: "login", LoginMode.allCases.map(\.rawValue)).map {
                Located(LoginMode(rawValue: $0.value)!, at: $0.location)
            }
        }
        var connections: Located<[EnabledConnection]>?
        if let node = top["connections"], let items = sequence(node, path: "connections") {
            var entries: [EnabledConnection] = []
            var seen: [String: SourceLocation] = [:]
            for (index, item) in items.enumerated() {
                guard let entry = enabledConnection(item, path: "connections[\(index)]") else { continue }
                if let first = seen[entry.connection.value] {
                    error(
                        "connection '\(entry.connection.value)' is enabled twice in connections",
                        at: entry.connection.location, notes: [Diagnostic.Note("first enabled here", at: first)])
                    continue
                }
                seen[entry.connection.value] = entry.connection.location
                entries.append(entry)
                declarations.connections.append((index, entry))
            }
            if items.count > Organization.enabledConnectionLimit {
                error(
                    "connections lists \(items.count) enabled connections; an organization can have at most "
                        + "\(Organization.enabledConnectionLimit)",
                    at: top.keyNode("connections")!)
            }
            connections = Located(entries, at: location(top.keyNode("connections")!))
        }
        var enterprise: [Connection] = []
        if let node = top["enterprise_connections"], let items = sequence(node, path: "enterprise_connections") {
            for (index, item) in items.enumerated() {
                if let connection = connection(
                    item, path: "enterprise_connections[\(index)]",
                    strategies: ConnectionKind.customerEnterpriseStrategies,
                    owner: organization?.name.value ?? declarations.organizationName?.value)
                {
                    enterprise.append(connection)
                } else {
                    declarations.enterpriseConnectionsComplete = false
                }
            }
        } else if top["enterprise_connections"] != nil {
            declarations.enterpriseConnectionsComplete = false
        }
        declarations.enterpriseConnections = enterprise
        let invitations = top["invitations"].flatMap { invitePolicy($0, key: top.keyNode("invitations")!) }
        declarations.invitations = invitations
        guard let organization, let login else { return (nil, declarations) }
        let customer = Customer(
            file: file, organization: organization, login: login, connections: connections,
            enterpriseConnections: enterprise, invitations: invitations)
        return (customer, declarations)
    }

    /// Reads `organization:`; an invalid `name` is reported and recorded in `declarations` (so the file's other
    /// declarations are still checked against the rest), and no organization is returned.
    private mutating func organization(_ node: YAMLNode, key: YAMLNode, declarations: inout CustomerDeclarations)
        -> Organization?
    {
        guard
            let fields = fields(
                node, path: "organization", allowed: ["name", "display_name", "metadata", "branding"],
                required: ["name"], key: key)
        else { return nil }
        var name: Located<String>?
        if let node = fields["name"], let value = string(node, path: "organization.name") {
            declarations.organizationName = value
            let text = value.value
            if text.isEmpty {
                error("organization.name must not be empty", at: node)
            } else if text.count > Self.organizationNameLimit {
                error("organization.name is \(text.count) characters; at most \(Self.organizationNameLimit)", at: node)
            } else if !Self.isOrganizationName(text) {
                var message = "organization.name '\(text)' does not match ^[a-z0-9_-]{1,50}$"
                let suggestion = Self.suggestedOrganizationName(text)
                if text.allSatisfy(\.isASCII), !suggestion.isEmpty, suggestion != text {
                    message += " (did you mean '\(suggestion)'?)"
                }
                error(message, at: node)
            } else {
                name = value
            }
        }
        let displayName = fields["display_name"].flatMap {
            boundedString($0, path: "organization.display_name", maxLength: 255)
        }
        let metadata = fields["metadata"].flatMap {
            metadataMap(
                $0, path: "organization.metadata", maxKeys: Self.organizationMetadataKeys, key: fields.keyNode("metadata")!)
        }
        let branding = fields["branding"].flatMap { self.branding($0, key: fields.keyNode("branding")!) }
        guard let name else { return nil }
        return Organization(name: name, displayName: displayName, metadata: metadata, branding: branding)
    }

    private mutating func branding(_ node: YAMLNode, key: YAMLNode) -> Located<Branding>? {
        guard let fields = fields(node, path: "organization.branding", allowed: ["logo_url", "colors"], key: key) else {
            return nil
        }
        let logo = fields["logo_url"].flatMap { httpsURL($0, path: "organization.branding.logo_url") }
        var colors: Branding.Colors?
        if let node = fields["colors"],
            let colorFields = self.fields(
                node, path: "organization.branding.colors", allowed: ["primary", "page_background"],
                required: ["primary", "page_background"], key: fields.keyNode("colors")!)
        {
            let primary = colorFields["primary"].flatMap { color($0, path: "organization.branding.colors.primary") }
            let background = colorFields["page_background"].flatMap {
                color($0, path: "organization.branding.colors.page_background")
            }
            if let primary, let background { colors = Branding.Colors(primary: primary, pageBackground: background) }
        }
        return Located(Branding(logoURL: logo?.value, colors: colors), at: location(node))
    }

    private mutating func color(_ node: YAMLNode, path: String) -> String? {
        guard let value = string(node, path: path) else { return nil }
        let hex = value.value.dropFirst()
        guard value.value.hasPrefix("#"), hex.count == 3 || hex.count == 6, hex.allSatisfy(\.isHexDigit) else {
            error("\(path) '\(value.value)' is not a hex colour (#rgb or #rrggbb)", at: node)
            return nil
        }
        return value.value
    }

    private mutating func enabledConnection(_ node: YAMLNode, path: String) -> EnabledConnection? {
        guard
            let fields = fields(
                node, path: path,
                allowed: ["connection", "assign_membership_on_login", "show_as_button", "is_signup_enabled"],
                required: ["connection"])
        else { return nil }
        let connection = fields["connection"].flatMap { string($0, path: fields.path("connection")) }
        let assign = fields["assign_membership_on_login"].flatMap {
            bool($0, path: fields.path("assign_membership_on_login"))
        }
        let button = fields["show_as_button"].flatMap { bool($0, path: fields.path("show_as_button")) }
        let signup = fields["is_signup_enabled"].flatMap { bool($0, path: fields.path("is_signup_enabled")) }
        guard let connection else { return nil }
        return EnabledConnection(
            connection: connection, assignMembershipOnLogin: assign, showAsButton: button, isSignupEnabled: signup)
    }

    private mutating func invitePolicy(_ node: YAMLNode, key: YAMLNode) -> InvitePolicy? {
        guard
            let fields = fields(
                node, path: "invitations",
                allowed: [
                    "client", "connection", "ttl", "ttl_sec", "roles", "send_invitation_email", "require_app_metadata",
                    "member_key",
                ],
                required: ["client"], key: key)
        else { return nil }
        let client = fields["client"].flatMap { string($0, path: "invitations.client") }
        let connection = fields["connection"].flatMap { string($0, path: "invitations.connection") }
        var ttl: Located<Int>?
        if fields["ttl"] != nil, let second = fields.keyNode("ttl_sec") {
            error("invitations has both ttl and ttl_sec; give one", at: second)
        } else if let node = fields["ttl"], let text = string(node, path: "invitations.ttl") {
            if let seconds = DurationText.seconds(text.value), seconds > 0 {
                ttl = Located(seconds, at: text.location)
            } else {
                error(
                    "invitations.ttl '\(text.value)' is not a duration (expected a positive number with s, m, h or d, "
                        + "e.g. 7d, 12h, 3600s)",
                    at: node)
            }
        } else if let node = fields["ttl_sec"], let seconds = int(node, path: "invitations.ttl_sec") {
            if seconds.value < 1 {
                error("invitations.ttl_sec must be at least 1 second", at: node)
            } else {
                ttl = seconds
            }
        }
        let roles = fields["roles"].flatMap { stringList($0, path: "invitations.roles") } ?? []
        let email = fields["send_invitation_email"].flatMap { bool($0, path: "invitations.send_invitation_email") }
        var required: Located<[String]>?
        if let node = fields["require_app_metadata"],
            let keys = stringList(node, path: "invitations.require_app_metadata")
        {
            required = Located(keys.map(\.value), at: location(node))
        }
        var memberKey: Located<String>?
        if let node = fields["member_key"], let name = string(node, path: "invitations.member_key") {
            if required?.value.contains(name.value) == true {
                memberKey = name
            } else {
                error(
                    "invitations.member_key '\(name.value)' is not one of require_app_metadata "
                        + "(\(required?.value.joined(separator: ", ") ?? "none")): the key that identifies the member "
                        + "must be required",
                    at: node)
            }
        }
        guard let client else { return nil }
        return InvitePolicy(
            location: location(key), client: client, connection: connection, ttlSeconds: ttl, roles: roles,
            sendInvitationEmail: email, requireAppMetadata: required, memberKey: memberKey)
    }

    /// A valid name close to `text`: lowercased, other characters replaced by `-`.
    static func suggestedOrganizationName(_ text: String) -> String {
        let mapped = text.lowercased().map { c -> Character in
            (c.isASCIILetter || c.isASCIIDigit || c == "_" || c == "-") ? c : "-"
        }
        return String(String(mapped).prefix(organizationNameLimit))
    }
}
