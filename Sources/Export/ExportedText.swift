import Foundation

/// Checks on live strings before they are written: the loader refuses some values in every string of every
/// file (README, "The tenant directory"), and some names and fields have formats and lengths of their own. A value
/// that would be refused is left out of the export (with a note) instead of making the directory unloadable.
enum ExportedText {
    /// Why the loader would refuse `text` as a value, or `nil` when it accepts it: `${env:…}` (read as a secret
    /// reference, not as the text), `##NAME##` and `@@NAME@@` placeholders, masks (three or more `*` only,
    /// `[REDACTED]`, `_VALUE_NOT_SHOWN_`; case-insensitive), after `PlanModel`'s loader (docs/decisions.md, Values).
    static func refusal(_ text: String) -> String? {
        let lowered = text.lowercased()
        if lowered.contains("${env:") { return "it looks like a ${env:NAME} reference" }
        if hasPlaceholder(text, delimiter: "##") || hasPlaceholder(text, delimiter: "@@") {
            return "it looks like another tool's placeholder"
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 3, trimmed.allSatisfy({ $0 == "*" }) { return "it looks like a masked value" }
        if lowered.contains("[redacted]") || lowered.contains("_value_not_shown_") {
            return "it looks like a masked value"
        }
        return nil
    }

    /// A non-empty string of at most `maxLength` characters the loader accepts, or why not.
    static func boundedRefusal(_ text: String, maxLength: Int) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.count > maxLength { return "it is \(text.count) characters; tenantplan accepts at most \(maxLength)" }
        return refusal(text)
    }

    /// Auth0's connection name pattern `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`, at most 128 characters.
    static func isConnectionName(_ name: String) -> Bool {
        guard let first = name.first, let last = name.last, first != "-", last != "-", name.count <= 128 else {
            return false
        }
        return !name.contains("--") && name.allSatisfy { $0 == "-" || isASCIIAlphanumeric($0) }
    }

    /// An `https://` URL without whitespace, as the loader accepts for `logo_url` and `initiate_login_uri`.
    static func isHTTPSURL(_ text: String) -> Bool {
        text.lowercased().hasPrefix("https://") && text.count > 8 && !text.contains(where: \.isWhitespace)
            && refusal(text) == nil
    }

    /// `#rgb` or `#rrggbb`.
    static func isHexColor(_ text: String) -> Bool {
        let hex = text.dropFirst()
        return text.hasPrefix("#") && (hex.count == 3 || hex.count == 6) && hex.allSatisfy(\.isHexDigit)
    }

    static func isASCIIAlphanumeric(_ c: Character) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    /// True when `text` holds `<d>NAME<d>` with NAME of letters, digits, `_ . - :`.
    private static func hasPlaceholder(_ text: String, delimiter: String) -> Bool {
        guard text.contains(delimiter) else { return false }
        var rest = text[...]
        while let open = rest.range(of: delimiter) {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: delimiter) else { return false }
            let name = after[..<close.lowerBound]
            if !name.isEmpty, name.allSatisfy({ isASCIIAlphanumeric($0) || "_.-:".contains($0) }) { return true }
            rest = after
        }
        return false
    }
}
