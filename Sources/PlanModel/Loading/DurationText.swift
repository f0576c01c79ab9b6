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
}
