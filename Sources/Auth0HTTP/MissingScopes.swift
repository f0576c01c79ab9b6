/// The token lacks scopes a command needs: `the token lacks scopes apply needs: create:connections, …`.
///
/// Grant them to the application in the Auth0 Dashboard (Applications > APIs > Auth0 Management API >
/// Machine to Machine Applications), or issue an `AUTH0_API_TOKEN` that carries them.
public struct MissingScopes: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command, e.g. `apply`.
    public let command: String
    /// The scopes it needs that the token lacks, in ``RequiredScopes/scopes`` order.
    public let missing: [String]
    /// What reads that only some plans make are for (``Auth0Transport/preflight(reads:purpose:)``), completing
    /// "needed to …"; `nil` for a command's own scopes.
    public let purpose: String?

    /// Creates the error.
    public init(command: String, missing: [String], purpose: String? = nil) {
        self.command = command
        self.missing = missing
        self.purpose = purpose
    }

    /// `the token lacks scopes COMMAND needs: SCOPE, SCOPE`, or with a purpose `the token lacks scopes needed to
    /// PURPOSE: SCOPE, SCOPE`.
    public var description: String {
        guard let purpose else { return "the token lacks scopes \(command) needs: \(missing.joined(separator: ", "))" }
        return "the token lacks scopes needed to \(purpose): \(missing.joined(separator: ", "))"
    }
}
