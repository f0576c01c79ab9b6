/// Checks every string the loader reads for values that must never reach a tenant: placeholders of other
/// tools and masked exports (README, "The tenant directory"), and parses `${env:NAME}` references.
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

    /// Classifies one string value. Runs on every scalar the loader reads, so it scans the UTF-8 bytes once
    /// and looks closer only when a marker character is present.
    static func classify(_ text: String) -> Finding {
        var hasDollar = false, hasHash = false, hasAt = false, hasStar = false, hasBracket = false
        var hasUnderscore = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): hasDollar = true
            case UInt8(ascii: "#"): hasHash = true
            case UInt8(ascii: "@"): hasAt = true
            case UInt8(ascii: "*"): hasStar = true
            case UInt8(ascii: "["): hasBracket = true
            case UInt8(ascii: "_"): hasUnderscore = true
            default: break
            }
        }
        if hasDollar, Self.containsASCII(text, "${env:") {
            guard text.hasPrefix("${env:"), text.hasSuffix("}"), text.count > 7 else { return .malformedReference }
            let name = text.dropFirst(6).dropLast()
            guard let first = name.first, first == "_" || first.isASCIILetter,
                name.allSatisfy({ $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit })
            else { return .malformedReference }
            return .environmentReference(String(name))
        }
        if hasHash, let marker = delimited(text, by: "##") { return .placeholder(marker) }
        if hasAt, let marker = delimited(text, by: "@@") { return .placeholder(marker) }
        if hasStar {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 3, trimmed.allSatisfy({ $0 == "*" }) { return .masked(trimmed) }
        }
        if hasBracket, Self.containsASCII(text, "[REDACTED]") { return .masked("[REDACTED]") }
        if hasUnderscore, Self.containsASCII(text, "_VALUE_NOT_SHOWN_") { return .masked("_VALUE_NOT_SHOWN_") }
        return .plain
    }

    /// True when `text` contains the ASCII `needle`, letters compared without case. (Foundation's
    /// `range(of:options:)` bridges through NSString, too slow for every scalar of a 10,000-file tenant.)
    static func containsASCII(_ text: String, _ needle: String) -> Bool {
        let hay = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard hay.count >= pattern.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        outer: for start in 0...(hay.count - pattern.count) {
            for offset in 0..<pattern.count where lower(hay[start + offset]) != lower(pattern[offset]) {
                continue outer
            }
            return true
        }
        return false
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
