import PlanModel

/// Every policy rule of docs/rules.md, in the order the rules reference lists them.
public enum RuleCatalog {
    /// The rules, one per file under `Sources/Policy/Rules/`.
    public static let all: [any Rule] = [
        SSOOnlyPasswordConnection(),
        SSOOnlyNoEnterpriseConnection(),
        InviteOnlySignupOpen(),
        AutoMembershipSharedConnection(),
        OtherCustomerEnterpriseConnection(),
        WAADEmailVerifiedTrusted(),
        WAADCommonEndpointAutoMembership(),
        WAADUserIDAttribute(),
        DomainClaimedTwice(),
        InvitationClientLoginRoute(),
        InvitationClientOrganizations(),
        InvitationConnectionNotEnabled(),
        InvitationTTL(),
        InvitationMemberID(),
        PlaintextSecret(),
    ]

    /// The rule with `id`, if any.
    public static func rule(id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }
}
