import ManagementAPI
import Members

/// The organizations whose login paths a plan shrinks (docs/sso-enforcement.md): what member impact is read for.
extension Plan {
    /// One ``LoginPathChange`` per organization the plan removes an enabled connection from
    /// (`DELETE /api/v2/organizations/{id}/enabled_connections/{connectionId}`), in plan order. An organization
    /// the plan destroys is not one (its destroy is gated by `--allow-destroy`), nor is a link removed by a
    /// connection's replacement (gated by `--allow-identity-change`).
    /// - Parameter live: The snapshot the plan was made from (the removed links' strategies and the links kept).
    public func loginPathChanges(live: LiveSnapshot) -> [LoginPathChange] {
        let destroyed = Set(changes.filter { $0.kind == .organization && $0.action == .delete }.map(\.name))
        var order: [String] = []
        var removed: [String: [String]] = [:]
        for request in requests where request.operation == .deleteEnabledConnection {
            guard case .enabledConnection(let organization, let connection) = request.subject,
                !destroyed.contains(organization)
            else { continue }
            if removed[organization] == nil { order.append(organization) }
            removed[organization, default: []].append(connection)
        }
        return order.compactMap { name in
            guard let organization = live.organizations.first(where: { $0.name == name }),
                let links = organization.enabledConnections, let remaining = enabledConnections(after: name, live: live)
            else { return nil }
            let strategies = Dictionary(links.map { ($0.name, $0.strategy) }, uniquingKeysWith: { first, _ in first })
            return LoginPathChange(
                organizationID: organization.id, organization: name,
                removed: removed[name, default: []].map { .init(name: $0, strategy: strategies[$0] ?? "") },
                remaining: remaining,
                remainingStrategies: Set(remaining.compactMap { strategy(of: $0, links: strategies, live: live) }))
        }
    }

    /// The strategy of the connection `name`: from the organization's live links, else the live connections, else
    /// the plan's create of it (its label); `nil` when none tells.
    func strategy(of name: String, links: [String: String], live: LiveSnapshot) -> String? {
        if let strategy = links[name] { return strategy }
        if let connection = live.connections.first(where: { $0.name == name }) { return connection.strategy }
        return changes.first { $0.kind == .connection && $0.name == name && $0.action != .delete }?.label
    }

    /// The names of the connections enabled for the organization `name` once the plan is applied: its live links
    /// (managed or not) less those the plan removes, plus those it adds; `nil` when its enabled connections were
    /// not read (an organization not managed here, or not live yet and not created by the plan).
    public func enabledConnections(after name: String, live: LiveSnapshot) -> Set<String>? {
        let links = live.organizations.first(where: { $0.name == name })?.enabledConnections
        let created = changes.contains { $0.kind == .organization && $0.name == name && $0.action == .create }
        guard var enabled = links.map({ Set($0.map(\.name)) }) ?? (created ? [] : nil) else { return nil }
        for request in requests {
            guard case .enabledConnection(let organization, let connection) = request.subject, organization == name
            else { continue }
            if request.operation == .deleteEnabledConnection { enabled.remove(connection) }
            if request.operation == .addEnabledConnection { enabled.insert(connection) }
        }
        return enabled
    }
}
