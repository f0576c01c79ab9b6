import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel
import YAML

/// A live snapshot laid out as a tenant directory (README, "The tenant directory"): the trees of `tenant.yaml` and of one
/// `customers/<organization>.yaml` per organization, with every list and key in a fixed order.
///
/// - `tenant.yaml`: `tenant.domain`; `connections:` with every connection not owned by one customer (database,
///   social and passwordless connections, and enterprise connections enabled on no organization or on several,
///   or whose strategy a customer file does not accept); `clients:` with the organization-related fields
///   tenantplan manages; `roles:`. Every list is written, empty or not ("managed, none wanted").
/// - `customers/<name>.yaml`: `organization` (name, display_name, metadata, branding), `login` derived from the
///   enabled connections (``loginMode(_:)``), `connections:` (every enabled connection with the flags Auth0
///   returned) and `enterprise_connections:` (the enterprise connections enabled on this organization only,
///   with a strategy customer files accept).
///
/// Resources are sorted by name, option and metadata keys by key. The ownership marker is never written (the
/// planner adds it). A value the loader would refuse is left out with a note (``notes``), so that the directory
/// loads and a plan of it against the same tenant shows no field changes.
struct TenantExport {
    /// The `tenant.yaml` tree.
    private(set) var tenantFile: YAMLEmitter.Value = nil
    /// Each customer file's tree by organization name, sorted by name.
    private(set) var customerFiles: [(organization: String, tree: YAMLEmitter.Value)] = []
    /// What was left out and why, in file order.
    private(set) var notes: [String] = []
    /// Secrets written as `${env:NAME}`.
    var secrets: [SecretVariable] { names.variables }
    /// Shared connections written to `tenant.yaml`.
    private(set) var sharedConnections = 0
    /// Enterprise connections written to customer files.
    private(set) var enterpriseConnections = 0
    /// Clients written.
    private(set) var clients = 0
    /// Roles written.
    private(set) var roles = 0

    private var names = SecretNames()
    /// Exported client names by `client_id`.
    private var clientNames: [String: String] = [:]
    /// Exported connections by id.
    private var connectionsByID: [String: LiveConnection] = [:]

    /// Lays out `live` for the tenant `domain`.
    init(live: LiveSnapshot, domain: String) {
        let clientEntries = exportClients(live.clients)
        let roleEntries = exportRoles(live.roles)
        let connections = firstByName(live.connections, kind: "connections", name: \.name, id: \.id).filter {
            guard ExportedText.isConnectionName($0.name) else {
                notes.append("connection \"\($0.name)\" not exported: its name does not match Auth0's connection "
                    + "name pattern")
                return false
            }
            return true
        }
        connectionsByID = Dictionary(connections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let organizations = firstByName(live.organizations, kind: "organizations", name: \.name, id: \.id)
            .filter {
                guard Auth0Limits.isOrganizationName($0.name) else {
                    notes.append("organization \"\($0.name)\" not exported: its name is not an Auth0 organization name "
                        + "(\(Auth0Limits.organizationNameMinimumLength) to \(Auth0Limits.organizationNameLength) "
                        + "characters: \(SchemaValidator.checkedFormatSummaries["organization-name"] ?? ""))")
                    return false
                }
                return true
            }

        // Which exported organizations enable each connection.
        var users: [String: Set<String>] = [:]
        for organization in organizations {
            for entry in organization.enabledConnections ?? [] {
                users[entry.connectionID, default: []].insert(organization.name)
            }
        }
        var owned: [String: [LiveConnection]] = [:]
        var shared: [LiveConnection] = []
        for connection in connections {
            let using = users[connection.id] ?? []
            if ConnectionKind.customerEnterpriseStrategies.contains(connection.strategy), using.count == 1 {
                owned[using.first!, default: []].append(connection)
            } else {
                shared.append(connection)
            }
        }

        var connectionEntries: [YAMLEmitter.Value] = []
        for connection in shared {
            connectionEntries.append(exportConnection(connection))
        }
        sharedConnections = shared.count
        tenantFile = [
            "tenant": ["domain": .string(domain)],
            "connections": .sequence(connectionEntries),
            "clients": .sequence(clientEntries),
            "roles": .sequence(roleEntries),
        ]

        for organization in organizations {
            let ownConnections = owned[organization.name] ?? []
            enterpriseConnections += ownConnections.count
            customerFiles.append((organization.name, exportCustomer(organization, owned: ownConnections)))
        }
    }

    /// The login mode an organization's enabled connections amount to: only enterprise connections ->
    /// `sso-only`; enterprise connections and any other (database, social, passwordless) -> `sso-and-password`;
    /// no enterprise connection (or none at all) -> `password-only`. These are the modes the policy rules
    /// `sso-only-password-connection` and `sso-only-no-enterprise-connection` accept for such organizations.
    static func loginMode(_ kinds: [ConnectionKind]) -> LoginMode {
        let enterprise = kinds.contains(.enterprise)
        if enterprise { return kinds.allSatisfy { $0 == .enterprise } ? .ssoOnly : .ssoAndPassword }
        return .passwordOnly
    }

    // MARK: Customers

    private mutating func exportCustomer(_ organization: LiveOrganization, owned: [LiveConnection])
        -> YAMLEmitter.Value
    {
        let subject = "organization \"\(organization.name)\""
        var fields: [YAMLEmitter.Entry] = [YAMLEmitter.Entry("name", .string(organization.name))]
        if let displayName = organization.displayName,
            let value = text(displayName, maxLength: Self.organizationDisplayNameLength, subject: subject, field: "display_name")
        {
            fields.append(YAMLEmitter.Entry("display_name", value))
        }
        if let metadata = metadata(organization.metadata, maxKeys: RequestSchema.declaredOrganizationMetadataKeys, subject: subject) {
            fields.append(YAMLEmitter.Entry("metadata", metadata))
        }
        if let branding = branding(organization.branding, subject: subject) {
            fields.append(YAMLEmitter.Entry("branding", branding))
        }

        let live = organization.enabledConnections ?? []
        let kinds = live.map { ConnectionKind(strategy: connectionsByID[$0.connectionID]?.strategy ?? $0.strategy) }
        var entries: [(name: String, value: YAMLEmitter.Value)] = []
        var complete = live.count <= Auth0Limits.enabledConnectionsPerOrganization
        if !complete {
            notes.append("\(subject): connections left out (not managed): \(live.count) enabled connections; "
                + "tenantplan accepts at most \(Auth0Limits.enabledConnectionsPerOrganization)")
        }
        for entry in live where complete {
            guard let connection = connectionsByID[entry.connectionID] else {
                notes.append("\(subject): connections left out (not managed): enabled connection \"\(entry.name)\" "
                    + "is not exported")
                complete = false
                break
            }
            entries.append((connection.name, enabledConnection(entry, connection: connection, subject: subject)))
        }

        var file: [YAMLEmitter.Entry] = [
            YAMLEmitter.Entry("organization", .mapping(fields)),
            YAMLEmitter.Entry("login", .string(Self.loginMode(kinds).rawValue)),
        ]
        if complete {
            file.append(YAMLEmitter.Entry("connections", .sequence(entries.sorted { $0.name < $1.name }.map(\.value))))
        }
        if !owned.isEmpty {
            file.append(YAMLEmitter.Entry("enterprise_connections", .sequence(owned.map { exportConnection($0) })))
        }
        return .mapping(file)
    }

    /// One `connections:` entry with the flags Auth0 returned; `is_signup_enabled` only where the loader accepts
    /// it (database connections, and `true` only with `assign_membership_on_login: true`).
    private mutating func enabledConnection(
        _ entry: LiveEnabledConnection, connection: LiveConnection, subject: String
    ) -> YAMLEmitter.Value {
        var flags: [YAMLEmitter.Entry] = [YAMLEmitter.Entry("connection", .string(connection.name))]
        if let assign = entry.assignMembershipOnLogin {
            flags.append(YAMLEmitter.Entry("assign_membership_on_login", .bool(assign)))
        }
        if let button = entry.showAsButton { flags.append(YAMLEmitter.Entry("show_as_button", .bool(button))) }
        if let signup = entry.isSignupEnabled {
            if ConnectionKind(strategy: connection.strategy) != .database {
                notes.append("\(subject): is_signup_enabled of connection \"\(connection.name)\" left out: "
                    + "tenantplan accepts it on database connections only")
            } else if signup, entry.assignMembershipOnLogin != true {
                notes.append("\(subject): is_signup_enabled of connection \"\(connection.name)\" left out: true "
                    + "needs assign_membership_on_login: true")
            } else {
                flags.append(YAMLEmitter.Entry("is_signup_enabled", .bool(signup)))
            }
        }
        return .mapping(flags)
    }

    /// `branding` with the parts the loader accepts: an `https://` `logo_url`, and `colors` when both are hex.
    private mutating func branding(_ branding: JSONValue?, subject: String) -> YAMLEmitter.Value? {
        guard let branding = branding?.objectValue else { return nil }
        var entries: [YAMLEmitter.Entry] = []
        if let logo = branding["logo_url"]?.stringValue {
            if ExportedText.isHTTPSURL(logo) {
                entries.append(YAMLEmitter.Entry("logo_url", .string(logo)))
            } else {
                notes.append("\(subject): branding.logo_url left out: '\(logo)' is not an https:// URL")
            }
        }
        if let colors = branding["colors"]?.objectValue {
            if let primary = colors["primary"]?.stringValue, let background = colors["page_background"]?.stringValue,
                ExportedText.isHexColor(primary), ExportedText.isHexColor(background)
            {
                entries.append(
                    YAMLEmitter.Entry("colors", ["primary": .string(primary), "page_background": .string(background)]))
            } else {
                notes.append("\(subject): branding.colors left out: tenantplan needs both primary and "
                    + "page_background as #rgb or #rrggbb")
            }
        }
        return entries.isEmpty ? nil : .mapping(entries)
    }

    // MARK: Connections

    /// One connection: name, strategy, display_name, options, enabled_clients (always written, names of exported
    /// clients, sorted), metadata.
    private mutating func exportConnection(_ connection: LiveConnection) -> YAMLEmitter.Value {
        let subject = "connection \"\(connection.name)\""
        var entries: [YAMLEmitter.Entry] = [
            YAMLEmitter.Entry("name", .string(connection.name)),
            YAMLEmitter.Entry("strategy", .string(connection.strategy)),
        ]
        if let displayName = connection.displayName,
            let value = text(displayName, maxLength: Self.connectionDisplayNameLength, subject: subject, field: "display_name")
        {
            entries.append(YAMLEmitter.Entry("display_name", value))
        }
        let options = OptionsExport(
            connection.options ?? [:], connection: connection.name, strategy: connection.strategy, names: &names)
        for (key, reason) in options.leftOut {
            notes.append("\(subject): options.\(key) left out (kept as it is): \(reason)")
        }
        if !options.entries.isEmpty { entries.append(YAMLEmitter.Entry("options", .mapping(options.entries))) }
        let enabled = Set((connection.enabledClients ?? []).compactMap { clientNames[$0] }).sorted()
        entries.append(YAMLEmitter.Entry("enabled_clients", .sequence(enabled.map(YAMLEmitter.Value.string))))
        if let metadata = metadata(connection.metadata, maxKeys: RequestSchema.declaredConnectionMetadataKeys, subject: subject) {
            entries.append(YAMLEmitter.Entry("metadata", metadata))
        }
        return .mapping(entries)
    }

    // MARK: Clients and roles

    /// The longest organization `display_name` the loader accepts (`CreateOrganizationRequestContent`).
    private static let organizationDisplayNameLength = maxLength(RequestSchema.createOrganization, "display_name")
    /// The longest connection `display_name` the loader accepts (`CreateConnectionRequestContent`).
    private static let connectionDisplayNameLength = maxLength(RequestSchema.createConnection, "display_name")
    /// The values of the client fields tenantplan manages that the loader accepts: the `enum`s of
    /// `CreateClientRequestContent` (`ClientAppTypeEnum`, `ClientOrganizationUsageEnum`,
    /// `ClientOrganizationRequireBehaviorEnum`).
    private static let appTypes = allowedValues(RequestSchema.createClient, "app_type")
    private static let organizationUsages = allowedValues(RequestSchema.createClient, "organization_usage")
    private static let requireBehaviors = allowedValues(RequestSchema.createClient, "organization_require_behavior")

    private static func maxLength(_ schema: String, _ field: String) -> Int {
        RequestSchema.facts(schema, [field]).maxLength ?? Int.max
    }

    private static func allowedValues(_ schema: String, _ field: String) -> [String] {
        (RequestSchema.facts(schema, [field]).allowedValues ?? []).compactMap(\.stringValue)
    }

    /// Clients sorted by name with the fields tenantplan manages (`app_type`, `organization_usage`,
    /// `organization_require_behavior`, `initiate_login_uri`), each when set to a value the loader accepts.
    private mutating func exportClients(_ live: [LiveClient]) -> [YAMLEmitter.Value] {
        var written: [YAMLEmitter.Value] = []
        for client in firstByName(live, kind: "clients", name: \.name, id: \.clientID) {
            let subject = "client \"\(client.name)\""
            if let reason = ExportedText.boundedRefusal(client.name, maxLength: 128) {
                notes.append("\(subject) not exported: its name is refused: \(reason)")
                continue
            }
            clientNames[client.clientID] = client.name
            var entries: [YAMLEmitter.Entry] = [YAMLEmitter.Entry("name", .string(client.name))]
            for (key, value, choices) in [
                ("app_type", client.appType, Self.appTypes),
                ("organization_usage", client.organizationUsage, Self.organizationUsages),
                ("organization_require_behavior", client.organizationRequireBehavior, Self.requireBehaviors),
            ] {
                guard let value else { continue }
                if choices.contains(value) {
                    entries.append(YAMLEmitter.Entry(key, .string(value)))
                } else {
                    notes.append("\(subject): \(key) left out: '\(value)' is not one of "
                        + choices.joined(separator: ", "))
                }
            }
            if let uri = client.initiateLoginURI {
                if ExportedText.isHTTPSURL(uri) {
                    entries.append(YAMLEmitter.Entry("initiate_login_uri", .string(uri)))
                } else if !uri.isEmpty {
                    notes.append("\(subject): initiate_login_uri left out: '\(uri)' is not an https:// URL")
                }
            }
            written.append(.mapping(entries))
        }
        clients = written.count
        return written
    }

    /// Roles sorted by name, with `description` when set.
    private mutating func exportRoles(_ live: [LiveRole]) -> [YAMLEmitter.Value] {
        var written: [YAMLEmitter.Value] = []
        for role in firstByName(live, kind: "roles", name: \.name, id: \.id) {
            let subject = "role \"\(role.name)\""
            if let reason = ExportedText.boundedRefusal(role.name, maxLength: Role.nameLimit) {
                notes.append("\(subject) not exported: its name is refused: \(reason)")
                continue
            }
            var entries: [YAMLEmitter.Entry] = [YAMLEmitter.Entry("name", .string(role.name))]
            if let description = role.description,
                let value = text(description, maxLength: Role.descriptionLimit, subject: subject, field: "description")
            {
                entries.append(YAMLEmitter.Entry("description", value))
            }
            written.append(.mapping(entries))
        }
        roles = written.count
        return written
    }

    // MARK: Helpers

    /// The objects sorted by name, keeping of each name the first read (the planner matches that one), with a
    /// note for the others.
    private mutating func firstByName<T>(_ items: [T], kind: String, name: (T) -> String, id: (T) -> String) -> [T] {
        var first: [String: T] = [:]
        var others: [String: [String]] = [:]
        for item in items {
            if first[name(item)] == nil {
                first[name(item)] = item
            } else {
                others[name(item), default: []].append(id(item))
            }
        }
        for key in others.keys.sorted() {
            notes.append("\(others[key]!.count + 1) \(kind) are named \"\(key)\": tenantplan matches by name, so only "
                + "the first read (\(id(first[key]!))) is exported; not exported: "
                + others[key]!.joined(separator: ", "))
        }
        return first.keys.sorted().map { first[$0]! }
    }

    /// A string field the loader checks as non-empty and bounded; `nil` (with a note unless empty) when refused.
    private mutating func text(_ value: String, maxLength: Int, subject: String, field: String) -> YAMLEmitter.Value? {
        guard !value.isEmpty else { return nil }
        if let reason = ExportedText.boundedRefusal(value, maxLength: maxLength) {
            notes.append("\(subject): \(field) left out: \(reason)")
            return nil
        }
        return .string(value)
    }

    /// Metadata without the ownership marker, sorted; `nil` when nothing else is set, or (with a note) when the
    /// loader would refuse the map: more than `maxKeys` keys, a key or value over Auth0's length
    /// (``Auth0Limits/metadataKeyLength``, ``Auth0Limits/metadataValueLength``), a refused value.
    private mutating func metadata(_ live: [String: String], maxKeys: Int, subject: String) -> YAMLEmitter.Value? {
        var map = live
        if let marker = map.removeValue(forKey: OwnershipMarker.key), marker != OwnershipMarker.value {
            notes.append("\(subject) is marked \(OwnershipMarker.key): \(marker) (another tool); a plan of the "
                + "export adopts it")
        }
        guard !map.isEmpty else { return nil }
        if map.count > maxKeys {
            notes.append("\(subject): metadata left out (not managed): \(map.count) keys; tenantplan manages at most "
                + "\(maxKeys) beside its marker")
            return nil
        }
        for key in map.keys.sorted() {
            let value = map[key]!
            let reason = key.count > Auth0Limits.metadataKeyLength
                ? "a key is over \(Auth0Limits.metadataKeyLength) characters"
                : value.count > Auth0Limits.metadataValueLength
                ? "\(key) is over \(Auth0Limits.metadataValueLength) characters"
                : ExportedText.refusal(value).map { "\(key): \($0)" }
            if let reason {
                notes.append("\(subject): metadata left out (not managed): \(reason)")
                return nil
            }
        }
        return .mapping(map.keys.sorted().map { YAMLEmitter.Entry($0, .string(map[$0]!)) })
    }
}
