import Auth0Schema
import Foundation
import JSONValues
import ManagementAPI

/// `GET /api/v2/organizations/{id}/members` (https://auth0.com/docs/api/management/v2/organizations/get-members),
/// `GET /api/v2/users/{id}` (https://auth0.com/docs/api/management/v2/users/get-users-by-id) and `GET /api/v2/users`
/// (https://auth0.com/docs/api/management/v2/users/get-users), from the state's `users` and
/// `organization_members` (``LocalTenantState``).
///
/// - Members: checkpoint paging (`from`/`take`, `{members, next}`, no `next` on the last page; `take` 1 to 100,
///   default 50) or offset paging (`page`/`per_page`, default 50; `{members, start, limit, total}` with
///   `include_totals=true`; 400 from 1,000 records on), in the order the members joined. Each member is an
///   `OrganizationMember`: `user_id`, `email`, `picture`, `name` of the user (as recorded in terraform-provider-auth0's
///   `TestAccOrganizationMembers`); roles are not held, so `fields` naming `roles` is refused (400). 404
///   `inexistent_organization` for an unknown organization.
/// - A user: as stored, without identity provider tokens (``SecretCatalogue/withoutIdentitySecrets(_:)``: Auth0
///   returns them only with `read:user_idp_tokens`); 404 `inexistent_user`, "The user does not exist.".
/// - Users: offset paging only, in file order; `{users, start, limit, length, total}` with `include_totals=true`;
///   400 from 1,000 records on. User search is modelled for one query only, the one the member impact of a plan
///   sends (``ManagementClient/users(appMetadata:equalTo:)``): `q=app_metadata.KEY:"VALUE"` (with `search_engine`
///   `v3`) selects the users whose `app_metadata.KEY`, as text, is VALUE. Any other `q`, and `sort` and
///   `connection`, are refused with a 400 naming the parameter, never ignored.
/// - `fields`/`include_fields` select members (comma-separated; `include_fields=false` excludes them) on all three.
extension LocalTenant {
    static let userNotFound = error(404, "Not Found", "The user does not exist.", "inexistent_user")

    /// The query parameters of `GET /api/v2/users` the local tenant answers besides the one search it models
    /// (`q=app_metadata.KEY:"VALUE"`, `search_engine=v3`); any other the OpenAPI document allows (`sort`,
    /// `connection`, another `q`) is refused.
    static let userListParameters: Set<String> = [
        "page", "per_page", "include_totals", "fields", "include_fields", "primary_order",
    ]

    /// The members of a user that make an `OrganizationMember`, in the order Auth0 answers them.
    static let memberFields = ["user_id", "email", "picture", "name"]

    /// Serves `GET /api/v2/users/{id}` and `GET /api/v2/users`.
    func users(_ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest) -> APIResponse {
        switch operation {
        case .getUser:
            guard let id = parameters.first, let i = index.userByID[id] else { return Self.userNotFound }
            return Self.ok(Self.userAnswer(state.users[i], query: request.query))
        case .listUsers:
            let query = request.query
            let search = query["q"].flatMap(Self.appMetadataQuery)
            let unsupported = query.keys.sorted().first { parameter in
                switch parameter {
                case "q": return search == nil
                case "search_engine": return search == nil || query[parameter] != "v3"
                default: return !Self.userListParameters.contains(parameter)
                }
            }
            if let parameter = unsupported {
                return Self.error(
                    400, "Bad Request",
                    "The local tenant does not search users: the query parameter '\(parameter)' is not supported; "
                        + "it answers page, per_page, include_totals, fields, include_fields and "
                        + "q=app_metadata.KEY:\"VALUE\" (search_engine=v3)",
                    "invalid_query_string")
            }
            var users = state.users
            if let (key, value) = search {
                users = users.filter { user in
                    guard let held = user["app_metadata"]?[key] else { return false }
                    return (held.stringValue ?? held.compactText) == value
                }
            }
            if let refusal = Self.offsetCapRefusal(operation, query: request.query) { return refusal }
            let items = users.map { Self.userAnswer($0, query: request.query) }
            return Self.offset(items, key: "users", query: request.query, length: true)
        default:
            return Self.methodNotAllowed
        }
    }

    /// Serves `GET /api/v2/organizations/{id}/members` for the organization at position `i`.
    func members(_ request: APIRequest, organization i: Int) -> APIResponse {
        let query = request.query
        if Self.selectedFields(query)?.names.contains("roles") == true {
            return Self.error(
                400, "Bad Request",
                "The local tenant does not hold organization member roles: fields naming 'roles' is not supported",
                "invalid_query_string")
        }
        if let refusal = Self.offsetCapRefusal(.listOrganizationMembers, query: query) { return refusal }
        let organizationID = state.organizations[i]["id"]?.stringValue ?? ""
        let members = (state.organizationMembers[organizationID] ?? []).compactMap { id -> JSONValue? in
            guard let u = index.userByID[id] else { return nil }
            let user = state.users[u]
            var member: [String: JSONValue] = [:]
            for key in Self.memberFields { member[key] = user[key] }
            return .object(Self.selecting(member, query: query))
        }
        if query["take"] != nil || query["from"] != nil {
            return Self.checkpoint(members, key: "members", query: query) { $0 }
        }
        return Self.offset(members, key: "members", query: query)
    }

    /// The key and value of a query `app_metadata.KEY:"VALUE"` (KEY of letters, digits, `_` and `-`; `\"` and
    /// `\\` escapes in VALUE), or `nil` for any other query.
    static func appMetadataQuery(_ q: String) -> (key: String, value: String)? {
        let prefix = "app_metadata."
        guard q.hasPrefix(prefix), let colon = q.firstIndex(of: ":") else { return nil }
        let key = String(q[q.index(q.startIndex, offsetBy: prefix.count)..<colon])
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        let quoted = q[q.index(after: colon)...]
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { return nil }
        var value = ""
        var escaped = false
        for character in quoted.dropFirst().dropLast() {
            if escaped {
                value.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            } else {
                value.append(character)
            }
        }
        return escaped ? nil : (key, value)
    }

    /// A stored user as the API answers it: without identity provider tokens, then the selected `fields`.
    static func userAnswer(_ user: [String: JSONValue], query: [String: String]) -> JSONValue {
        let answered = SecretCatalogue.excerpt.withoutIdentitySecrets(.object(user)).objectValue ?? user
        return .object(selecting(answered, query: query))
    }

    /// The `fields` of `query` (comma-separated, empty names dropped) and whether they are included
    /// (`include_fields`, true unless `false`); `nil` when `fields` is absent or names nothing.
    static func selectedFields(_ query: [String: String]) -> (names: Set<String>, include: Bool)? {
        let names = Set((query["fields"] ?? "").split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty })
        guard !names.isEmpty else { return nil }
        return (names, query["include_fields"] != "false")
    }

    /// `object` with only the selected fields (or without them, for `include_fields=false`).
    static func selecting(_ object: [String: JSONValue], query: [String: String]) -> [String: JSONValue] {
        guard let (names, include) = selectedFields(query) else { return object }
        return object.filter { names.contains($0.key) == include }
    }
}
