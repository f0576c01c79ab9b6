/// One request's outcome as an apply goes, for a progress line on stderr (`Output` words it:
/// `done: create connection "acme-entra"`, `failed: update organization "acme": …`).
public enum ApplyProgress: Sendable, Equatable {
    /// The request was carried out; the entry's ``ApplyReport/Entry/detail`` is a note, if any.
    case done(ApplyReport.Entry)
    /// The request failed; the entry's ``ApplyReport/Entry/detail`` is the reason.
    case failed(ApplyReport.Entry)
}
