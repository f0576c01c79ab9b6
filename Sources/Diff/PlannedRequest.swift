import JSONValues
import ManagementAPI

/// The stage of an apply a request belongs to (docs/decisions.md, "Order of apply"): roles, clients, connections,
/// connection clients, organizations, enabled connections; removals in the reverse order.
///
/// An organization's enabled connections are added (and updated) before links are removed, so a failure in
/// between never leaves the organization without a way to log in; only when the adds would pass Auth0's limit of
/// enabled connections per organization do its removals go first (``enabledConnectionRemovalsFirst``).
public enum Phase: Int, Sendable, Comparable, Codable, CaseIterable {
    case roles, clients, connectionReplacements, connections, connectionClients, organizations
    /// `DELETE /api/v2/organizations/{id}/enabled_connections/{connectionId}` that must free a place under the
    /// limit before the organization's adds.
    case enabledConnectionRemovalsFirst
    /// `POST` and `PATCH` of enabled connections.
    case enabledConnections
    /// `DELETE` of enabled connections, after the adds.
    case enabledConnectionRemovals
    case organizationDeletes, connectionDeletes, clientDeletes

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A resource created earlier in the same apply, referred to by name until its id is known.
public struct CreatedResource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of resource.
    public let kind: ResourceKind
    /// Its name (natural key).
    public let name: String

    /// Creates a reference.
    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// The placeholder that stands for the resource's id in paths and bodies until it is created:
    /// `{{connection:acme-entra}}`.
    public var placeholder: String { "{{\(kind.rawValue):\(name)}}" }

    public var description: String { "\(kind.rawValue) \"\(name)\"" }
}

/// One Management API request of a plan, as it will be sent, except that ids of resources created earlier in
/// the same apply appear as ``CreatedResource/placeholder`` until they are known.
public struct PlannedRequest: Sendable, Equatable {
    /// The stage of the apply.
    public let phase: Phase
    /// The Management API operation (docs/auth0-fidelity.md, "Operations"): the scope preflight, saved plans and
    /// the request log read it.
    public let operation: ManagementOperation
    /// The method (the operation's).
    public var method: HTTPMethod { operation.method }
    /// The path, built from the operation's template (``ManagementOperation/path(_:)``); may hold placeholders.
    public let path: String
    /// The body; string values may be placeholders. Secret values are present in memory only.
    public let body: JSONValue?
    /// The resource this request creates (its id is read from the response), if any.
    public let creates: CreatedResource?
    /// Environment variables this request needs but that were unset: `apply` refuses before any write.
    public let missingSecrets: [String]
    /// What the request acts on, by name; `Output` renders the sentence for progress and reports from it and
    /// ``operation`` (`create connection "acme-entra"`). No prose is kept here.
    public let subject: RequestSubject

    /// Creates a planned request.
    public init(
        phase: Phase, operation: ManagementOperation, path: String, body: JSONValue? = nil,
        creates: CreatedResource? = nil, missingSecrets: [String] = [], subject: RequestSubject
    ) {
        self.phase = phase
        self.operation = operation
        self.path = path
        self.body = body
        self.creates = creates
        self.missingSecrets = missingSecrets
        self.subject = subject
    }

    /// `METHOD path`.
    public var line: String { "\(method.rawValue) \(path)" }
}
