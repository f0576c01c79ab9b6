import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel

extension Planner {
    /// Organizations: one per customer file. Enabled connections are changed in place
    /// (`PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`), never removed and added again;
    /// links are added before links are removed (see ``Phase``).
    /// - Parameter replaced: Connections deleted and created again in this plan; their links are re-created.
    /// - Returns: The changes, the count of organizations left alone, and the count of enabled connections kept
    ///   because tenantplan does not manage their connection (``managesConnection(named:)``).
    /// - Throws: ``PlanError`` when adopting an organization would pass a metadata limit.
    func planOrganizations(replaced: Set<String>) throws
        -> (changes: [ResourceChange], unmanaged: Int, keptLinks: Int, warnings: [PlanWarning])
    {
        guard let customers = tenant.customers else { return ([], live.organizations.count, 0, []) }
        var changes: [ResourceChange] = []
        var keptLinks = 0
        var warnings: [PlanWarning] = []
        let declared = Set(customers.map(\.organization.name.value))
        for customer in customers {
            let name = customer.organization.name.value
            if let current = liveOrganizations[name] {
                let update = try update(customer, current: current, replaced: replaced)
                if let change = update.change { changes.append(change) }
                keptLinks += update.keptLinks
                warnings += update.warnings
            } else {
                changes.append(creation(customer))
            }
        }
        var unmanaged = 0
        for current in live.organizations where !declared.contains(current.name) {
            guard OwnershipMarker.isMarked(current.metadata) else {
                unmanaged += 1
                continue
            }
            changes.append(
                Self.destroy(
                    .organization, name: current.name, id: current.id, operation: .deleteOrganization,
                    phase: .organizationDeletes, consequence: "; deleting it removes its members and invitations"))
        }
        return (changes, unmanaged, keptLinks, warnings.sorted { ($0.organization, $0.connection) < ($1.organization, $1.connection) })
    }

    private func creation(_ customer: Customer) -> ResourceChange {
        let organization = customer.organization
        let name = organization.name.value
        let created = CreatedResource(.organization, name)
        var body: [String: JSONValue] = ["name": .string(name)]
        var fields: [FieldChange] = []
        if let displayName = organization.displayName?.value {
            body["display_name"] = .string(displayName)
            fields.append(FieldChange(.add, "display_name", after: .json(.string(displayName))))
        }
        let metadata = organization.metadata?.value ?? [:]
        body["metadata"] = Self.marked(metadata)
        fields += Self.metadataFields("metadata", live: [:], desired: metadata)
        if let branding = organization.branding?.value {
            let json = Self.brandingJSON(branding)
            body["branding"] = .object(json)
            fields += Self.flatten(json, prefix: "branding").map { FieldChange(.add, $0.path, after: .json($0.value)) }
        }
        var requests = [
            PlannedRequest(
                phase: .organizations, operation: .createOrganization, path: ManagementOperation.createOrganization.path(), body: .object(body),
                creates: created, subject: .resource(.organization, name))
        ]
        for entry in customer.connections?.value ?? [] {
            let add = addition(entry, organization: created.placeholder, organizationName: name)
            requests.append(add.request)
            fields.append(add.field)
        }
        return ResourceChange(
            kind: .organization, name: name, action: .create, location: organization.name.location, liveID: nil,
            fields: fields, requests: requests)
    }

    /// The update of one live organization: its attributes and branding in one
    /// `PATCH /api/v2/organizations/{id}`, then its enabled connections.
    /// - Returns: The change (`nil` when nothing changes), the count of live links to connections tenantplan
    ///   does not manage, which are kept, and a warning for each such link of an `sso-only` organization to a
    ///   connection that is not enterprise.
    /// - Throws: ``PlanError`` when adopting the organization would pass a metadata limit.
    private func update(_ customer: Customer, current: LiveOrganization, replaced: Set<String>) throws
        -> (change: ResourceChange?, keptLinks: Int, warnings: [PlanWarning])
    {
        let organization = customer.organization
        let name = organization.name.value
        let attributes = try attributeUpdate(organization, current: current)
        var body = attributes.body
        var fields = attributes.fields
        var notes = attributes.notes
        let branding = brandingUpdate(organization.branding?.value, current: current)
        if let merged = branding.merged {
            body["branding"] = merged
            fields += branding.fields
        }

        var requests: [PlannedRequest] = []
        if !body.isEmpty {
            requests.append(
                PlannedRequest(
                    phase: .organizations, operation: .updateOrganization, path: ManagementOperation.updateOrganization.path(current.id), body: .object(body),
                    subject: .resource(.organization, name)))
        }

        var keptLinks = 0
        var warnings: [PlanWarning] = []
        if let wanted = customer.connections?.value {
            let links = enabledConnectionsUpdate(
                wanted, login: customer.login.value, current: current, organizationName: name, replaced: replaced)
            fields += links.fields
            notes += links.notes
            requests += links.requests
            keptLinks = links.keptLinks
            warnings = links.warnings
        }

        guard !requests.isEmpty else { return (nil, keptLinks, warnings) }
        return (
            ResourceChange(
                kind: .organization, name: name, action: .update, location: organization.name.location,
                liveID: current.id, fields: fields, notes: notes, requests: requests),
            keptLinks, warnings
        )
    }

    /// `display_name` and `metadata` (``metadataUpdate(_:name:field:declared:live:liveValues:limit:)``) of an
    /// organization's update.
    /// - Returns: The body members that change, their fields, and the adoption note when the organization is
    ///   adopted.
    /// - Throws: ``PlanError`` when adopting the organization would pass
    ///   ``Auth0Limits/organizationMetadataKeys``.
    private func attributeUpdate(_ organization: Organization, current: LiveOrganization) throws
        -> (body: [String: JSONValue], fields: [FieldChange], notes: [String])
    {
        var body: [String: JSONValue] = [:]
        var fields: [FieldChange] = []
        if let displayName = organization.displayName?.value,
            let field = Self.fieldChange("display_name", live: current.displayName.map(JSONValue.string),
                                         desired: .string(displayName))
        {
            fields.append(field)
            body["display_name"] = .string(displayName)
        }

        let metadata = try Self.metadataUpdate(
            .organization, name: organization.name.value, field: "metadata", declared: organization.metadata?.value,
            live: current.metadata, liveValues: current.metadataValues, limit: Auth0Limits.organizationMetadataKeys)
        if let value = metadata.value {
            body["metadata"] = value
            fields += metadata.fields
        }
        return (body, fields, metadata.adoptNote.map { [$0] } ?? [])
    }

    /// `branding` of an organization's update: the declared members merged over the live branding (colours one
    /// by one), so members the YAML does not declare keep their live values.
    /// - Returns: The merged branding to send (`nil` when nothing is declared or nothing changes) and a field for
    ///   each declared leaf (`branding.colors.primary`) that changes.
    private func brandingUpdate(_ branding: Branding?, current: LiveOrganization)
        -> (merged: JSONValue?, fields: [FieldChange])
    {
        guard let branding else { return (nil, []) }
        let desired = Self.brandingJSON(branding)
        let liveBranding = current.branding?.objectValue ?? [:]
        var merged = liveBranding
        for (key, value) in desired {
            if key == "colors", let colors = value.objectValue {
                var liveColors = liveBranding["colors"]?.objectValue ?? [:]
                for (color, hex) in colors { liveColors[color] = hex }
                merged[key] = .object(liveColors)
            } else {
                merged[key] = value
            }
        }
        guard merged != liveBranding else { return (nil, []) }
        let before = Dictionary(uniqueKeysWithValues: Self.flatten(liveBranding, prefix: "branding").map { ($0.path, $0.value) })
        let fields = Self.flatten(desired, prefix: "branding").compactMap { path, value in
            Self.fieldChange(path, live: before[path], desired: value)
        }
        return (.object(merged), fields)
    }

    /// The enabled connections of an organization's update: the declared links added or patched, live links of
    /// managed connections the YAML does not list removed, links to unmanaged connections kept.
    ///
    /// Adds before removes, so a request failing in between never leaves an organization without its login (an
    /// SSO-only organization moving to a new SSO connection); removes first only when the adds would pass
    /// ``Auth0Limits/enabledConnectionsPerOrganization``, and says so in a note. A replaced connection's link
    /// goes with the connection's delete, before either.
    /// - Returns: Fields (removals, then additions and patches, then kept links), the note on removing first,
    ///   the requests (removals, then additions and patches), the count of kept links and their warnings.
    private func enabledConnectionsUpdate(
        _ wanted: [EnabledConnection], login: LoginMode, current: LiveOrganization, organizationName name: String,
        replaced: Set<String>
    ) -> (fields: [FieldChange], notes: [String], requests: [PlannedRequest], keptLinks: Int, warnings: [PlanWarning]) {
        let liveEntries = current.enabledConnections ?? []
        let unlisted = unlistedLinks(liveEntries, wanted: wanted, login: login, organizationName: name)
        let links = linkAdditionsAndPatches(wanted, current: current, organizationName: name, replaced: replaced)
        let linked = liveEntries.filter { !replaced.contains($0.name) }.count
        let removalsFirst = !unlisted.removals.isEmpty
            && linked + links.additions > Auth0Limits.enabledConnectionsPerOrganization
        var notes: [String] = []
        if removalsFirst {
            notes.append(
                "enabled connections are removed before they are added: \(linked) + \(links.additions) would pass "
                    + "Auth0's limit of \(Auth0Limits.enabledConnectionsPerOrganization) per organization")
        }
        var fields: [FieldChange] = []
        var requests: [PlannedRequest] = []
        for (entry, annotation) in unlisted.removals {
            fields.append(FieldChange(.remove, "enabled connection \"\(entry.name)\"", annotation: annotation))
            requests.append(
                PlannedRequest(
                    phase: removalsFirst ? .enabledConnectionRemovalsFirst : .enabledConnectionRemovals,
                    operation: .deleteEnabledConnection,
                    path: ManagementOperation.deleteEnabledConnection.path(current.id, entry.connectionID),
                    subject: .enabledConnection(organization: name, connection: entry.name)))
        }
        return (
            fields + links.fields + unlisted.kept, notes, requests + links.requests, unlisted.kept.count,
            unlisted.warnings
        )
    }

    /// Live links the YAML does not list. A link to a connection tenantplan does not manage (a customer's
    /// self-service SSO made in the dashboard) is not part of the declared list: kept, in every mode, and for an
    /// `sso-only` organization a warning when the connection is not enterprise, since its members can sign in
    /// through it. A link to a managed connection is removed, annotated for an `sso-only` organization when the
    /// connection is not enterprise.
    private func unlistedLinks(
        _ liveEntries: [LiveEnabledConnection], wanted: [EnabledConnection], login: LoginMode,
        organizationName name: String
    ) -> (removals: [(entry: LiveEnabledConnection, annotation: String?)], kept: [FieldChange], warnings: [PlanWarning]) {
        let wantedNames = Set(wanted.map(\.connection.value))
        var removals: [(entry: LiveEnabledConnection, annotation: String?)] = []
        var kept: [FieldChange] = []
        var warnings: [PlanWarning] = []
        for entry in liveEntries where !wantedNames.contains(entry.name) {
            let notEnterpriseForSSOOnly = login == .ssoOnly && ConnectionKind(strategy: entry.strategy) != .enterprise
            guard managesConnection(named: entry.name) else {
                kept.append(FieldChange(.keep, "enabled connection \"\(entry.name)\""))
                if notEnterpriseForSSOOnly {
                    warnings.append(PlanWarning(organization: name, connection: entry.name, strategy: entry.strategy))
                }
                continue
            }
            removals.append((entry, notEnterpriseForSSOOnly ? "security: login: sso-only" : nil))
        }
        return (removals, kept, warnings)
    }

    /// The declared links: a link that is not live, or whose connection is replaced, is added
    /// (``addition(_:organization:organizationName:)``); a live link whose declared flags differ from its live
    /// ones (an unset live flag read as Auth0's default, ``defaultFlag(_:)``) is patched with every declared flag
    /// (`PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`).
    /// - Returns: Fields and requests in declared order, and the count of additions.
    private func linkAdditionsAndPatches(
        _ wanted: [EnabledConnection], current: LiveOrganization, organizationName name: String, replaced: Set<String>
    ) -> (fields: [FieldChange], requests: [PlannedRequest], additions: Int) {
        let liveEntries = current.enabledConnections ?? []
        var fields: [FieldChange] = []
        var requests: [PlannedRequest] = []
        var additions = 0
        for entry in wanted {
            let connectionName = entry.connection.value
            guard !replaced.contains(connectionName),
                let existing = liveEntries.first(where: { $0.name == connectionName })
            else {
                let add = addition(entry, organization: current.id, organizationName: name)
                requests.append(add.request)
                fields.append(add.field)
                additions += 1
                continue
            }
            var patch: [String: JSONValue] = [:]
            var changed: [String] = []
            for (key, desired, live) in [
                ("assign_membership_on_login", entry.assignMembershipOnLogin?.value, existing.assignMembershipOnLogin),
                ("show_as_button", entry.showAsButton?.value, existing.showAsButton),
                ("is_signup_enabled", entry.isSignupEnabled?.value, existing.isSignupEnabled),
            ] {
                guard let desired else { continue }
                patch[key] = .bool(desired)
                if desired != (live ?? Self.defaultFlag(key)) {
                    changed.append("\(key): \(live.map(String.init) ?? "unset") -> \(desired)")
                }
            }
            guard !changed.isEmpty else { continue }
            fields.append(
                FieldChange(.change, "enabled connection \"\(connectionName)\"", flags: changed.joined(separator: ", ")))
            requests.append(
                PlannedRequest(
                    phase: .enabledConnections, operation: .updateEnabledConnection,
                    path: ManagementOperation.updateEnabledConnection.path(current.id, existing.connectionID),
                    body: .object(patch),
                    subject: .enabledConnection(organization: name, connection: connectionName)))
        }
        return (fields, requests, additions)
    }

    /// `POST /api/v2/organizations/{id}/enabled_connections` for one declared entry.
    private func addition(_ entry: EnabledConnection, organization: String, organizationName: String)
        -> (request: PlannedRequest, field: FieldChange)
    {
        let connectionName = entry.connection.value
        let existing = replacedOrRecreated(connectionName) ? nil : liveConnections[connectionName]
        let connectionID = existing?.id ?? CreatedResource(.connection, connectionName).placeholder
        var body: [String: JSONValue] = ["connection_id": .string(connectionID)]
        var flags: [String] = []
        for (key, value) in [
            ("assign_membership_on_login", entry.assignMembershipOnLogin?.value),
            ("show_as_button", entry.showAsButton?.value),
            ("is_signup_enabled", entry.isSignupEnabled?.value),
        ] {
            guard let value else { continue }
            body[key] = .bool(value)
            flags.append("\(key): \(value)")
        }
        let request = PlannedRequest(
            phase: .enabledConnections, operation: .addEnabledConnection,
            path: ManagementOperation.addEnabledConnection.path(organization), body: .object(body),
            subject: .enabledConnection(organization: organizationName, connection: connectionName))
        let field = FieldChange(
            .add, "enabled connection \"\(connectionName)\"", flags: flags.isEmpty ? nil : flags.joined(separator: ", "))
        return (request, field)
    }

    /// True when the live connection of that name will be deleted and created again (strategy change).
    private func replacedOrRecreated(_ name: String) -> Bool {
        guard let declared = tenant.connection(named: name),
            let current = liveConnections[name]
        else { return false }
        return declared.strategy.value != current.strategy
    }

    /// Auth0's defaults for enabled-connection flags (OpenAPI `UpdateOrganizationAllConnectionRequestContent`).
    static func defaultFlag(_ key: String) -> Bool { key == "show_as_button" }

    /// Branding as the API spells it.
    static func brandingJSON(_ branding: Branding) -> [String: JSONValue] {
        var json: [String: JSONValue] = [:]
        if let logo = branding.logoURL { json["logo_url"] = .string(logo) }
        if let colors = branding.colors {
            json["colors"] = ["primary": .string(colors.primary), "page_background": .string(colors.pageBackground)]
        }
        return json
    }

    /// Leaf paths of a JSON object: `branding.colors.primary`.
    static func flatten(_ object: [String: JSONValue], prefix: String) -> [(path: String, value: JSONValue)] {
        object.keys.sorted().flatMap { key -> [(path: String, value: JSONValue)] in
            let path = "\(prefix).\(key)"
            if let nested = object[key]?.objectValue { return flatten(nested, prefix: path) }
            return [(path, object[key]!)]
        }
    }
}
