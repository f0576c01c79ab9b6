import JSONValues

/// The `users` and `organization_members` sections: their checks, and what deleting an organization or a
/// connection does to them.
extension LocalTenantState {
    /// Checks `users` (the `user_id`s present and unique are checked by ``validate()``) and
    /// `organization_members`: metadata are objects, `identities` an array of objects each naming its connection,
    /// provider and user id; every member list belongs to an organization and names users, each once.
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` naming the first place that breaks a rule. Messages name
    ///   places and ids, never a value of a user's other members (an identity may hold identity provider tokens).
    func validateUsers() throws {
        for (index, user) in users.enumerated() {
            let place = "users[\(index)]"
            for key in ["app_metadata", "user_metadata"] where user[key] != nil && user[key]?.objectValue == nil {
                throw LocalTenantError.invalidFile("\(place).\(key) must be an object")
            }
            guard let identities = user["identities"] else { continue }
            guard let items = identities.arrayValue else {
                throw LocalTenantError.invalidFile("\(place).identities must be an array")
            }
            for (position, identity) in items.enumerated() {
                let userID = identity["user_id"]
                guard identity["connection"]?.stringValue != nil, identity["provider"]?.stringValue != nil,
                    userID?.stringValue.map({ !$0.isEmpty }) == true || userID?.intValue != nil
                else {
                    throw LocalTenantError.invalidFile(
                        "\(place).identities[\(position)] must be an object with a string 'connection' (the "
                            + "connection's name), a string 'provider' and a 'user_id'")
                }
            }
        }
        let organizationIDs = Set(organizations.compactMap { $0["id"]?.stringValue })
        let userIDs = Set(users.compactMap { $0["user_id"]?.stringValue })
        for organization in organizationMembers.keys.sorted() {
            let place = "organization_members[\"\(organization)\"]"
            guard organizationIDs.contains(organization) else {
                throw LocalTenantError.invalidFile("\(place) names no organization: '\(organization)' is not among organizations")
            }
            var seen: [String: Int] = [:]
            for (position, member) in (organizationMembers[organization] ?? []).enumerated() {
                guard userIDs.contains(member) else {
                    throw LocalTenantError.invalidFile("\(place)[\(position)] is '\(member)', which is not among users")
                }
                if let first = seen[member] {
                    throw LocalTenantError.invalidFile("\(place)[\(position)] repeats '\(member)' of \(place)[\(first)]")
                }
                seen[member] = position
            }
        }
    }

    /// Removes the users of a deleted connection, as Auth0 does after answering the delete ("this operation can be
    /// long running after the response is returned" for a connection with many users,
    /// https://auth0.com/docs/api/management/v2/connections/delete-connections-by-id); the local tenant does it at
    /// once. A user whose primary identity (`identities[0]`) is on the connection goes, with its memberships; a
    /// user with a linked identity on it loses that identity and keeps the others.
    /// - Parameter name: The connection's name (what an identity's `connection` holds).
    mutating func removeUsers(ofConnection name: String) {
        guard users.contains(where: { user in
            user["identities"]?.arrayValue?.contains { $0["connection"]?.stringValue == name } == true
        }) else { return }
        var removed: Set<String> = []
        users = users.compactMap { user in
            guard let identities = user["identities"]?.arrayValue,
                identities.contains(where: { $0["connection"]?.stringValue == name })
            else { return user }
            if identities.first?["connection"]?.stringValue == name {
                if let id = user["user_id"]?.stringValue { removed.insert(id) }
                return nil
            }
            var kept = user
            kept["identities"] = .array(identities.filter { $0["connection"]?.stringValue != name })
            return kept
        }
        guard !removed.isEmpty else { return }
        for organization in organizationMembers.keys.sorted() {
            let members = organizationMembers[organization] ?? []
            if members.contains(where: removed.contains) {
                organizationMembers[organization] = members.filter { !removed.contains($0) }
            }
        }
    }
}
