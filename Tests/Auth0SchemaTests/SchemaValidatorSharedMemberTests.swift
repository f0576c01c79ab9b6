import Auth0Schema
import JSONValues
import Testing

/// Members with the same schema in two request schemas are checked once (the loader's create and update checks),
/// and the compiled schemas are shared safely by concurrent checks.
@Suite struct SchemaValidatorSharedMemberTests {
    static let validator = SchemaValidator.managementAPI

    @Test(arguments: [
        ("CreateOrganizationRequestContent", "UpdateOrganizationRequestContent", ["branding", "display_name", "metadata", "name"]),
        ("CreateConnectionRequestContent", "UpdateConnectionRequestContent", [
            "authentication", "connected_accounts", "cross_app_access_requesting_app", "is_domain_connection", "metadata",
            "realms", "show_as_button",
        ]),
        ("AddOrganizationConnectionRequestContent", "UpdateOrganizationConnectionRequestContent", [
            "assign_membership_on_login", "is_signup_enabled", "show_as_button",
        ]),
        ("CreateRoleRequestContent", "UpdateRoleRequestContent", []),
        ("CreateOrganizationRequestContent", "NoSuchSchema", []),
    ])
    func sameMemberSchemas(first: String, second: String, members: [String]) {
        #expect(Self.validator.sameMemberSchemas(first, second) == Set(members))
        #expect(Self.validator.sameMemberSchemas(second, first) == Set(members))
    }

    /// Every keyword of the organization update fails once: an extra member, a short display name, a metadata value
    /// of the wrong type, a name outside the format.
    static let badOrganization: JSONValue = [
        "name": "Bad Name", "display_name": "", "metadata": ["k": 5], "extra": 1,
    ]
    static let extra = SchemaViolation(path: [], keyword: "additionalProperties", message: "Additional properties not allowed: extra")
    static let displayName = SchemaViolation(
        path: ["display_name"], keyword: "minLength", message: "String is too short (0 chars), minimum 1",
        description: "Friendly name of this organization.")
    static let metadata = SchemaViolation(
        path: ["metadata", "k"], keyword: "type", message: "Expected type string,null but found type integer")
    static let name = SchemaViolation(
        path: ["name"], keyword: "format", message: "Object didn't pass validation for format organization-name: Bad Name",
        description: "The name of this organization.")

    @Test func withoutSkippingItIsTheReferenceCheck() {
        let all = [Self.extra, Self.displayName, Self.metadata, Self.name]
        #expect(Self.validator.validate(
            Self.badOrganization, against: ["$ref": "#/components/schemas/UpdateOrganizationRequestContent"]) == all)
        #expect(Self.validator.validate(
            Self.badOrganization, referencing: "UpdateOrganizationRequestContent", skippingMembers: []) == all)
    }

    @Test func skippedMembersLoseOnlyTheirOwnViolations() {
        #expect(Self.validator.validate(
            Self.badOrganization, referencing: "UpdateOrganizationRequestContent",
            skippingMembers: ["display_name", "metadata"]) == [Self.extra, Self.name])
        // A skipped name that is not a declared member is still refused by `additionalProperties: false`.
        #expect(Self.validator.validate(
            Self.badOrganization, referencing: "UpdateOrganizationRequestContent",
            skippingMembers: ["extra", "name"]) == [Self.extra, Self.displayName, Self.metadata])
    }

    @Test func anUnknownSchemaIsReportedAsTheReferenceIs() {
        #expect(Self.validator.validate(["a": 1], referencing: "Missing", skippingMembers: ["a"]) == [
            SchemaViolation(path: [], keyword: "$ref", message: "Reference could not be resolved: #/components/schemas/Missing"),
        ])
    }

    /// A fresh validator (nothing compiled yet) checked from many tasks at once gives every task the answer of one.
    @Test func concurrentFirstChecksAgree() async {
        let fresh = SchemaValidator(document: ManagementAPIDocument.excerpt.root)
        let expected = [Self.extra, Self.displayName, Self.metadata, Self.name]
        let results = await withTaskGroup(of: [SchemaViolation].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    fresh.validate(
                        Self.badOrganization, against: ["$ref": "#/components/schemas/UpdateOrganizationRequestContent"])
                }
            }
            var all: [[SchemaViolation]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: expected, count: 16))
    }
}
