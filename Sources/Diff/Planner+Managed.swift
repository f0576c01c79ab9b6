import JSONValues
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

    /// The metadata member of an update of a live object (an organization's or connection's `metadata`, a
    /// client's `client_metadata`). Auth0 replaces metadata as a whole map, so a declared map that differs from
    /// the live one is sent whole with the ownership marker; an object not yet marked is adopted: without a
    /// declared map its live map goes back with the marker, every member kept as returned
    /// (docs/decisions.md, "What is managed").
    /// - Parameters:
    ///   - declared: The declared map, `nil` when the YAML declares none.
    ///   - live: The live map's string members (for the marker and the adoption note).
    ///   - liveValues: The live map with every member as returned (what is compared and kept).
    ///   - limit: Auth0's `maxProperties` of that map (``Auth0Limits``).
    /// - Returns: The map to send (`nil` when nothing changes), its fields (the marker left out), and the
    ///   adoption note (``adoptNote(_:)``) when the object is not marked yet.
    /// - Throws: ``PlanError/metadataLimit(kind:name:field:keys:limit:)`` when adopting would take the live map
    ///   past `limit`.
    static func metadataUpdate(
        _ kind: ResourceKind, name: String, field: String, declared: [String: String]?, live: [String: String],
        liveValues: [String: JSONValue], limit: Int
    ) throws -> (value: JSONValue?, fields: [FieldChange], adoptNote: String?) {
        let marked = OwnershipMarker.isMarked(live)
        let note = marked ? nil : adoptNote(live)
        if let declared {
            let wanted = Self.marked(declared)
            guard wanted != .object(liveValues) else { return (nil, [], note) }
            return (wanted, metadataFields(field, live: liveValues, desired: declared), note)
        }
        guard !marked else { return (nil, [], nil) }
        if let error = metadataLimitError(kind, name: name, field: field, live: liveValues, limit: limit) { throw error }
        return (Self.marked(live: liveValues), [], note)
    }
}
