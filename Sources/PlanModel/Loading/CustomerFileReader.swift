import Auth0Schema
import JSONValues
import YAML

/// Reads `customers/<name>.yaml` (README, "The tenant directory").
extension FileReader {
    /// Reads a customer file's root node.
    /// - Returns: The customer when its identity (organization name, login) could be read, and what the file
    ///   declares as far as it could be read (for the cross-file checks); problems are in ``diagnostics``.
    mutating func customer(_ root: YAMLNode) -> (customer: Customer?, declarations: CustomerDeclarations) {
        var declarations = CustomerDeclarations(file: file)
        guard
            let top = fields(
root, path: "", layout: FileLayout.customerFile)
        else { return (nil, declarations) }
        let organization = top["organization"].flatMap {
            self.organization($0, key: top.keyNode("organization")!, declarations: &declarations)
        }
        let login = top["login"].flatMap { node -> Located<LoginMode>? in
            choice(node, path: "login", FileLayout.customerFile["login"].choices!).map {
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
            let limit = FileLayout.customerFile["connections"].maxItems!
            if items.count > limit {
                error(
                    "connections lists \(items.count) enabled connections; an organization can have at most \(limit)",
                    at: top.keyNode("connections")!)
            }
            connections = Located(entries, at: location(top.keyNode("connections")!))
        }
        var enterprise: [Connection] = []
        if let node = top["enterprise_connections"], let items = sequence(node, path: "enterprise_connections") {
            for (index, item) in items.enumerated() {
                if let connection = connection(
                    item, path: "enterprise_connections[\(index)]",
                    layout: FileLayout.customerEnterpriseConnection,
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
    /// declarations are still checked against the rest), and no organization is returned. The organization is
    /// checked against the request schemas of `POST /api/v2/organizations` and `PATCH /api/v2/organizations/{id}`.
    private mutating func organization(_ node: YAMLNode, key: YAMLNode, declarations: inout CustomerDeclarations)
        -> Organization?
    {
        let start = diagnostics.count
        guard
            let fields = fields(
node, path: "organization", layout: FileLayout.organization, key: key)
        else { return nil }
        var body = DeclaredBody(root: place("organization", node, key: key))
        var name: Located<String>?
        if let node = fields["name"], let value = string(node, path: "organization.name") {
            declarations.organizationName = value
            name = value
            body.set("name", .string(value.value), at: place("organization.name", node, key: fields.keyNode("name")))
        }
        var displayName: Located<String>?
        if let node = fields["display_name"], let value = string(node, path: "organization.display_name") {
            displayName = value
            body.set(
                "display_name", .string(value.value),
                at: place("organization.display_name", node, key: fields.keyNode("display_name")))
        }
        var metadata: Located<[String: String]>?
        if let node = fields["metadata"], let key = fields.keyNode("metadata") {
            if let read = metadataMap(
                node, path: "organization.metadata", layout: FileLayout.organization["metadata"], key: key)
            {
                metadata = read.valid ? read.map : nil
                body.set(
                    "metadata", .object(read.map.value.mapValues(JSONValue.string)),
                    at: place("organization.metadata", node, key: key))
                body.record(["metadata"], node: node, key: key, yamlPath: "organization.metadata", file: file)
            }
        }
        let branding = fields["branding"].flatMap {
            self.branding($0, key: fields.keyNode("branding")!, body: &body)
        }
        let refused = checkSchemas(
            body,
            [SchemaTarget(schema: RequestSchema.createOrganization), SchemaTarget(schema: RequestSchema.updateOrganization)],
            since: start)
        guard let name, !refused.contains("name") else { return nil }
        return Organization(name: name, displayName: displayName, metadata: metadata, branding: branding)
    }

    private mutating func branding(_ node: YAMLNode, key: YAMLNode, body: inout DeclaredBody) -> Located<Branding>? {
        guard let fields = fields(node, path: "organization.branding", layout: FileLayout.branding, key: key) else {
            return nil
        }
        var json: [String: JSONValue] = [:]
        let logo = fields["logo_url"].flatMap { httpsURL($0, path: "organization.branding.logo_url") }
        if let logo, let node = fields["logo_url"] {
            json["logo_url"] = .string(logo.value)
            body.mark(["branding", "logo_url"], at: place("organization.branding.logo_url", node, key: fields.keyNode("logo_url")))
        }
        var colors: Branding.Colors?
        if let node = fields["colors"],
            let colorFields = self.fields(
node, path: "organization.branding.colors", layout: FileLayout.colors, key: fields.keyNode("colors")!)
        {
            let primary = colorFields["primary"].flatMap { color($0, path: "organization.branding.colors.primary") }
            let background = colorFields["page_background"].flatMap {
                color($0, path: "organization.branding.colors.page_background")
            }
            if let primary, let background {
                colors = Branding.Colors(primary: primary, pageBackground: background)
                json["colors"] = ["primary": .string(primary), "page_background": .string(background)]
                body.record(["branding", "colors"], node: node, key: fields.keyNode("colors"),
                            yamlPath: "organization.branding.colors", file: file)
            }
        }
        body.set("branding", .object(json), at: place("organization.branding", node, key: key))
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

    /// Reads one enabled connection; its flags are checked against the request schemas of
    /// `POST /api/v2/organizations/{id}/enabled_connections` and
    /// `PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`.
    private mutating func enabledConnection(_ node: YAMLNode, path: String) -> EnabledConnection? {
        let start = diagnostics.count
        guard
            let fields = fields(
node, path: path, layout: FileLayout.enabledConnection)
        else { return nil }
        var body = DeclaredBody(root: place(path, node, key: nil))
        let connection = fields["connection"].flatMap { string($0, path: fields.path("connection")) }
        func flag(_ key: String) -> Located<Bool>? {
            guard let node = fields[key], let value = bool(node, path: fields.path(key)) else { return nil }
            body.set(key, .bool(value.value), at: place(fields.path(key), node, key: fields.keyNode(key)))
            return value
        }
        let assign = flag("assign_membership_on_login")
        let button = flag("show_as_button")
        let signup = flag("is_signup_enabled")
        checkSchemas(
            body,
            [
                SchemaTarget(schema: RequestSchema.addEnabledConnection),
                SchemaTarget(schema: RequestSchema.updateEnabledConnection),
            ],
            since: start)
        guard let connection else { return nil }
        return EnabledConnection(
            connection: connection, assignMembershipOnLogin: assign, showAsButton: button, isSignupEnabled: signup)
    }

    /// Reads `invitations:`, checked against the request schema of `POST /api/v2/organizations/{id}/invitations`
    /// as the invitations it describes will be sent (names where the request carries ids). The lifetime is left to
    /// the policy rule `invitation-ttl`, which refuses more than the schema's `maximum` of `ttl_sec` as a finding
    /// (docs/rules.md): `validate` passes a policy that no invitation can follow yet.
    private mutating func invitePolicy(_ node: YAMLNode, key: YAMLNode) -> InvitePolicy? {
        let start = diagnostics.count
        guard
            let fields = fields(
node, path: "invitations", layout: FileLayout.invitations, key: key)
        else { return nil }
        var body = DeclaredBody(root: place("invitations", node, key: key))
        let client = fields["client"].flatMap { string($0, path: "invitations.client") }
        if let client, let node = fields["client"] {
            body.set("client_id", .string(client.value), at: place("invitations.client", node, key: fields.keyNode("client")))
        }
        let connection = fields["connection"].flatMap { string($0, path: "invitations.connection") }
        if let connection, let node = fields["connection"] {
            body.set(
                "connection_id", .string(connection.value),
                at: place("invitations.connection", node, key: fields.keyNode("connection")))
        }
        var ttl: Located<Int>?
        if fields["ttl"] != nil, fields["ttl_sec"] != nil {
            // Reported by fields(_:path:layout:key:) (an exclusive pair).
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
            // Auth0 reads 0 as "the default, 7 days"; a policy that means a lifetime says so.
            if seconds.value < 1 {
                error("invitations.ttl_sec must be at least 1 second", at: node)
            } else {
                ttl = seconds
            }
        }
        let roles = fields["roles"].flatMap { stringList($0, path: "invitations.roles") } ?? []
        // An empty list sends no `roles` (Auth0 refuses an empty array).
        if !roles.isEmpty, let node = fields["roles"] {
            body.set("roles", .array(roles.map { .string($0.value) }), at: place("invitations.roles", node, key: fields.keyNode("roles")))
            body.record(["roles"], node: node, key: fields.keyNode("roles"), yamlPath: "invitations.roles", file: file)
        }
        let email = fields["send_invitation_email"].flatMap { bool($0, path: "invitations.send_invitation_email") }
        if let email, let node = fields["send_invitation_email"] {
            body.set(
                "send_invitation_email", .bool(email.value),
                at: place("invitations.send_invitation_email", node, key: fields.keyNode("send_invitation_email")))
        }
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
        checkSchemas(body, [SchemaTarget(schema: RequestSchema.createInvitation)], since: start)
        guard let client else { return nil }
        return InvitePolicy(
            location: location(key), client: client, connection: connection, ttlSeconds: ttl, roles: roles,
            sendInvitationEmail: email, requireAppMetadata: required, memberKey: memberKey)
    }

    /// A valid name close to `text`: lowercased, other characters replaced by `-`, cut to `maxLength` characters
    /// (the schema's `maxLength` of the organization name).
    static func suggestedOrganizationName(_ text: String, maxLength: Int) -> String {
        let mapped = text.lowercased().map { c -> Character in
            (c.isASCIILetter || c.isASCIIDigit || c == "_" || c == "-") ? c : "-"
        }
        return String(String(mapped).prefix(maxLength))
    }
}
