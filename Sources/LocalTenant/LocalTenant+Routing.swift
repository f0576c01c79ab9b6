import Foundation
import JSONValues
import ManagementAPI

extension LocalTenant {
    /// Dispatches a request to the catalogue operation whose template its method and path fit
    /// (``ManagementOperation/route(_:path:)``); a path no template fits answers 404, a known path with another
    /// method 405. Every request is validated first, query string and body against the operation in Auth0's
    /// OpenAPI document (``validationRefusal(_:_:_:)``): a request Auth0 would refuse answers its 400 and changes
    /// nothing.
    func route(_ request: APIRequest) -> APIResponse {
        guard let (operation, parameters) = ManagementOperation.route(request.method, path: request.path) else {
            return ManagementOperation.knowsPath(request.path)
                ? Self.methodNotAllowed : Self.error(404, "Not Found", "Not Found", nil)
        }
        if let refusal = validationRefusal(operation, parameters, request) { return refusal }
        switch operation {
        case .listOrganizations, .getOrganizationByName, .getOrganization, .createOrganization, .updateOrganization,
            .deleteOrganization, .listEnabledConnections, .addEnabledConnection, .getEnabledConnection,
            .updateEnabledConnection, .deleteEnabledConnection, .listInvitations, .createInvitation, .getInvitation,
            .deleteInvitation, .listOrganizationMembers:
            return organizations(operation, parameters, request)
        case .getUser, .listUsers:
            return users(operation, parameters, request)
        case .listConnections, .getConnection, .createConnection, .updateConnection, .deleteConnection,
            .listConnectionClients, .updateConnectionClients:
            return connections(operation, parameters, request)
        case .listClients, .getClient, .createClient, .updateClient, .deleteClient, .listClientConnections:
            return clients(operation, parameters, request)
        case .listRoles, .getRole, .createRole, .updateRole, .deleteRole:
            return roles(operation, parameters, request)
        default:
            return Self.error(404, "Not Found", "Not Found", nil)
        }
    }

    /// Auth0's answer to an offset page past the operation's record cap (`page × per_page` at or past 1,000 on
    /// the lists whose OpenAPI description states the cap): 400 `invalid_query_string`, "Requesting page exceeds
    /// the allowed maximum of 1000 records"; for `GET /api/v2/users` the message of that operation's 400 in the
    /// OpenAPI document, "You can only page through the first 1000 records. See …". Checkpoint requests (`take`,
    /// `from`) are never capped.
    static func offsetCapRefusal(_ operation: ManagementOperation, query: [String: String]) -> APIResponse? {
        guard let cap = operation.paging.offsetRecordCap, query["take"] == nil, query["from"] == nil,
            query["page"] != nil || query["per_page"] != nil
        else { return nil }
        let perPage = min(max(Int(query["per_page"] ?? "50") ?? 50, 1), 100)
        let page = max(Int(query["page"] ?? "0") ?? 0, 0)
        guard page * perPage >= cap else { return nil }
        let message = operation == .listUsers
            ? "You can only page through the first \(cap) records. See "
                + "https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation."
            : "Requesting page exceeds the allowed maximum of \(cap) records"
        return error(400, "Bad Request", message, "invalid_query_string")
    }

    // MARK: Answers

    static func error(_ status: Int, _ error: String, _ message: String, _ code: String?) -> APIResponse {
        var body: [String: JSONValue] = [
            "statusCode": .int(status), "error": .string(error), "message": .string(message),
        ]
        if let code { body["errorCode"] = .string(code) }
        return APIResponse(status: status, headers: ["content-type": "application/json; charset=utf-8"], body: .object(body))
    }

    static func ok(_ body: JSONValue?, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: body == nil ? [:] : ["content-type": "application/json; charset=utf-8"],
                    body: body)
    }

    static func badRequest(_ message: String) -> APIResponse {
        error(400, "Bad Request", message, "invalid_body")
    }

    static let methodNotAllowed = error(405, "Method Not Allowed", "Method not allowed", nil)

    // MARK: Pagination

    /// Checkpoint pagination: `take` items from the position encoded in `from`; `next` while more remain.
    static func checkpoint<Item>(
        _ items: [Item], key: String, query: [String: String], _ transform: (Item) -> JSONValue
    ) -> APIResponse {
        guard query["take"] != nil || query["from"] != nil else {
            if query["page"] != nil || query["per_page"] != nil {
                return offset(items.map(transform), key: key, query: query)
            }
            return ok(.array(items.map(transform)))
        }
        let take = min(max(Int(query["take"] ?? "50") ?? 50, 1), 100)
        let start = query["from"].flatMap(Self.decodeCursor) ?? 0
        let end = min(start + take, items.count)
        var body: [String: JSONValue] = [key: .array(start < end ? items[start..<end].map(transform) : [])]
        if end < items.count { body["next"] = .string(encodeCursor(end)) }
        return ok(.object(body))
    }

    /// Checkpoint pagination over the items of `items` that `isIncluded` accepts, as ``checkpoint(_:key:query:_:)``
    /// pages `items.filter(isIncluded)`, except that a cursor holds the position in `items` where its page starts:
    /// a page passes over the items up to the first of the next page, never the whole list, so reading every page
    /// costs one pass (a client enabled for 10,000 connections: 100 pages of one pass each before).
    static func checkpoint<Item>(
        _ items: [Item], key: String, query: [String: String], where isIncluded: (Item) -> Bool,
        transform: (Item) -> JSONValue
    ) -> APIResponse {
        guard query["take"] != nil || query["from"] != nil else {
            return checkpoint(items.filter(isIncluded), key: key, query: query, transform)
        }
        let take = min(max(Int(query["take"] ?? "50") ?? 50, 1), 100)
        var position = min(max(query["from"].flatMap(Self.decodeCursor) ?? 0, 0), items.count)
        var page: [JSONValue] = []
        while position < items.count, page.count < take {
            if isIncluded(items[position]) { page.append(transform(items[position])) }
            position += 1
        }
        var body: [String: JSONValue] = [key: .array(page)]
        if let next = items[position...].firstIndex(where: isIncluded) { body["next"] = .string(encodeCursor(next)) }
        return ok(.object(body))
    }

    /// Offset pagination: `page`/`per_page` (default 50), with `{start, limit, total}` when `include_totals=true`
    /// (and `length`, the page's item count, when `length` is true: `GET /api/v2/users`).
    static func offset(_ items: [JSONValue], key: String, query: [String: String], length: Bool = false) -> APIResponse {
        let perPage = min(max(Int(query["per_page"] ?? "50") ?? 50, 1), 100)
        let page = max(Int(query["page"] ?? "0") ?? 0, 0)
        let start = min(page * perPage, items.count)
        let slice = Array(items[start..<min(start + perPage, items.count)])
        guard query["include_totals"] == "true" else { return ok(.array(slice)) }
        var body: [String: JSONValue] = [
            key: .array(slice), "start": .int(start), "limit": .int(perPage), "total": .int(items.count),
        ]
        if length { body["length"] = .int(slice.count) }
        return ok(.object(body))
    }

    static func encodeCursor(_ position: Int) -> String { Data("p:\(position)".utf8).base64EncodedString() }

    static func decodeCursor(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("p:")
        else { return nil }
        return Int(text.dropFirst(2))
    }

    // MARK: Ids

    /// An id like Auth0's: `prefix` and 16 random letters and digits.
    static func newID(_ prefix: String, length: Int = 16) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return prefix + String((0..<length).map { _ in alphabet.randomElement()! })
    }

    /// Applies the members of `patch` to `object`, replacing each whole (Auth0's PATCH semantics for `options`,
    /// `metadata`, `branding`, `client_metadata`); a `null` member removes the key.
    static func merge(_ object: inout [String: JSONValue], _ patch: [String: JSONValue]) {
        for (key, value) in patch {
            if value == .null { object[key] = nil } else { object[key] = value }
        }
    }
}
