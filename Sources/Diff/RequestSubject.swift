/// What a planned request acts on, by name: the words a reviewer knows the resource by (an id may not exist yet).
///
/// A ``PlannedRequest`` carries no English: `Output` renders the sentence a progress line, an apply report or a
/// saved plan shows (`update connection "acme-entra"`) from the request's operation, phase and subject, so
/// rewording it never changes what a saved plan compares (docs/saved-plans.md).
public enum RequestSubject: Sendable, Hashable {
    /// A role, client, connection or organization, by its name (natural key).
    case resource(ResourceKind, String)
    /// The enabled connection `connection` of the organization `organization` (Auth0's
    /// `/api/v2/organizations/{id}/enabled_connections`).
    case enabledConnection(organization: String, connection: String)
}
