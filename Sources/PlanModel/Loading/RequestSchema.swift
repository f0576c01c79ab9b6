import Auth0Schema
import JSONValues

/// The request schemas of Auth0's Management API v2 OpenAPI document (the embedded excerpt,
/// ``ManagementAPIDocument/excerpt``) that the loader checks each declared object against: the create and update
/// request body of the operation that will carry it. The names are the `requestSchema` of those operations in the
/// operation catalogue (`ManagementOperation`; a test holds the two to each other), and every limit the loader
/// states about a managed field is read from these schemas (``facts(_:_:)``), never written down a second time.
/// docs/auth0-fidelity.md, "What the loader refuses", lists them.
public enum RequestSchema {
    /// The validator over the embedded excerpt (``SchemaValidator/managementAPI``, shared with the local tenant:
    /// one cache of compiled schemas).
    public static var validator: SchemaValidator { SchemaValidator.managementAPI }

    /// `POST /api/v2/organizations`.
    public static let createOrganization = "CreateOrganizationRequestContent"
    /// `PATCH /api/v2/organizations/{id}`.
    public static let updateOrganization = "UpdateOrganizationRequestContent"
    /// `POST /api/v2/connections`.
    public static let createConnection = "CreateConnectionRequestContent"
    /// `PATCH /api/v2/connections/{id}`.
    public static let updateConnection = "UpdateConnectionRequestContent"
    /// `POST /api/v2/clients`.
    public static let createClient = "CreateClientRequestContent"
    /// `PATCH /api/v2/clients/{id}`.
    public static let updateClient = "UpdateClientRequestContent"
    /// `POST /api/v2/roles`.
    public static let createRole = "CreateRoleRequestContent"
    /// `PATCH /api/v2/roles/{id}`.
    public static let updateRole = "UpdateRoleRequestContent"
    /// `POST /api/v2/organizations/{id}/enabled_connections`.
    public static let addEnabledConnection = "AddOrganizationConnectionRequestContent"
    /// `PATCH /api/v2/organizations/{id}/enabled_connections/{connectionId}`.
    public static let updateEnabledConnection = "UpdateOrganizationConnectionRequestContent"
    /// `POST /api/v2/organizations/{id}/invitations`.
    public static let createInvitation = "CreateOrganizationInvitationRequestContent"

    /// Strategy -> the names of its `options` schemas in the per-strategy create and update request schemas
    /// (`ConnectionOptionsAuth0`, `ConnectionOptionsSAML`, …; ``ManagementAPIDocument/connectionOptionsSchemas``),
    /// without repeats. A strategy the document does not know has none (the generic `options` schema of
    /// ``createConnection`` still applies).
    public static let optionsSchemas: [String: [String]] = ManagementAPIDocument.excerpt.connectionOptionsSchemas
        .mapValues { schemas in
            var names: [String] = []
            for schema in schemas {
                if let reference = schema["$ref"]?.stringValue,
                    let name = ManagementAPIDocument.schemaName(reference: reference), !names.contains(name)
                {
                    names.append(name)
                }
            }
            return names
        }

    /// True when Auth0's schemas for the `options` of a `strategy` connection (those of ``createConnection`` and
    /// ``updateConnection`` and the strategy's ``optionsSchemas``) refuse the literal `value` at option `key`: what
    /// the loader would refuse in a connection declaring it. The export leaves such a live value out.
    public static func refusesOption(strategy: String, key: String, value: JSONValue) -> Bool {
        let options: JSONValue = .object([key: value])
        let checks: [(instance: JSONValue, prefix: [String], schemas: [String])] = [
            (.object(["options": options]), ["options", key], [createConnection, updateConnection]),
            (options, [key], optionsSchemas[strategy] ?? []),
        ]
        for check in checks {
            for schema in check.schemas {
                let violations = validator.validate(
                    check.instance, against: .object(["$ref": .string("#/components/schemas/\(schema)")]))
                if violations.contains(where: { $0.path.starts(with: check.prefix) }) { return true }
            }
        }
        return false
    }

    /// The constraints of `path` in the schema `name` (``SchemaFacts``); a path element that names no declared
    /// member reads the schema's `additionalProperties` (`["metadata", "any-key"]` gives a metadata value's facts).
    /// - Precondition: the excerpt declares the field; a missing one is a programming error caught by the tests.
    public static func facts(_ name: String, _ path: [String]) -> SchemaFacts {
        guard let facts = SchemaFacts(schemaNamed: name, path: path, in: validator) else {
            preconditionFailure("Auth0's OpenAPI excerpt has no field \(path.joined(separator: ".")) in \(name)")
        }
        return facts
    }

    /// The most keys a declared organization `metadata` may hold: Auth0's
    /// ``Auth0Limits/organizationMetadataKeys`` (25) less one for the ownership marker. The loader refuses more, and
    /// the export leaves a larger live map out.
    public static let declaredOrganizationMetadataKeys = Auth0Limits.organizationMetadataKeys - 1
    /// The most keys a declared connection `metadata` may hold: Auth0's ``Auth0Limits/connectionMetadataKeys`` (10)
    /// less one for the ownership marker.
    public static let declaredConnectionMetadataKeys = Auth0Limits.connectionMetadataKeys - 1
}
