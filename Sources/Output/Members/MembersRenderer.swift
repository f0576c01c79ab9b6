import Migration

/// A format of `tenantplan members` (``MembersFormat``).
public protocol MembersRenderer: FormatRenderer {
    /// Who is where in one organization, in this format, ending with a newline.
    /// - Parameters:
    ///   - directory: The tenant directory as the user named it, in front of locations and in the hint.
    ///   - target: The live tenant's description (`local tenant PATH`, `example-prod.eu.auth0.com`).
    static func render(_ roster: MemberRoster, directory: String, target: String) -> String
}
