import Foundation

/// Compiled `pattern` regular expressions, shared by every copy of a ``SchemaValidator``.
///
/// Patterns are ECMA-262 (JSON Schema 2020-12, section 6.3.3); ``icuPattern(_:)`` rewrites the constructs whose
/// meaning differs in ICU, which `NSRegularExpression` runs. Compiled once per pattern, under a lock.
final class SchemaPatternCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    /// Whether `text` contains a match of the ECMA-262 `pattern` (like JavaScript's `RegExp(pattern).test(text)`:
    /// not anchored unless the pattern is).
    /// - Returns: `nil` when the pattern does not compile.
    func test(_ pattern: String, _ text: String) -> Bool? {
        guard let expression = expression(pattern) else { return nil }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The compiled pattern, or `nil` when it does not compile.
    func expression(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let expression = try? NSRegularExpression(pattern: Self.icuPattern(pattern))
        compiled[pattern] = expression
        return expression
    }

    /// `pattern` rewritten from ECMA-262 to ICU syntax:
    /// - `\d` is ASCII digits only in ECMA-262 (ICU: any Unicode digit), so it becomes `[0-9]` (`0-9` in a class);
    /// - inside a class, a `-` that cannot form a range (first, last, or right after a range such as in
    ///   `[a-zA-Z-_]` or `[0-9-:]`) is a literal in ECMA-262 and becomes `\-` (ICU rejects or misreads it).
    static func icuPattern(_ pattern: String) -> String {
        var output = ""
        var inClass = false
        var classAtoms = 0  // atoms since `[`; a `-` is a range only between two atoms
        var afterRange = false
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.popFirst() {
                if next == "d" {
                    output += inClass ? "0-9" : "[0-9]"
                } else {
                    output += "\\\(next)"
                }
                if inClass {
                    classAtoms += 1
                    afterRange = false
                }
                continue
            }
            guard inClass else {
                if character == "[" {
                    inClass = true
                    classAtoms = 0
                    afterRange = false
                    output.append(character)
                    if characters.first == "^" { output.append(characters.removeFirst()) }
                } else {
                    output.append(character)
                }
                continue
            }
            switch character {
            case "]":
                inClass = false
                output.append(character)
            case "-":
                let isRange = classAtoms > 0 && !afterRange && characters.first != nil && characters.first != "]"
                if isRange, let end = characters.popFirst() {
                    output.append("-")
                    if end == "\\", let escaped = characters.popFirst() {
                        output += "\\\(escaped)"
                    } else {
                        output.append(end)
                    }
                    afterRange = true
                } else {
                    output += "\\-"
                    afterRange = false
                }
                classAtoms += 1
            default:
                // A `[` inside a class is a literal in ECMA-262 but opens a nested set in ICU.
                if character == "[" { output += "\\[" } else { output.append(character) }
                classAtoms += 1
                afterRange = false
            }
        }
        return output
    }
}
