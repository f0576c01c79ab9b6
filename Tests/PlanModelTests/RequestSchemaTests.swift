import JSONValues
import ManagementAPI
import PlanModel
import Testing

/// The request schemas the loader checks declared objects against are those of the operations that carry them.
@Suite struct RequestSchemaTests {
    @Test(arguments: [
        ("post_organizations", RequestSchema.createOrganization),
        ("patch_organizations_by_id", RequestSchema.updateOrganization),
        ("post_connections", RequestSchema.createConnection),
        ("patch_connections_by_id", RequestSchema.updateConnection),
        ("post_clients", RequestSchema.createClient),
        ("patch_clients_by_id", RequestSchema.updateClient),
        ("post_roles", RequestSchema.createRole),
        ("patch_roles_by_id", RequestSchema.updateRole),
        ("post_enabled_connections", RequestSchema.addEnabledConnection),
        ("patch_enabled_connections_by_connectionId", RequestSchema.updateEnabledConnection),
        ("post_invitations", RequestSchema.createInvitation),
    ])
    func schemaIsTheOperations(operation: String, schema: String) throws {
        let entry = try #require(ManagementOperation.named(operation))
        #expect(entry.requestSchema == schema)
    }

    @Test func limitsAreReadFromTheSchemas() {
        // Auth0's limits less the ownership marker (Auth0Limits holds Auth0's own numbers).
        #expect(RequestSchema.declaredOrganizationMetadataKeys == 24)
        #expect(RequestSchema.declaredConnectionMetadataKeys == 9)
        #expect(RequestSchema.optionsSchemas["samlp"] == ["ConnectionOptionsSAML"])
        #expect(RequestSchema.refusesOption(strategy: "samlp", key: "decryptionKey", value: ""))
        #expect(!RequestSchema.refusesOption(strategy: "samlp", key: "decryptionKey", value: "-----BEGIN"))
        #expect(!RequestSchema.refusesOption(strategy: "samlp", key: "custom_flag", value: 1))
    }
}
