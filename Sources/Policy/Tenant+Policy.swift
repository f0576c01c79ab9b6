import JSONValues
import PlanModel

/// Look-ups the rules share.
extension Customer {
    /// The organization's name.
    var name: String { organization.name.value }

    /// The declared enabled connections; empty when `connections:` is absent (not managed).
    var enabledEntries: [EnabledConnection] { connections?.value ?? [] }
}

extension Connection {
    /// The literal string value of `options.<key>`, or `nil` when it is absent, a secret or not a string.
    func literalString(_ key: String) -> String? {
        if case .literal(.string(let text))? = options[key]?.value { return text }
        return nil
    }

    /// The literal boolean value of `options.<key>`, or `nil`.
    func literalBool(_ key: String) -> Bool? {
        if case .literal(.bool(let flag))? = options[key]?.value { return flag }
        return nil
    }

    /// A `waad` (Microsoft Entra ID) connection using the multi-tenant common endpoint (`useCommonEndpoint: true`).
    var usesCommonEndpoint: Bool { strategy.value == "waad" && literalBool("useCommonEndpoint") == true }

    /// `database connection 'Username-Password-Authentication'`, `social connection 'google-oauth2'`.
    var described: String { "\(kind.rawValue) connection '\(name.value)'" }

    /// Who owns the connection, as a phrase: `a shared database connection`, `customer 'globex''s connection`.
    var ownership: String {
        if let owner { return "the connection of customer '\(owner)'" }
        return "a shared \(kind.rawValue) connection from tenant.yaml"
    }
}
