import TerminalText

/// A problem found in the configuration: a load error, or (from the policy engine) a rule finding.
///
/// Rendered the way compilers and swift-format print: `customers/acme.yaml:12:5: error: unknown key 'colour' in
/// organization.branding (expected: logo_url, colors)`, followed by `note:` lines for related locations.
/// Libraries collect diagnostics and return them; only the executable prints them and picks the exit code.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable, Comparable, Codable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A related location (where a duplicate was first written, where an unclosed bracket opened).
    public struct Note: Sendable, Equatable {
        /// What the location shows.
        public let message: String
        /// The related location.
        public let location: SourceLocation

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    /// Error or warning.
    public let severity: Severity
    /// The rule id for policy findings (`sso-only-password-connection`); `nil` for load errors.
    public let ruleID: String?
    /// What is wrong, what was expected; never a secret value.
    public let message: String
    /// Where; `nil` only for problems with no file (a missing tenant directory).
    public let location: SourceLocation?
    /// Related locations.
    public let notes: [Note]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, ruleID: String? = nil, _ message: String,
        at location: SourceLocation?, notes: [Note] = []
    ) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The compiler-style text with locations as stored (relative to the tenant directory).
    public var description: String { rendered(directory: "") }

    /// The compiler-style text, with every file path prefixed by `directory` (the tenant directory as the user
    /// named it), so that editors and CI find the file from the working directory. Paths, rule ids and messages
    /// pass through ``TerminalText/escaped(_:)``: a key holding a line break or an escape sequence prints visibly,
    /// on the diagnostic's own line; the only line breaks are the ones before each note.
    public func rendered(directory: String) -> String {
        let label = ruleID.map { "\(severity.rawValue)[\(TerminalText.escaped($0))]" } ?? severity.rawValue
        var text: String
        if let location {
            text = "\(TerminalText.escaped(location.prefixed(by: directory).description)): \(label): "
                + TerminalText.escaped(message)
        } else {
            text = "\(label): \(TerminalText.escaped(message))"
        }
        for note in notes {
            text += "\n\(TerminalText.escaped(note.location.prefixed(by: directory).description)): note: "
                + TerminalText.escaped(note.message)
        }
        return text
    }
}
