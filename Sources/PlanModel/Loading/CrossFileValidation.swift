/// Checks that span files: unique names across files, and references between organizations, connections,
/// clients and roles (README, "The tenant directory"), plus the `is_signup_enabled` constraints that need the referenced
/// connection's strategy (Auth0 answers 400 to the impossible combinations; see
/// `PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`).
///
/// Every independent error is reported; only true consequences are left out: a name that is not found is not
/// reported when the list it would be in is incomplete (a file that could not be read, a section with the wrong
/// shape, an entry without a readable name), because it may be declared there.
struct CrossFileValidation {
    let connections: [Connection]?
    let customers: [CustomerDeclarations]
    let clients: [Client]?
    let roles: [Role]?
    /// Every connection declaration was read (tenant file, every customer file, every entry).
    var connectionsComplete = true
    /// Every client declaration was read.
    var clientsComplete = true
    /// Every role declaration was read.
    var rolesComplete = true

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let allConnections = (connections ?? []) + customers.flatMap(\.enterpriseConnections)

        diagnostics += duplicates(customers.compactMap(\.organizationName), kind: "organization name")
        diagnostics += duplicates(allConnections.map(\.name), kind: "connection name")
        diagnostics += duplicates((clients ?? []).map(\.name), kind: "client name")
        diagnostics += duplicates((roles ?? []).map(\.name), kind: "role name")

        let connectionsByName = Dictionary(allConnections.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        let clientNames = Set((clients ?? []).map(\.name.value))
        let roleNames = Set((roles ?? []).map(\.name.value))

        for connection in allConnections {
            for client in connection.enabledClients?.value ?? []
            where clientsComplete && !clientNames.contains(client.value) {
                diagnostics.append(undefined("client", client, in: "enabled_clients of connection '\(connection.name.value)'",
                                             section: clients == nil ? "tenant.yaml has no clients section" : nil))
            }
        }

        for customer in customers {
            for (index, entry) in customer.connections {
                let name = entry.connection.value
                guard let connection = connectionsByName[name] else {
                    guard connectionsComplete else { continue }
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            "connections[\(index)].connection '\(name)' is not defined: declare it in tenant.yaml "
                                + "connections or in a customer's enterprise_connections",
                            at: entry.connection.location))
                    continue
                }
                if let signup = entry.isSignupEnabled {
                    if connection.kind != .database {
                        diagnostics.append(
                            Diagnostic(
                                .error,
                                "connections[\(index)].is_signup_enabled is only allowed for database connections; "
                                    + "'\(name)' is a \(connection.strategy.value) connection",
                                at: signup.location))
                    } else if signup.value, entry.assignMembershipOnLogin?.value != true {
                        diagnostics.append(
                            Diagnostic(
                                .error,
                                "connections[\(index)].is_signup_enabled: true requires "
                                    + "assign_membership_on_login: true on the same entry (Auth0 answers 400 otherwise)",
                                at: signup.location))
                    }
                }
            }
            if let policy = customer.invitations {
                if clientsComplete, !clientNames.contains(policy.client.value) {
                    diagnostics.append(undefined("client", policy.client, in: "invitations.client",
                                                 section: clients == nil ? "tenant.yaml has no clients section" : nil))
                }
                if connectionsComplete, let connection = policy.connection, connectionsByName[connection.value] == nil {
                    diagnostics.append(undefined("connection", connection, in: "invitations.connection", section: nil))
                }
                for role in policy.roles where rolesComplete && !roleNames.contains(role.value) {
                    diagnostics.append(undefined("role", role, in: "invitations.roles",
                                                 section: roles == nil ? "tenant.yaml has no roles section" : nil))
                }
            }
        }
        return diagnostics
    }

    private func duplicates(_ names: [Located<String>], kind: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names {
            if let earlier = first[name.value] {
                diagnostics.append(
                    Diagnostic(
                        .error, "duplicate \(kind) '\(name.value)': names must be unique across all files",
                        at: name.location, notes: [Diagnostic.Note("first declared here", at: earlier)]))
            } else {
                first[name.value] = name.location
            }
        }
        return diagnostics
    }

    private func undefined(_ kind: String, _ name: Located<String>, in place: String, section: String?) -> Diagnostic {
        var message = "\(place) names \(kind) '\(name.value)', which is not defined"
        if let section { message += " (\(section))" } else if kind != "connection" {
            message += " in tenant.yaml \(kind)s"
        }
        return Diagnostic(.error, message, at: name.location)
    }
}
