/// Auth0's numbers that several parts of tenantplan enforce (the loader, the policy rules, the invitations, the
/// planner, the export and the local tenant), each defined here once.
///
/// Where Auth0's Management API v2 OpenAPI document states a number as a schema keyword, it is read from the
/// embedded excerpt (``ManagementAPIDocument/excerpt``, through ``SchemaFacts``), never written down a second time;
/// where the document states it only in prose (or not at all), one literal is kept here with the page it follows,
/// and a test holds it to that prose. docs/auth0-fidelity.md lists them.
public enum Auth0Limits {
    // MARK: Metadata

    /// The most keys an organization's `metadata` holds: `maxProperties` of `OrganizationMetadata` (25), counting
    /// tenantplan's ownership marker (`PATCH /api/v2/organizations/{id}` answers 400 past it).
    public static let organizationMetadataKeys = schemaInt("OrganizationMetadata", [], \.maxProperties)
    /// The most keys a connection's `metadata` holds: `maxProperties` of `ConnectionsMetadata` (10), counting the
    /// ownership marker.
    public static let connectionMetadataKeys = schemaInt("ConnectionsMetadata", [], \.maxProperties)
    /// The most keys a client's `client_metadata` holds: `maxProperties` of `ClientMetadata` (10), counting the
    /// ownership marker.
    public static let clientMetadataKeys = schemaInt("ClientMetadata", [], \.maxProperties)
    /// The longest metadata value, in characters: `maxLength` of a value of `OrganizationMetadata` (255; the same in
    /// `ConnectionsMetadata`).
    public static let metadataValueLength = schemaInt("OrganizationMetadata", ["any-key"], \.maxLength)
    /// The longest metadata key, in characters: 255, what `ClientMetadata`'s description states for field names
    /// ("Field names (max 255 chars)"); the schemas state no key length, so it is the value length.
    public static let metadataKeyLength = metadataValueLength

    // MARK: Organizations

    /// The longest organization `name`: `maxLength` of `CreateOrganizationRequestContent.name` (50).
    public static let organizationNameLength = schemaInt("CreateOrganizationRequestContent", ["name"], \.maxLength)
    /// The shortest organization `name`: `minLength` of `CreateOrganizationRequestContent.name` (1).
    public static let organizationNameMinimumLength =
        schemaInt("CreateOrganizationRequestContent", ["name"], \.minLength)

    /// True when Auth0 accepts `name` as an organization name: the `organization-name` format
    /// (``SchemaValidator/checkedFormats``: lower-case letters, digits, `_` and `-`) and
    /// ``organizationNameMinimumLength`` to ``organizationNameLength`` characters. Such a name is also a safe file
    /// name (`customers/<name>.yaml`).
    public static func isOrganizationName(_ name: String) -> Bool {
        (organizationNameMinimumLength...organizationNameLength).contains(name.count)
            && SchemaValidator.isOrganizationName(name)
    }

    /// The most connections one organization can have enabled: 10, Auth0's entity limit "Connections per
    /// organization" (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/entity-limit-policy;
    /// the OpenAPI document says "Max of 10 connections allowed" in the description of
    /// `CreateOrganizationRequestContent.enabled_connections` but states no `maxItems`).
    public static let enabledConnectionsPerOrganization = 10

    // MARK: Invitations

    /// The longest invitation lifetime, in seconds: `maximum` of `ttl_sec` in
    /// `CreateOrganizationInvitationRequestContent` (2592000, 30 days;
    /// `POST /api/v2/organizations/{id}/invitations`).
    public static let invitationTTLMaximum = Int(schemaFacts("CreateOrganizationInvitationRequestContent", ["ttl_sec"]).maximum!)
    /// The invitation lifetime Auth0 applies when `ttl_sec` is absent or 0, in seconds: 604800 (7 days), as the
    /// description of `ttl_sec` in `CreateOrganizationInvitationRequestContent` states it (the schema has no
    /// `default` keyword; https://auth0.com/docs/api/management/v2/organizations/post-invitations).
    public static let invitationTTLDefault = 604_800

    // MARK: Reading the excerpt

    /// The facts of `path` in `components.schemas.<schema>` of the embedded excerpt.
    /// - Precondition: the excerpt declares the field; a missing one is a programming error caught by the tests.
    static func schemaFacts(_ schema: String, _ path: [String]) -> SchemaFacts {
        guard let facts = SchemaFacts(schemaNamed: schema, path: path, in: SchemaValidator.managementAPI) else {
            preconditionFailure("Auth0's OpenAPI excerpt has no field \(path.joined(separator: ".")) in \(schema)")
        }
        return facts
    }

    /// One integer fact of `path` in `schema`.
    /// - Precondition: the excerpt states it.
    static func schemaInt(_ schema: String, _ path: [String], _ fact: KeyPath<SchemaFacts, Int?>) -> Int {
        guard let value = schemaFacts(schema, path)[keyPath: fact] else {
            preconditionFailure("Auth0's OpenAPI excerpt states no \(fact) for \(path.joined(separator: ".")) in \(schema)")
        }
        return value
    }
}
