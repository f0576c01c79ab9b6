/// Durations as tenantplan files write them: `7d`, `12h`, `30m`, `3600s`.
public enum DurationText {
    /// Parses a duration into seconds.
    /// - Returns: Whole seconds, or `nil` when `text` is not a positive integer followed by `s`, `m`, `h` or `d`.
    public static func seconds(_ text: String) -> Int? {
        guard let unit = text.last, text.count >= 2, let number = Int(text.dropLast()), number >= 0,
            text.dropLast().allSatisfy(\.isASCIIDigit)
        else { return nil }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86_400
        default: return nil
        }
    }

    /// The shortest exact spelling of `seconds`: `7d`, `36h`, `90s`.
    public static func text(_ seconds: Int) -> String {
        if seconds > 0, seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds > 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        return "\(seconds)s"
    }

    /// An ECMA-262 pattern matching exactly the durations ``seconds(_:)`` reads as 1 to `maximumSeconds` seconds
    /// (leading zeros allowed, as ``seconds(_:)`` reads them): for 2592000, `30d`, `720h`, `43200m`, `2592000s` and
    /// everything shorter, but not `31d` or `0s`. A unit is left out when one of it is already too long.
    public static func pattern(maximumSeconds: Int) -> String {
        let units: [(String, Int)] = [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
        let alternatives = units.compactMap { unit, size -> String? in
            let most = maximumSeconds / size
            guard most >= 1 else { return nil }
            return "0*(\(numberPattern(upTo: most)))\(unit)"
        }
        return "^(" + alternatives.joined(separator: "|") + ")$"
    }

    /// A pattern (without anchors) for the numbers 1 to `most` written without leading zeros.
    static func numberPattern(upTo most: Int) -> String {
        let digits = Array(String(most)).map { Int(String($0))! }
        var parts: [String] = []
        // Fewer digits than `most`.
        if digits.count > 1 {
            parts.append("[1-9]")
            for length in stride(from: 2, to: digits.count, by: 1) {
                parts.append("[1-9][0-9]{\(length - 1)}")
            }
        }
        // As many digits: the same prefix as `most`, then a smaller digit, then any digits.
        for index in digits.indices {
            let lowest = index == 0 ? 1 : 0
            let below = digits[index] - 1
            guard below >= lowest else { continue }
            let prefix = digits[..<index].map(String.init).joined()
            let digit = below == lowest ? "\(lowest)" : "[\(lowest)-\(below)]"
            let rest = digits.count - index - 1
            parts.append(prefix + digit + (rest == 0 ? "" : "[0-9]{\(rest)}"))
        }
        parts.append(digits.map(String.init).joined())
        return parts.joined(separator: "|")
    }
}
