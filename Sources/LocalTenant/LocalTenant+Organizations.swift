import Auth0Schema
import JSONValues
import ManagementAPI

/// `/api/v2/organizations…` (https://auth0.com/docs/api/management/v2/organizations).
extension LocalTenant {
    static let organizationNotFound = error(
        404, "Not Found", "No organization found by that id or name", "inexistent_organization")

    /// Serves an organization operation of the catalogue; `parameters` are the template's decoded values.
    func organizations(_ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest) -> APIResponse {
        switch operation {
        case .listOrganizations:
            if let refusal = Self.offsetCapRefusal(operation, query: request.query) { return refusal }
            return Self.checkpoint(state.organizations, key: "organizations", query: request.query) {
                JSONValue.object($0.filter { $0.key != "enabled_connections" })
            }
        case .createOrganization:
            return createOrganization(request.body?.objectValue ?? [:])
        case .getOrganizationByName:
            guard let i = index.organizationByName[parameters[0]] else { return Self.organizationNotFound }
            return Self.ok(.object(state.organizations[i].filter { $0.key != "enabled_connections" }))
        default:
            break
        }
        guard let id = parameters.first, let i = index.organizationByID[id] else { return Self.organizationNotFound }
        switch operation {
        case .getOrganization:
            return Self.ok(.object(state.organizations[i].filter { $0.key != "enabled_connections" }))
        case .updateOrganization:
            let body = request.body?.objectValue ?? [:]
            if let name = body["name"]?.stringValue, name != state.organizations[i]["name"]?.stringValue {
                if index.organizationByName[name] != nil {
                    return Self.error(409, "Conflict", "An organization with this name already exists.", "organization_conflict")
                }
                index.organizationByName[state.organizations[i]["name"]?.stringValue ?? ""] = nil
                index.organizationByName[name] = i
            }
            Self.merge(&state.organizations[i], body)
            return Self.ok(.object(state.organizations[i].filter { $0.key != "enabled_connections" }))
        case .deleteOrganization:
            state.organizations.remove(at: i)
            state.invitations[id] = nil
            // "Members are automatically disassociated from an Organization when it is deleted. However, this
            // action does not delete these users from your tenant." (delete_organizations_by_id)
            if state.organizationMembers[id] != nil { state.organizationMembers[id] = nil }
            index = Index(state)
            return Self.ok(nil, status: 204)
        case .listEnabledConnections, .addEnabledConnection, .getEnabledConnection, .updateEnabledConnection,
            .deleteEnabledConnection:
            return enabledConnections(operation, request, organization: i, Array(parameters.dropFirst()))
        case .listInvitations, .createInvitation, .getInvitation, .deleteInvitation:
            return invitations(operation, request, organization: i, Array(parameters.dropFirst()))
        case .listOrganizationMembers:
            return members(request, organization: i)
        default:
            return Self.methodNotAllowed
        }
    }

    private func createOrganization(_ body: [String: JSONValue]) -> APIResponse {
        // The schema (`CreateOrganizationRequestContent`) has checked the name: present, 1 to 50 characters of
        // the `organization-name` format.
        let name = body["name"]?.stringValue ?? ""
        if index.organizationByName[name] != nil {
            return Self.error(409, "Conflict", "An organization with this name already exists.", "organization_conflict")
        }
        var organization: [String: JSONValue] = ["id": .string(Self.newID("org_")), "name": .string(name)]
        for key in ["display_name", "metadata", "branding"] { organization[key] = body[key] }
        var stored = organization
        stored["enabled_connections"] = .array([])
        state.organizations.append(stored)
        index.organizationByID[organization["id"]!.stringValue!] = state.organizations.count - 1
        index.organizationByName[name] = state.organizations.count - 1
        return Self.ok(.object(organization), status: 201)
    }

    // MARK: Enabled connections

    private func enabledConnections(
        _ operation: ManagementOperation, _ request: APIRequest, organization i: Int, _ parts: [String]
    ) -> APIResponse {
        var entries = state.organizations[i]["enabled_connections"]?.arrayValue ?? []
        let notEnabled = Self.error(404, "Not Found", "The connection is not enabled for this organization.", nil)
        switch operation {
        case .listEnabledConnections:
            return Self.offset(entries, key: "enabled_connections", query: request.query)
        case .addEnabledConnection:
            let body = request.body?.objectValue ?? [:]
            let connectionID = body["connection_id"]?.stringValue ?? ""
            guard let c = index.connectionByID[connectionID] else {
                return Self.error(404, "Not Found", "The connection does not exist", "inexistent_connection")
            }
            if entries.contains(where: { $0["connection_id"]?.stringValue == connectionID }) {
                return Self.error(409, "Conflict", "The connection is already enabled for this organization.", nil)
            }
            if entries.count >= Auth0Limits.enabledConnectionsPerOrganization {
                return Self.badRequest(
                    "An organization can have at most \(Auth0Limits.enabledConnectionsPerOrganization) enabled connections.")
            }
            let connection = state.connections[c]
            var entry: [String: JSONValue] = [
                "connection_id": .string(connectionID),
                "assign_membership_on_login": body["assign_membership_on_login"] ?? false,
                "show_as_button": body["show_as_button"] ?? true,
                "connection": ["name": connection["name"] ?? "", "strategy": connection["strategy"] ?? ""],
            ]
            if connection["strategy"] == "auth0" { entry["is_signup_enabled"] = body["is_signup_enabled"] ?? false }
            if let problem = Self.signupProblem(entry, strategy: connection["strategy"]?.stringValue,
                                                requested: body["is_signup_enabled"]) {
                return problem
            }
            entries.append(.object(entry))
            state.organizations[i]["enabled_connections"] = .array(entries)
            return Self.ok(.object(entry), status: 201)
        default:
            guard let e = entries.firstIndex(where: { $0["connection_id"]?.stringValue == parts[0] }) else {
                return notEnabled
            }
            switch request.method {
            case .get:
                return Self.ok(entries[e])
            case .patch:
                var entry = entries[e].objectValue ?? [:]
                let body = request.body?.objectValue ?? [:]
                for key in ["assign_membership_on_login", "show_as_button", "is_signup_enabled"] where body[key] != nil {
                    entry[key] = body[key]
                }
                if let problem = Self.signupProblem(entry, strategy: entry["connection"]?["strategy"]?.stringValue,
                                                    requested: body["is_signup_enabled"]) {
                    return problem
                }
                entries[e] = .object(entry)
                state.organizations[i]["enabled_connections"] = .array(entries)
                return Self.ok(.object(entry))
            case .delete:
                entries.remove(at: e)
                state.organizations[i]["enabled_connections"] = .array(entries)
                return Self.ok(nil, status: 204)
            default:
                return Self.methodNotAllowed
            }
        }
    }

    /// Auth0's rule (recorded in `TestOrganizationManager_UpdateDBConnection`): sign-up only for database
    /// connections, and only with `assign_membership_on_login: true`.
    private static func signupProblem(_ entry: [String: JSONValue], strategy: String?, requested: JSONValue?)
        -> APIResponse?
    {
        if requested != nil, strategy != "auth0" {
            return badRequest("is_signup_enabled is only applicable for database connections.")
        }
        if entry["is_signup_enabled"] == true, entry["assign_membership_on_login"] != true {
            return badRequest(
                "Only database connections with assign_membership_on_login = true support is_signup_enabled = true.")
        }
        return nil
    }
}
