/// Checks every string the loader reads for values that must never reach a tenant: placeholders of other
/// tools and masked exports (SPEC section 1), and parses `${env:NAME}` references.
enum ScalarChecks {
    /// What a string turned out to be.
    enum Finding: Equatable {
        /// A plain value.
        case plain
        /// `${env:NAME}`.
        case environmentReference(String)
        /// A string that looks like an environment reference but is not one (`${env:}`, `x-${env:A}`).
        case malformedReference
        /// `##NAME##` or `@@NAME@@`, with the marker found.
        case placeholder(String)
        /// `******`, `[REDACTED]`, `_VALUE_NOT_SHOWN_`, with the masked text found.
        case masked(String)
    }

    /// Classifies one string value.
    static func classify(_ text: String) -> Finding {
        if text.contains("${env:") {
            guard text.hasPrefix("${env:"), text.hasSuffix("}"), text.count > 7 else { return .malformedReference }
            let name = text.dropFirst(6).dropLast()
            guard let first = name.first, first == "_" || first.isASCIILetter,
                name.allSatisfy({ $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit })
            else { return .malformedReference }
            return .environmentReference(String(name))
        }
        if let marker = delimited(text, by: "##") ?? delimited(text, by: "@@") { return .placeholder(marker) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 3, trimmed.allSatisfy({ $0 == "*" }) { return .masked(trimmed) }
        for mask in ["[REDACTED]", "_VALUE_NOT_SHOWN_"] where text.range(of: mask, options: .caseInsensitive) != nil {
            return .masked(mask)
        }
        return .plain
    }

    /// The first `<d>NAME<d>` in `text` (NAME of letters, digits, `_`, `.`, `-`, `:`), with its delimiters.
    private static func delimited(_ text: String, by delimiter: String) -> String? {
        guard text.contains(delimiter) else { return nil }
        var rest = text[...]
        while let open = rest.range(of: delimiter) {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: delimiter) else { return nil }
            let name = after[..<close.lowerBound]
            if !name.isEmpty,
                name.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "_.-:".contains($0) })
            {
                return delimiter + name + delimiter
            }
            rest = after
        }
        return nil
    }
}

import Foundation

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}
