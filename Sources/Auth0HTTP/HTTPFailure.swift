/// No answer: the reason, free of secrets.
struct HTTPFailure: Error, Sendable {
    let reason: String
}
