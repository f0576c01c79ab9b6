import JSONValues
import PlanModel

/// `domain-claimed-twice`: two connections claim the same e-mail domain in `options.domain_aliases` or
/// `options.tenant_domain`.
///
/// Home realm discovery sends a user to the connection whose domains match the e-mail address
/// (https://auth0.com/docs/authenticate/login/auth0-universal-login/identifier-first); with two claimants the
/// choice is ambiguous. Domains compare case-insensitively with a trailing dot ignored, across every declared
/// connection (shared first, then customers in file order). Located at the later claim's option key, with a
/// note at the first claim.
public struct DomainClaimedTwice: Rule {
    /// Creates the rule.
    public init() {}

    /// `domain-claimed-twice`.
    public let id = "domain-claimed-twice"
    /// Error.
    public let defaultSeverity = Diagnostic.Severity.error
    /// When it fires.
    public let title =
        "Two connections claim the same e-mail domain in `domain_aliases` or `tenant_domain`"
    /// The risk.
    public let whyItMatters = """
        Identifier-first login and home realm discovery route a user to the connection whose domains match the \
        e-mail address. When two connections claim one domain, the route is ambiguous: people of one customer can \
        be sent to another customer's identity provider, or a connection someone else controls can receive logins \
        for addresses it does not own. Domains are compared case-insensitively, with a trailing dot ignored.
        """
    /// The fix.
    public let howToFix = """
        Keep each e-mail domain on exactly one connection: remove it from `domain_aliases` (or correct \
        `tenant_domain`) of the connection that does not own it.
        """
    /// Sources.
    public let references = [
        "https://auth0.com/docs/authenticate/login/auth0-universal-login/identifier-first",
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/azure-active-directory/v2",
    ]
    /// Connection-scoped: shared connections are checked too.
    public let scope = RuleScope.connection

    /// `Acme.Example.` → `acme.example`.
    static func normalized(_ domain: String) -> String {
        var text = domain.lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// One finding per later claim of an already claimed domain.
    public func check(_ tenant: Tenant, context: RuleContext) -> [Finding] {
        var first: [String: (connection: String, location: SourceLocation)] = [:]
        var findings: [Finding] = []
        for connection in tenant.allConnections {
            var claims: [(domain: String, option: String, location: SourceLocation)] = []
            if let option = connection.options["tenant_domain"], let text = connection.literalString("tenant_domain") {
                claims.append((text, "tenant_domain", option.location))
            }
            if let option = connection.options["domain_aliases"], case .literal(.array(let items)) = option.value {
                for case .string(let text) in items { claims.append((text, "domain_aliases", option.location)) }
            }
            var seenHere: Set<String> = []
            for claim in claims {
                let domain = Self.normalized(claim.domain)
                guard !domain.isEmpty, seenHere.insert(domain).inserted else { continue }
                guard let earlier = first[domain] else {
                    first[domain] = (connection.name.value, claim.location)
                    continue
                }
                guard earlier.connection != connection.name.value else { continue }
                findings.append(
                    finding(
                        "e-mail domain '\(domain)' is claimed by connection '\(connection.name.value)' "
                            + "(\(claim.option)) and already by connection '\(earlier.connection)': home realm "
                            + "discovery cannot tell which identity provider its users belong to, so logins can reach "
                            + "the wrong one; keep the domain on one connection only",
                        at: claim.location, organization: connection.owner,
                        notes: [Diagnostic.Note("first claimed by connection '\(earlier.connection)' here", at: earlier.location)]))
            }
        }
        return findings
    }
}
