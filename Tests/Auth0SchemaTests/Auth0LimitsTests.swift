import Auth0Schema
import Foundation
import JSONValues
import Testing
import TestSupport

/// Auth0's numbers, defined once in ``Auth0Limits``: those the OpenAPI excerpt states as schema keywords equal the
/// excerpt's keywords; the literals kept for prose-only limits equal what the excerpt's prose says.
@Suite("Auth0 limits")
struct Auth0LimitsTests {
    static func schemas() throws -> JSONValue {
        let excerpt = try JSONValue(data: Data(contentsOf: ManagementAPIDocumentTests.resourceURL))
        return try #require(excerpt["components"]?["schemas"])
    }

    @Test("every limit has Auth0's value")
    func values() {
        let limits: [Int] = [
            Auth0Limits.organizationMetadataKeys, Auth0Limits.connectionMetadataKeys, Auth0Limits.clientMetadataKeys,
            Auth0Limits.metadataValueLength, Auth0Limits.metadataKeyLength, Auth0Limits.organizationNameMinimumLength,
            Auth0Limits.organizationNameLength, Auth0Limits.enabledConnectionsPerOrganization,
            Auth0Limits.invitationTTLMaximum, Auth0Limits.invitationTTLDefault,
        ]
        #expect(limits == [25, 10, 10, 255, 255, 1, 50, 10, 2_592_000, 604_800])
    }

    @Test("the schema-derived limits are the excerpt's keywords")
    func schemaKeywords() throws {
        let schemas = try Self.schemas()
        #expect(schemas["OrganizationMetadata"]?["maxProperties"]?.intValue == Auth0Limits.organizationMetadataKeys)
        #expect(schemas["ConnectionsMetadata"]?["maxProperties"]?.intValue == Auth0Limits.connectionMetadataKeys)
        #expect(schemas["ClientMetadata"]?["maxProperties"]?.intValue == Auth0Limits.clientMetadataKeys)
        #expect(
            schemas["OrganizationMetadata"]?["additionalProperties"]?["maxLength"]?.intValue
                == Auth0Limits.metadataValueLength)
        #expect(
            schemas["ConnectionsMetadata"]?["additionalProperties"]?["maxLength"]?.intValue
                == Auth0Limits.metadataValueLength)
        let name = schemas["CreateOrganizationRequestContent"]?["properties"]?["name"]
        #expect(name?["maxLength"]?.intValue == Auth0Limits.organizationNameLength)
        #expect(name?["minLength"]?.intValue == Auth0Limits.organizationNameMinimumLength)
        #expect(name?["format"]?.stringValue == "organization-name")
        let ttl = schemas["CreateOrganizationInvitationRequestContent"]?["properties"]?["ttl_sec"]
        #expect(ttl?["maximum"]?.intValue == Auth0Limits.invitationTTLMaximum)
    }

    @Test("the literals are what the excerpt's descriptions state")
    func proseLimits() throws {
        let schemas = try Self.schemas()
        let ttl = schemas["CreateOrganizationInvitationRequestContent"]?["properties"]?["ttl_sec"]
        #expect(ttl?["default"] == nil)
        #expect(
            ttl?["description"]?.stringValue?.contains(
                "defaults to \(Auth0Limits.invitationTTLDefault) seconds (7 days)") == true)
        let enabled = schemas["CreateOrganizationRequestContent"]?["properties"]?["enabled_connections"]
        #expect(enabled?["maxItems"] == nil)
        #expect(
            enabled?["description"]?.stringValue?.contains(
                "(Max of \(Auth0Limits.enabledConnectionsPerOrganization) connections allowed)") == true)
        #expect(
            schemas["ClientMetadata"]?["description"]?.stringValue?.contains(
                "Field names (max \(Auth0Limits.metadataKeyLength) chars)") == true)
    }

    @Test(
        "organization names: the organization-name format and 1 to 50 characters",
        arguments: [
            ("acme", true), ("acme_co-1", true), ("0", true), (String(repeating: "a", count: 50), true),
            ("", false), (String(repeating: "a", count: 51), false), ("Acme", false), ("acme corp", false),
            ("acme.co", false), ("ächme", false), ("acme\n", false),
        ])
    func organizationName(name: String, accepted: Bool) throws {
        #expect(Auth0Limits.isOrganizationName(name) == accepted)
        let violations = try SchemaValidator.managementAPI.validate(
            .object(["name": .string(name)]), schemaNamed: "CreateOrganizationRequestContent")
        #expect(violations.isEmpty == accepted)
    }
}
