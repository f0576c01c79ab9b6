/// A family of `--format` values: ``FindingsFormat`` (`check`), ``PlanFormat`` (`plan`) and
/// ``InvitationReportFormat`` (`invite`, `invitations`). Each case is one format, mapped to the renderer of its
/// one file; the commands, their usage text and the README's lists derive from ``allCases`` (a test keeps the
/// README equal). The first case is the default.
///
/// Adding a format is one renderer file conforming to the family's protocol and one case, with its arm in the
/// family's `renderer` switch (the compiler asks for it).
public protocol OutputFormat: RawRepresentable, CaseIterable, Sendable, Equatable
where RawValue == String, AllCases == [Self] {
    /// A few words on the format after its name in `--help` (`docs/plan-json.md`), or `nil`
    /// (``FormatRenderer/formatNote``).
    var note: String? { get }
}

extension OutputFormat {
    /// The format without `--format`: the first case.
    public static var defaultFormat: Self { allCases[0] }

    /// The names, in order: `["text", "json", "markdown"]`.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The names for a usage line: `text|json|markdown`.
    public static var usageChoices: String { names.joined(separator: "|") }

    /// The names for an option's help, the default and notes marked:
    /// `text (default), json (docs/plan-json.md), markdown (a pull-request comment)`.
    public static var helpChoices: String {
        allCases.map { format in
            let notes = (format == defaultFormat ? ["default"] : []) + (format.note.map { [$0] } ?? [])
            return notes.isEmpty ? format.rawValue : "\(format.rawValue) (\(notes.joined(separator: "; ")))"
        }.joined(separator: ", ")
    }

    /// The names as a sentence: `text, json or markdown`.
    public static var alternatives: String {
        names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
    }

    /// The format named `value` (`--format VALUE`); ``defaultFormat`` for `nil`; `nil` for an unknown name.
    public static func named(_ value: String?) -> Self? {
        guard let value else { return defaultFormat }
        return Self(rawValue: value)
    }
}
