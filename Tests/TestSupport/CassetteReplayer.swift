import Foundation
import JSONValues
import ManagementAPI
import Synchronization

/// A ``ManagementTransport`` that answers from a recorded cassette instead of a tenant.
///
/// A request is matched to the first unused interaction with the same method, path and query (compared as a
/// map, i.e. sorted by name), so identical requests are answered in recorded order (state changes between
/// them, as for the repeated GETs around a PATCH). Bodies of GET requests are never compared (go-auth0 records
/// `null\n`); other JSON bodies are compared structurally (key order aside) when ``init(_:matchBodies:)`` asks
/// for it. A request with no recorded answer throws ``CassetteError/unmatched(cassette:request:recorded:)``,
/// naming the request and what the cassette still holds, so the test that sent it fails with that message.
public final class CassetteReplayer: ManagementTransport, Sendable {
    /// The cassette answered from.
    public let cassette: Cassette
    /// Whether non-GET request bodies must equal the recorded ones.
    public let matchBodies: Bool
    private let state = Mutex(State())

    private struct State {
        var used: Set<Int> = []
        var served: [APIRequest] = []
    }

    /// Creates a replayer.
    /// - Parameters:
    ///   - cassette: The recording to answer from.
    ///   - matchBodies: When true, a POST/PATCH/DELETE whose JSON body differs from the matched recording throws
    ///     ``CassetteError/bodyMismatch(cassette:request:recorded:sent:)``.
    public init(_ cassette: Cassette, matchBodies: Bool = false) {
        self.cassette = cassette
        self.matchBodies = matchBodies
    }

    /// Loads the bundled cassette `name` (see ``Cassette/load(_:)``) and replays it.
    public convenience init(named name: String, matchBodies: Bool = false) throws {
        self.init(try Cassette.load(name), matchBodies: matchBodies)
    }

    public var tenantDescription: String { "cassette \(cassette.name)" }

    /// The recorded tenant's host (`go-auth0-dev.eu.auth0.com`).
    public var remoteDomain: String? {
        cassette.interactions.first.flatMap { URLComponents(string: $0.url)?.host }
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        try state.withLock { state in
            state.served.append(request)
            let candidates = cassette.interactions.filter { !state.used.contains($0.position) }
            guard let match = candidates.first(where: { Self.matches($0.request, request) }) else {
                throw CassetteError.unmatched(
                    cassette: cassette.name, request: request.description,
                    recorded: candidates.map { $0.request.description })
            }
            if matchBodies, request.method != .get, match.request.body != request.body {
                throw CassetteError.bodyMismatch(
                    cassette: cassette.name, request: request.description,
                    recorded: match.request.body?.compactText ?? "(none)", sent: request.body?.compactText ?? "(none)")
            }
            state.used.insert(match.position)
            return match.response
        }
    }

    /// Every request received so far, matched or not, in order.
    public var servedRequests: [APIRequest] { state.withLock { $0.served } }

    /// The interactions not answered yet, in recorded order.
    public var unusedInteractions: [RecordedInteraction] {
        let used = state.withLock { $0.used }
        return cassette.interactions.filter { !used.contains($0.position) }
    }

    /// Same method, same path, same query parameters.
    static func matches(_ recorded: APIRequest, _ sent: APIRequest) -> Bool {
        recorded.method == sent.method && recorded.path == sent.path && recorded.query == sent.query
    }
}
