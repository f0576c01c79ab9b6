import Foundation

/// Reading Auth0's rate-limit headers: `Retry-After` (seconds, or an HTTP date) and `x-ratelimit-reset` (a UNIX
/// timestamp in seconds), as the rate limit policy describes them
/// (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy).
enum RateLimitHeaders {
    /// What a `Retry-After` header said.
    enum RetryAfter: Equatable {
        /// A wait of this many milliseconds (seconds or an HTTP date); zero or negative for a value of zero,
        /// below zero or a date already past.
        case milliseconds(Int)
        /// Present but neither a number of seconds nor an HTTP date.
        case unreadable
    }

    /// The shortest wait after a 429, in milliseconds: a `Retry-After` of zero, below zero or in the past, or an
    /// `x-ratelimit-reset` already past, waits this long, so a confused header never makes a retry storm.
    static let minimumWaitMilliseconds = 1000

    /// Reads a `Retry-After` value: seconds (`3`, `1.5`, `-5`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`,
    /// https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); `nil` when absent or empty.
    static func retryAfter(_ value: String?, now: Int) -> RetryAfter? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, abs(seconds) < 1e12 {
            return .milliseconds(Int((seconds * 1000).rounded(.up)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return .unreadable }
        return .milliseconds(Int((date.timeIntervalSince1970 * 1000).rounded()) - now)
    }

    /// The epoch millisecond of an `x-ratelimit-reset` value; `nil` when absent or unreadable. A value below
    /// 1,000,000,000 cannot be a UNIX timestamp of this century and is read as seconds from now.
    static func resetMilliseconds(_ value: String?, now: Int) -> Int? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), let seconds = Double(text), seconds.isFinite,
            seconds >= 0
        else { return nil }
        let milliseconds = Int((seconds * 1000).rounded(.up))
        return seconds < 1_000_000_000 ? now + milliseconds : milliseconds
    }

    /// `3 s`, `0.75 s`, `1.5 s`: milliseconds as seconds without trailing zeros.
    static func seconds(_ milliseconds: Int) -> String {
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        var text = String(format: "%.3f", Double(milliseconds) / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        return "\(text) s"
    }
}
