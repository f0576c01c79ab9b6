import Foundation
import JSONValues
import ManagementAPI

/// `/api/v2/clients…` and `/api/v2/roles…` (https://auth0.com/docs/api/management/v2/clients,
/// https://auth0.com/docs/api/management/v2/roles).
///
/// A created client gets Auth0's server defaults (``ServerDefaults/client``), a generated 32-character
/// `client_id` and 64-character `client_secret`, `jwt_configuration.secret_encoded: false`, and its
/// `private_key_jwt` credentials stored as Auth0 answers them (``storedCredential(_:)``).
extension LocalTenant {
    /// Serves a client operation of the catalogue; `parameters` are the template's decoded values.
    func clients(_ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest) -> APIResponse {
        let notFound = Self.error(404, "Not Found", "The client does not exist", "inexistent_client")
        switch operation {
        case .listClients:
            if let refusal = Self.offsetCapRefusal(operation, query: request.query) { return refusal }
            return Self.checkpoint(state.clients, key: "clients", query: request.query, JSONValue.object)
        case .createClient:
            var body = request.body?.objectValue ?? [:]
            let id = Self.newID("", length: 32)
            body["client_id"] = .string(id)
            body["client_secret"] = .string(Self.newID("", length: 64))
            for (key, value) in ServerDefaults.client where body[key] == nil { body[key] = value }
            if let sent = body["jwt_configuration"]?.objectValue {
                body["jwt_configuration"] = .object(sent.merging(["secret_encoded": false]) { sent, _ in sent })
            } else {
                body["jwt_configuration"] = .object(ServerDefaults.jwtConfiguration)
            }
            if let credentials = body["client_authentication_methods"]?["private_key_jwt"]?["credentials"]?.arrayValue {
                body["client_authentication_methods"] = [
                    "private_key_jwt": ["credentials": .array(credentials.map(Self.storedCredential))],
                ]
            }
            state.clients.append(body)
            index.clientByID[id] = state.clients.count - 1
            return Self.ok(.object(body), status: 201)
        default:
            break
        }
        guard let id = parameters.first, let i = index.clientByID[id] else { return notFound }
        switch operation {
        case .getClient:
            return Self.ok(.object(state.clients[i]))
        case .listClientConnections:
            return clientConnections(clientID: id, query: request.query)
        case .updateClient:
            Self.merge(&state.clients[i], request.body?.objectValue ?? [:])
            return Self.ok(.object(state.clients[i]))
        case .deleteClient:
            state.clients.remove(at: i)
            for key in state.connectionClients.keys { state.connectionClients[key]?.removeAll { $0 == id } }
            index = Index(state)
            return Self.ok(nil, status: 204)
        default:
            return Self.methodNotAllowed
        }
    }

    /// A `private_key_jwt` credential as Auth0 answers it once created (recorded in
    /// `TestConnectionManager_EnabledClients`): the sent `pem` is replaced by a generated `id` (`cred_…`), a key id
    /// `kid`, `alg` (`RS256` unless sent) and `created_at` / `updated_at`.
    static func storedCredential(_ sent: JSONValue) -> JSONValue {
        var credential = sent.objectValue ?? [:]
        credential["pem"] = nil
        let now = LiveInvitation.iso8601(Date())
        credential["id"] = .string(newID("cred_", length: 22))
        credential["kid"] = .string(newID("", length: 43))
        credential["alg"] = credential["alg"] ?? "RS256"
        credential["created_at"] = .string(now)
        credential["updated_at"] = .string(now)
        return .object(credential)
    }

    /// Serves a role operation of the catalogue; `parameters` are the template's decoded values.
    func roles(_ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest) -> APIResponse {
        let notFound = Self.error(404, "Not Found", "The role does not exist.", "inexistent_role")
        switch operation {
        case .listRoles:
            if let refusal = Self.offsetCapRefusal(operation, query: request.query) { return refusal }
            var items = state.roles
            if let filter = request.query["name_filter"] {
                items = items.filter { $0["name"]?.stringValue?.lowercased().contains(filter.lowercased()) == true }
            }
            return Self.offset(items.map(JSONValue.object), key: "roles", query: request.query)
        case .createRole:
            var body = request.body?.objectValue ?? [:]
            let name = body["name"]?.stringValue ?? ""
            if state.roles.contains(where: { $0["name"]?.stringValue == name }) {
                return Self.error(409, "Conflict", "Role already exists.", "role_conflict")
            }
            body["id"] = .string(Self.newID("rol_"))
            state.roles.append(body)
            index.roleByID[body["id"]!.stringValue!] = state.roles.count - 1
            return Self.ok(.object(body))
        default:
            break
        }
        guard let id = parameters.first, let i = index.roleByID[id] else { return notFound }
        switch operation {
        case .getRole:
            return Self.ok(.object(state.roles[i]))
        case .updateRole:
            Self.merge(&state.roles[i], request.body?.objectValue ?? [:])
            return Self.ok(.object(state.roles[i]))
        case .deleteRole:
            state.roles.remove(at: i)
            index = Index(state)
            return Self.ok(nil)
        default:
            return Self.methodNotAllowed
        }
    }
}
