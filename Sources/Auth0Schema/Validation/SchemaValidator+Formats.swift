/// The `format`s ``SchemaValidator`` checks. Auth0 checks many custom formats (`client-id`, `connection-id`,
/// `url-with-placeholders`, …) whose rules it does not publish; a format whose rule is not documented by Auth0 is
/// an annotation here, so no valid request is ever refused. See docs/auth0-fidelity.md, "Request validation".
extension SchemaValidator {
    /// The checked formats and their rules.
    /// - `organization-name`: lowercase letters, digits, `_` and `-` (Auth0 docs, "Create Organizations": "May
    ///   contain lowercase alphabetical characters, numbers, underscores (_), and dashes (-)"); the length is the
    ///   schema's `minLength`/`maxLength`.
    /// - `email`: one `@` with a non-empty local part, a domain holding a `.` not at either end, no white space
    ///   (the rule the embedded local tenant applies to invitations).
    public static let checkedFormats: [String: @Sendable (String) -> Bool] = [
        "organization-name": isOrganizationName,
        "email": isEmail,
    ]

    /// What each checked format accepts, in a few words for messages: `organization-name` ->
    /// "lower-case letters, digits, '-' and '_'".
    public static let checkedFormatSummaries: [String: String] = [
        "organization-name": "lower-case letters, digits, '-' and '_'",
        "email": "an e-mail address: one '@', a domain holding a '.', no white space",
    ]

    /// ECMA-262 patterns accepting exactly what a checked format accepts, for schemas written for other
    /// validators (the editor schema of `tenantplan schema`, docs/editor.md). `email` has none: its rule is not a
    /// pattern an editor should apply.
    public static let checkedFormatPatterns: [String: String] = [
        "organization-name": "^[a-z0-9_-]+$",
    ]

    static func isOrganizationName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace)
        else { return false }
        return true
    }
}
