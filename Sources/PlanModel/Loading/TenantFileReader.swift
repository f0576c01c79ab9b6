import Foundation
import YAML

/// Reads `tenant.yaml` (README, "The tenant directory").
extension FileReader {
    /// The parts of `tenant.yaml`.
    struct TenantFile {
        var domain: Located<String>?
        var connections: [Connection]?
        var clients: [Client]?
        var roles: [Role]?
        var policy = PolicySettings()
        /// False when `connections:` has the wrong shape or an entry whose name could not be read: a reference
        /// to a connection not found may be to that entry, so it is not reported.
        var connectionsComplete = true
        /// As ``connectionsComplete``, for `clients:`.
        var clientsComplete = true
        /// As ``connectionsComplete``, for `roles:`.
        var rolesComplete = true
    }

    /// Reads the tenant file's root node.
    mutating func tenantFile(_ root: YAMLNode) -> TenantFile {
        var result = TenantFile()
        guard
            let top = fields(
                root, path: "", layout: FileLayout.tenantFile)
        else {
            result.connectionsComplete = false
            result.clientsComplete = false
            result.rolesComplete = false
            return result
        }
        if let node = top["tenant"],
            let tenant = fields(node, path: "tenant", layout: FileLayout.tenant, key: top.keyNode("tenant")),
            let domain = tenant["domain"].flatMap({ string($0, path: "tenant.domain") })
        {
            let host = domain.value
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            let isHost = labels.count >= 2 && labels.allSatisfy { label in
                !label.isEmpty && label.first != "-" && label.last != "-"
                    && label.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || $0 == "-" }
            }
            if !isHost {
                error(
                    "tenant.domain '\(domain.value)' must be a host name such as example-prod.eu.auth0.com",
                    at: domain.location)
            } else {
                result.domain = domain
            }
        }
        (result.connections, result.connectionsComplete) = section(top["connections"], "connections") {
            $0.connection($1, path: $2, layout: FileLayout.sharedConnection, owner: nil)
        }
        (result.clients, result.clientsComplete) = section(top["clients"], "clients") { $0.client($1, path: $2) }
        (result.roles, result.rolesComplete) = section(top["roles"], "roles") { $0.role($1, path: $2) }
        if let node = top["policy"] { result.policy = policy(node, key: top.keyNode("policy")!) }
        return result
    }

    /// The items of the list section `key` read by `read` (`nil` when the section is absent), and whether every
    /// item was read: false when the section is not a list or an item was refused, so a name it may declare is
    /// never reported as undefined.
    private mutating func section<Item>(
        _ node: YAMLNode?, _ key: String, _ read: (inout FileReader, YAMLNode, String) -> Item?
    ) -> ([Item]?, Bool) {
        guard let node else { return (nil, true) }
        guard let items = sequence(node, path: key) else { return (nil, false) }
        let values = items.enumerated().compactMap { index, item in read(&self, item, "\(key)[\(index)]") }
        return (values, values.count == items.count)
    }

    /// Reads one client, checked against the request schemas of `POST /api/v2/clients` and
    /// `PATCH /api/v2/clients/{id}` (name pattern, `app_type` and organization enums).
    private mutating func client(_ node: YAMLNode, path: String) -> Client? {
        let start = diagnostics.count
        guard
            let fields = fields(
node, path: path, layout: FileLayout.client)
        else { return nil }
        var body = DeclaredBody(root: place(path, node, key: nil))
        func read(_ key: String) -> Located<String>? {
            guard let node = fields[key], let value = string(node, path: fields.path(key)) else { return nil }
            body.set(key, .string(value.value), at: place(fields.path(key), node, key: fields.keyNode(key)))
            return value
        }
        let name = read("name")
        let appType = read("app_type")
        let usage = read("organization_usage")
        let behavior = read("organization_require_behavior")
        let loginURI = fields["initiate_login_uri"].flatMap { httpsURL($0, path: fields.path("initiate_login_uri")) }
        if let loginURI, let node = fields["initiate_login_uri"] {
            body.set(
                "initiate_login_uri", .string(loginURI.value),
                at: place(fields.path("initiate_login_uri"), node, key: fields.keyNode("initiate_login_uri")))
        }
        let refused = checkSchemas(
            body, [SchemaTarget(schema: RequestSchema.createClient), SchemaTarget(schema: RequestSchema.updateClient)],
            since: start)
        guard let name, !refused.contains("name") else { return nil }
        return Client(
            name: name, appType: appType, organizationUsage: usage, organizationRequireBehavior: behavior,
            initiateLoginURI: loginURI)
    }

    /// Reads one role, checked against the request schemas of `POST /api/v2/roles` and `PATCH /api/v2/roles/{id}`,
    /// and against tenantplan's own lengths (``Role/nameLimit``, ``Role/descriptionLimit``), which the schemas do
    /// not state.
    private mutating func role(_ node: YAMLNode, path: String) -> Role? {
        let start = diagnostics.count
        guard let fields = fields(node, path: path, layout: FileLayout.role) else {
            return nil
        }
        var body = DeclaredBody(root: place(path, node, key: nil))
        let name = fields["name"].flatMap { boundedString($0, path: fields.path("name"), maxLength: FileLayout.role["name"].maxLength!) }
        if let name, let node = fields["name"] {
            body.set("name", .string(name.value), at: place(fields.path("name"), node, key: fields.keyNode("name")))
        }
        let description = fields["description"].flatMap {
            boundedString($0, path: fields.path("description"), maxLength: FileLayout.role["description"].maxLength!)
        }
        if let description, let node = fields["description"] {
            body.set(
                "description", .string(description.value),
                at: place(fields.path("description"), node, key: fields.keyNode("description")))
        }
        let refused = checkSchemas(
            body, [SchemaTarget(schema: RequestSchema.createRole), SchemaTarget(schema: RequestSchema.updateRole)],
            since: start)
        guard let name, !refused.contains("name") else { return nil }
        return Role(name: name, description: description)
    }

    private mutating func policy(_ node: YAMLNode, key: YAMLNode) -> PolicySettings {
        guard let fields = fields(node, path: "policy", layout: FileLayout.policy, key: key) else {
            return PolicySettings()
        }
        var rules: [String: PolicySettings.RuleSettings] = [:]
        if let node = fields["rules"] {
            if let pairs = node.mapping {
                for pair in pairs {
                    let id = pair.keyText
                    guard let settings = pair.value.mapping else {
                        error("expected a mapping for policy.rules.\(id), found \(pair.value.kindDescription)",
                              at: pair.value)
                        continue
                    }
                    var severity: Located<String>?
                    var parameters: [String: Located<String>] = [:]
                    for setting in settings {
                        let path = "policy.rules.\(id).\(setting.keyText)"
                        if setting.keyText == "severity" {
                            severity = choice(setting.value, path: path, FileLayout.severities)
                        } else if let value = string(setting.value, path: path) {
                            parameters[setting.keyText] = value
                        }
                    }
                    rules[id] = PolicySettings.RuleSettings(
                        location: location(pair.key), severity: severity, parameters: parameters)
                }
            } else {
                error("expected a mapping for policy.rules, found \(node.kindDescription)", at: node)
            }
        }
        var exceptions: [PolicyException] = []
        if let node = fields["exceptions"], let items = sequence(node, path: "policy.exceptions") {
            for (index, item) in items.enumerated() {
                let path = "policy.exceptions[\(index)]"
                guard
                    let entry = self.fields(
item, path: path, layout: FileLayout.policyException)
                else { continue }
                let rule = entry["rule"].flatMap { string($0, path: "\(path).rule") }
                let organization = entry["organization"].flatMap { string($0, path: "\(path).organization") }
                let reason = entry["reason"].flatMap { boundedString($0, path: "\(path).reason", maxLength: FileLayout.exceptionReasonLimit) }
                var expires: Located<String>?
                if let node = entry["expires"], let value = string(node, path: "\(path).expires") {
                    if Self.isISODate(value.value) {
                        expires = value
                    } else {
                        error(
                            "\(path).expires '\(value.value)' is not a date (expected YYYY-MM-DD, a day that exists)",
                            at: node)
                    }
                }
                if let rule, let reason {
                    exceptions.append(
                        PolicyException(
                            location: location(item), rule: rule, organization: organization, reason: reason.value,
                            expires: expires))
                }
            }
        }
        return PolicySettings(rules: rules, exceptions: exceptions)
    }

    /// True for `YYYY-MM-DD` naming a day of the Gregorian calendar (`2027-02-30` and `2027-13-01` are not):
    /// the date is built in UTC and must read back as the same year, month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let wanted = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: wanted) else { return false }
        let found = calendar.dateComponents([.year, .month, .day], from: date)
        return found.year == year && found.month == month && found.day == day
    }
}
