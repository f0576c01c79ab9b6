import Auth0Schema
import JSONValues
import ManagementAPI
import PlanModel

extension Planner {
    /// Roles: created when missing, `description` updated. Roles carry no metadata for an ownership marker, so
    /// tenantplan never destroys a role.
    func planRoles(_ roles: [Role]) -> [ResourceChange] {
        var changes: [ResourceChange] = []
        for role in roles {
            let name = role.name.value
            guard let current = liveRoles[name] else {
                var body: [String: JSONValue] = ["name": .string(name)]
                var fields: [FieldChange] = []
                if let description = role.description?.value {
                    body["description"] = .string(description)
                    fields.append(FieldChange(.add, "description", after: .json(.string(description))))
                }
                changes.append(
                    ResourceChange(
                        kind: .role, name: name, action: .create, location: role.name.location, liveID: nil,
                        fields: fields,
                        requests: [
                            PlannedRequest(
                                phase: .roles, operation: .createRole, path: ManagementOperation.createRole.path(), body: .object(body),
                                creates: CreatedResource(.role, name), subject: .resource(.role, name))
                        ]))
                continue
            }
            if let description = role.description?.value,
                let field = Self.fieldChange("description", live: current.description.map(JSONValue.string),
                                             desired: .string(description))
            {
                changes.append(
                    ResourceChange(
                        kind: .role, name: name, action: .update, location: role.name.location, liveID: current.id,
                        fields: [field],
                        requests: [
                            PlannedRequest(
                                phase: .roles, operation: .updateRole,
                                path: ManagementOperation.updateRole.path(current.id),
                                body: ["description": .string(description)], subject: .resource(.role, name))
                        ]))
            }
        }
        return changes
    }

    /// Clients: only the organization-related fields are managed (`app_type`, `organization_usage`,
    /// `organization_require_behavior`, `initiate_login_uri`), plus the ownership marker in `client_metadata`.
    func planClients() throws -> (changes: [ResourceChange], unmanaged: Int) {
        guard let clients = tenant.clients else { return ([], live.clients.count) }
        var changes: [ResourceChange] = []
        let declared = Set(clients.map(\.name.value))
        for client in clients {
            let name = client.name.value
            let desired = Self.clientFields(client)
            guard let current = liveClients[name] else {
                var body = desired
                body["name"] = .string(name)
                body["client_metadata"] = Self.marked([:])
                changes.append(
                    ResourceChange(
                        kind: .client, name: name, action: .create, location: client.name.location, liveID: nil,
                        fields: desired.keys.sorted().map { FieldChange(.add, $0, after: .json(desired[$0]!)) },
                        requests: [
                            PlannedRequest(
                                phase: .clients, operation: .createClient, path: ManagementOperation.createClient.path(), body: .object(body),
                                creates: CreatedResource(.client, name), subject: .resource(.client, name))
                        ]))
                continue
            }
            let liveFields: [String: JSONValue] = [
                "app_type": current.appType.map(JSONValue.string),
                "organization_usage": current.organizationUsage.map(JSONValue.string),
                "organization_require_behavior": current.organizationRequireBehavior.map(JSONValue.string),
                "initiate_login_uri": current.initiateLoginURI.map(JSONValue.string),
            ].compactMapValues { $0 }
            var body: [String: JSONValue] = [:]
            var fields: [FieldChange] = []
            for key in desired.keys.sorted() {
                if let field = Self.fieldChange(key, live: liveFields[key], desired: desired[key]!) {
                    fields.append(field)
                    body[key] = desired[key]!
                }
            }
            let metadata = try Self.metadataUpdate(
                .client, name: name, field: "client_metadata", declared: nil, live: current.clientMetadata,
                liveValues: current.clientMetadataValues, limit: Auth0Limits.clientMetadataKeys)
            if let value = metadata.value { body["client_metadata"] = value }
            let notes = metadata.adoptNote.map { [$0] } ?? []
            guard !body.isEmpty else { continue }
            changes.append(
                ResourceChange(
                    kind: .client, name: name, action: .update, location: client.name.location,
                    liveID: current.clientID, fields: fields, notes: notes,
                    requests: [
                        PlannedRequest(
                            phase: .clients, operation: .updateClient,
                            path: ManagementOperation.updateClient.path(current.clientID),
                            body: .object(body), subject: .resource(.client, name))
                    ]))
        }
        var unmanaged = 0
        for current in live.clients where !declared.contains(current.name) {
            guard OwnershipMarker.isMarked(current.clientMetadata) else {
                unmanaged += 1
                continue
            }
            changes.append(
                Self.destroy(
                    .client, name: current.name, id: current.clientID, operation: .deleteClient, phase: .clientDeletes,
                    consequence: ""))
        }
        return (changes, unmanaged)
    }

    /// The declared, managed fields of a client as the API spells them.
    static func clientFields(_ client: Client) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        if let value = client.appType?.value { fields["app_type"] = .string(value) }
        if let value = client.organizationUsage?.value { fields["organization_usage"] = .string(value) }
        if let value = client.organizationRequireBehavior?.value {
            fields["organization_require_behavior"] = .string(value)
        }
        if let value = client.initiateLoginURI?.value { fields["initiate_login_uri"] = .string(value) }
        return fields
    }

    /// The id of a managed client, or the placeholder of one created in the same apply; `nil` when it is neither.
    func clientReference(_ name: String) -> String? {
        if let current = liveClients[name] { return current.clientID }
        if tenant.client(named: name) != nil { return CreatedResource(.client, name).placeholder }
        return nil
    }
}
