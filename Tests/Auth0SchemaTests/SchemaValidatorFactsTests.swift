import Auth0Schema
import JSONValues
import Testing

/// ``SchemaFacts``: the constraints of one request field, read from the excerpt through `$ref` and `allOf`.
@Suite struct SchemaValidatorFactsTests {
    @Test func anOrganizationName() throws {
        let validator = try #require(SchemaValidatorExcerpt.validator)
        let facts = try #require(SchemaFacts(schemaNamed: "CreateOrganizationRequestContent", path: ["name"], in: validator))
        #expect(facts.types == ["string"])
        #expect(facts.minLength == 1)
        #expect(facts.maxLength == 50)
        #expect(facts.format == "organization-name")
        #expect(facts.pattern == nil)
        #expect(facts.description == "The name of this organization.")
    }

    @Test func metadataThroughARef() throws {
        let validator = try #require(SchemaValidatorExcerpt.validator)
        let organization = try #require(SchemaFacts(schemaNamed: "CreateOrganizationRequestContent", path: ["metadata"], in: validator))
        #expect(organization.types == ["object"])
        #expect(organization.maxProperties == 25)
        let value = try #require(SchemaFacts(schemaNamed: "CreateOrganizationRequestContent", path: ["metadata", "plan"], in: validator))
        #expect(value.types == ["string", "null"])
        #expect(value.maxLength == 255)
        let connection = try #require(SchemaFacts(schemaNamed: "CreateConnectionRequestContent", path: ["metadata"], in: validator))
        #expect(connection.maxProperties == 10)
    }

    @Test func aPatternAnEnumAndArrayItems() throws {
        let validator = try #require(SchemaValidatorExcerpt.validator)
        #expect(SchemaFacts(schemaNamed: "CreateClientRequestContent", path: ["name"], in: validator)?.pattern == "^[^<>]+$")
        let strategy = try #require(SchemaFacts(schemaNamed: "CreateConnectionRequestContent", path: ["strategy"], in: validator))
        #expect(strategy.allowedValues?.contains("samlp") == true)
        #expect(strategy.allowedValues?.contains("saml") == false)
        let roles = try #require(SchemaFacts(schemaNamed: "CreateOrganizationInvitationRequestContent", path: ["roles"], in: validator))
        #expect(roles.minItems == 1)
        #expect(SchemaFacts(schemaNamed: "CreateOrganizationInvitationRequestContent", path: ["roles", "[]"], in: validator)?.format == "role-id")
        let invitation = try #require(SchemaFacts(schemaNamed: "CreateOrganizationInvitationRequestContent", path: [], in: validator))
        #expect(invitation.required == ["inviter", "invitee", "client_id"])
        #expect(invitation.allowsAdditionalProperties == false)
        let ttl = try #require(SchemaFacts(schemaNamed: "CreateOrganizationInvitationRequestContent", path: ["ttl_sec"], in: validator))
        #expect(ttl.minimum == 0)
        #expect(ttl.maximum == 2_592_000)
    }

    @Test func allOfBranchesAreCombinedTightestBoundWinning() {
        let validator = SchemaValidator(document: ["components": ["schemas": [
            "Both": ["allOf": [
                ["type": ["string", "null"], "maxLength": 10, "minLength": 1],
                ["type": "string", "maxLength": 5, "const": "abc"],
            ]],
        ]]])
        let facts = SchemaFacts(schemaNamed: "Both", path: [], in: validator)
        #expect(facts?.types == ["string"])
        #expect(facts?.maxLength == 5)
        #expect(facts?.minLength == 1)
        #expect(facts?.allowedValues == ["abc"])
    }

    @Test func unknownSchemasAndFieldsHaveNoFacts() throws {
        let validator = try #require(SchemaValidatorExcerpt.validator)
        #expect(SchemaFacts(schemaNamed: "Nope", path: [], in: validator) == nil)
        #expect(SchemaFacts(schemaNamed: "CreateOrganizationRequestContent", path: ["nope"], in: validator) == nil)
        #expect(SchemaFacts(schemaNamed: "CreateOrganizationRequestContent", path: ["name", "[]"], in: validator) == nil)
    }
}
