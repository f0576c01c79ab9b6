import JSONValues

/// Organization members and users: read only where a plan removes a login path, and by `members` and
/// `invite --migrate` (docs/sso-enforcement.md).
extension ManagementClient {
    /// `GET /api/v2/organizations/{id}/members?fields=user_id,email&include_fields=true` with checkpoint paging
    /// (`ceil(members / pageSize)` requests, at least 1): every member, in the order Auth0 lists them.
    /// - Throws: ``ManagementAPIError`` (404 for an unknown organization, 403 without `read:organization_members`),
    ///   ``UnexpectedResponse`` for a member without `user_id`.
    public func organizationMembers(organizationID: String) async throws -> [LiveMember] {
        let path = ManagementOperation.listOrganizationMembers.path(organizationID)
        return try Self.decodeAll(
            await checkpointList(path, key: "members", query: ["fields": "user_id,email", "include_fields": "true"]),
            from: path, as: "member", LiveMember.init)
    }

    /// `GET /api/v2/users/{id}?fields=user_id,email,identities,app_metadata&include_fields=true` (1 request);
    /// `nil` on 404 (the user was deleted after the member list was read: Auth0's member list is eventually
    /// consistent).
    /// - Throws: ``ManagementAPIError`` for other failures (403 without `read:users`), ``UnexpectedResponse`` for a
    ///   body that is not a readable user.
    public func user(id: String) async throws -> LiveUser? {
        let path = ManagementOperation.getUser.path(id)
        let request = APIRequest(
            .get, path, query: ["fields": "user_id,email,identities,app_metadata", "include_fields": "true"])
        let body: JSONValue?
        do {
            body = try await call(request)
        } catch let error as ManagementAPIError where error.status == 404 {
            return nil
        }
        guard let body else { throw UnexpectedResponse(request: request.description, reason: "expected a user object") }
        return try Self.decodeAll([body], from: path, as: "user", LiveUser.init).first
    }

    /// `GET /api/v2/users?q=app_metadata.KEY:"VALUE"&search_engine=v3&per_page=100&fields=user_id,email,identities,app_metadata&include_fields=true`
    /// (1 request): the users whose `app_metadata` holds `value` under `key`, up to 100 (a member id is carried
    /// by a few users at most: the old account and its successor). Auth0's user search is eventually consistent
    /// (https://auth0.com/docs/manage-users/user-search/user-search-best-practices): a user created moments ago may
    /// be missing, which only makes a member look still at risk.
    /// - Parameters:
    ///   - key: An `app_metadata` key (letters, digits, `_` and `-`: a member key, docs/onboarding.md).
    ///   - value: The value, compared as text (a number as its JSON text); `"` and `\` are escaped in the query.
    /// - Throws: ``ManagementAPIError`` (403 without `read:users`), ``UnexpectedResponse`` for an unreadable answer.
    public func users(appMetadata key: String, equalTo value: String) async throws -> [LiveUser] {
        let quoted = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let path = ManagementOperation.listUsers.path()
        let request = APIRequest(
            .get, path,
            query: [
                "q": "app_metadata.\(key):\"\(quoted)\"", "search_engine": "v3", "per_page": "100",
                "fields": "user_id,email,identities,app_metadata", "include_fields": "true",
            ])
        let body = try await call(request)
        let items = try Self.items(of: body, key: "users", request: request)
        return try Self.decodeAll(items, from: path, as: "user", LiveUser.init)
    }

    /// `GET /api/v2/users/{id}` (``user(id:)``) for each id, at most `parallelism` at once (1 or more): the users
    /// in the order of `ids`, `nil` for a user gone since its id was read.
    /// - Throws: The first error of ``user(id:)``.
    public func users(ids: [String], parallelism: Int) async throws -> [LiveUser?] {
        var users = [LiveUser?](repeating: nil, count: ids.count)
        let parallelism = max(1, parallelism)
        try await withThrowingTaskGroup(of: (Int, LiveUser?).self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, try await self.user(id: ids[index])) }
            }
            while next < min(parallelism, ids.count) { start() }
            while let (index, user) = try await group.next() {
                users[index] = user
                if next < ids.count { start() }
            }
        }
        return users
    }
}
