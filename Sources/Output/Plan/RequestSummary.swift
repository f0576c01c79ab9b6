import Diff

/// The one wording of what a planned request does, from its operation, phase and ``RequestSubject``:
/// apply's progress lines and report (``ApplyReportRenderer``) and each request's `summary` in a saved plan
/// (docs/saved-plans.md; never compared) read it.
///
/// | request | summary |
/// |---|---|
/// | `POST`, `PATCH`, `DELETE` of a resource | `create role "admin"`, `update client "portal"`, `delete organization "old"` |
/// | `DELETE` of a connection being replaced | `delete connection "acme-entra" (replaced)` |
/// | `PATCH /api/v2/connections/{id}/clients` | `update enabled clients of connection "acme-entra"` |
/// | an organization's enabled connection | `enable` / `update` / `disable connection "x" on organization "acme"` |
public enum RequestSummary {
    /// What `request` does, unescaped (the caller escapes for the terminal): `create connection "acme-entra"`.
    public static func text(_ request: PlannedRequest) -> String {
        switch request.subject {
        case .enabledConnection(let organization, let connection):
            let verb: String
            switch request.method {
            case .post: verb = "enable"
            case .delete: verb = "disable"
            default: verb = "update"
            }
            return "\(verb) connection \"\(connection)\" on organization \"\(organization)\""
        case .resource(let kind, let name):
            if request.operation == .updateConnectionClients {
                return "update enabled clients of connection \"\(name)\""
            }
            let verb: String
            switch request.method {
            case .post: verb = "create"
            case .delete: verb = "delete"
            default: verb = "update"
            }
            let replaced = request.phase == .connectionReplacements ? " (replaced)" : ""
            return "\(verb) \(kind.rawValue) \"\(name)\"\(replaced)"
        }
    }
}
