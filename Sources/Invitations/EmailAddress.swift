/// E-mail address syntax, as tenantplan accepts it for invitees (RFC 5321/5322 "dot-atom" form, ASCII).
///
/// The check is syntactic only: an address is never proof of identity and never links accounts
/// (docs/onboarding.md). Accepted: `local@domain` with a local part of 1–64 characters of letters, digits and
/// ``atext`` symbols in dot-separated runs, and a domain of at least two dot-separated labels (letters, digits,
/// inner hyphens, 1–63 characters each) ending in a label of letters of at least two; 254 characters at most.
/// Quoted local parts, IP-literal domains and non-ASCII addresses are refused.
public enum EmailAddress {
    /// The symbols RFC 5322 allows in an unquoted local part besides letters and digits.
    public static let atext: Set<Character> = Set("!#$%&'*+-/=?^_`{|}~")

    /// True when `text` is a syntactically valid address.
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 254, text.allSatisfy(\.isASCII) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let (local, domain) = (parts[0], parts[1])
        guard (1...64).contains(local.count) else { return false }
        let localRuns = local.split(separator: ".", omittingEmptySubsequences: false)
        guard localRuns.allSatisfy({ run in
            !run.isEmpty && run.allSatisfy { $0.isLetter || $0.isNumber || atext.contains($0) }
        }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { return false }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return true
    }

    /// The address compared case-insensitively (the form used to find an invitee's pending invitations).
    public static func key(_ text: String) -> String { text.lowercased() }
}
