import ManagementAPI
import PlanModel

extension Planner {
    /// Whether tenantplan manages the connection named `name`: it is declared in the tenant directory (in
    /// `tenant.yaml` or a customer file), or the live connection of that name carries the ownership marker
    /// `managed_by: tenantplan`. This is the one rule for connections (docs/decisions.md, "What is managed"):
    /// a live link from a managed organization to a connection it does not manage is kept, in every mode.
    /// - Parameter name: The connection's name (its natural key).
    func managesConnection(named name: String) -> Bool {
        if tenant.connection(named: name) != nil { return true }
        guard let current = liveConnections[name] else { return false }
        return OwnershipMarker.isMarked(current.metadata)
    }
}
