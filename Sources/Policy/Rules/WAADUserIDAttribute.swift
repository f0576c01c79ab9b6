import PlanModel

/// `waad-userid-attribute`: a single-tenant `waad` connection does not set `userid_attribute: oid` (warning);
/// a common-endpoint one sets `userid_attribute: oid` (error).
///
/// `oid` is the user's immutable object id within one Entra tenant; `sub` is pairwise per application.
/// Auth0 recommends `oid` for single-tenant connections (required for SCIM) and requires `sub` with the common
/// endpoint (https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2,
/// https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference).
/// Located at `userid_attribute`, or at the connection's `name` when the option is absent.
public struct WAADUserIDAttribute: Rule {
    /// Creates the rule.
    public init() {}

    /// `waad-userid-attribute`.
    public let id = "waad-userid-attribute"
    /// Warning (error for the common endpoint with `oid`).
    public let defaultSeverity = Diagnostic.Severity.warning
    /// As the reference states it.
    public let severitySummary = "warning; error when the common endpoint is combined with `oid`"
    /// When it fires.
    public let title =
        "A single-tenant `waad` connection does not set `userid_attribute: oid` (or a multi-tenant one does)"
    /// The risk.
    public let whyItMatters = """
        The user id attribute decides which Auth0 user a login lands on. In a single-tenant connection `oid`, the \
        object id, is stable for the person in the customer's directory (and SCIM provisioning needs it); `sub` \
        is different for every application registration, so changing the registration later creates duplicate \
        users and orphans the old ones. With the common endpoint (`useCommonEndpoint: true`) users come from many \
        Entra tenants and `oid` is unique only within one of them, so people from different companies could land \
        on the same Auth0 user; there Auth0 requires `sub`.
        """
    /// The fix.
    public let howToFix = """
        Single-tenant: set `options.userid_attribute: oid` when the connection is created (changing it later \
        duplicates users). Multi-tenant: set `options.userid_attribute: sub`.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2",
        "https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference",
        "https://community.auth0.com/t/azure-connection-creates-duplicate-users-when-updating-app-settings/121381",
    ]
    /// Connection-scoped: shared `waad` connections are checked too.
    public let scope = RuleScope.connection

    /// At most one finding per `waad` connection.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        tenant.allConnections.compactMap { connection in
            guard connection.strategy.value == "waad" else { return nil }
            let name = connection.name.value
            let option = connection.options["userid_attribute"]
            let attribute = connection.literalString("userid_attribute")
            if connection.usesCommonEndpoint {
                guard attribute == "oid", let option else { return nil }
                return finding(
                    "connection '\(name)' uses the common endpoint (useCommonEndpoint: true) with "
                        + "userid_attribute: oid: oid is unique only within one Entra tenant, so users of different "
                        + "companies can land on the same Auth0 user; set userid_attribute: sub",
                    at: option.location, organization: connection.owner, severity: .error)
            }
            guard attribute != "oid" else { return nil }
            let current = attribute.map { "sets userid_attribute: \($0)" } ?? "does not set userid_attribute"
            return finding(
                "single-tenant waad connection '\(name)' \(current): users are then keyed on sub, which changes "
                    + "with the application registration and duplicates users when it does (SCIM also needs oid); "
                    + "set userid_attribute: oid when the connection is created",
                at: option?.location ?? connection.name.location, organization: connection.owner)
        }
    }
}
