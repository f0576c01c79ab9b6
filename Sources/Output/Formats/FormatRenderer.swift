/// What every format's renderer says about itself: the base of ``FindingsRenderer``, ``PlanRenderer`` and
/// ``InvitationReportRenderer``.
public protocol FormatRenderer {
    /// A few words on the format after its name in `--help` (`a pull-request comment`), or `nil` (the default).
    static var formatNote: String? { get }
}

extension FormatRenderer {
    /// No note.
    public static var formatNote: String? { nil }
}
