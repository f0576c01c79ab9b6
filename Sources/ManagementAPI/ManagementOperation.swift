import Foundation

/// One Management API v2 operation tenantplan sends or the local tenant answers: method, path template, the
/// scopes tenantplan needs for it, the request and response schema names of the OpenAPI document, the paging mode
/// and the side effects Auth0 documents for it.
///
/// ``all`` is the one catalogue of operations: the planner and ``ManagementClient`` build paths from it
/// (``path(_:)``), apply, the scope preflight and saved plans read a request's operation, and the local tenant
/// routes by matching its templates (``match(_:path:)``). No other code spells an `/api/v2/…` path. The facts come
/// from Auth0's Management API v2 OpenAPI document (https://auth0.com/docs/api/management/v2); the list is
/// rendered in docs/auth0-fidelity.md ("Operations").
public struct ManagementOperation: Sendable, Hashable, CustomStringConvertible {
    /// How a list operation pages.
    public enum Paging: Sendable, Hashable {
        /// Not a list.
        case none
        /// `page`/`per_page`/`include_totals`; `perPageMax` items per page at most; `recordCap` records at most
        /// (Auth0 answers 400 for a page past it), `nil` when the OpenAPI document states none.
        case offset(perPageMax: Int, recordCap: Int?)
        /// `from`/`take` with a `next` cursor; `takeMax` items per page at most.
        case checkpoint(takeMax: Int)
        /// Both: checkpoint for reading everything (what tenantplan sends), offset up to `recordCap` records.
        case checkpointOrOffset(takeMax: Int, perPageMax: Int, recordCap: Int?)

        /// The most records offset paging can reach, if the operation has offset paging with a cap.
        public var offsetRecordCap: Int? {
            switch self {
            case .offset(_, let cap), .checkpointOrOffset(_, _, let cap): return cap
            case .none, .checkpoint: return nil
            }
        }

        /// `offset (per_page ≤ 100, 1,000 records)`, `checkpoint (take ≤ 100)`, `none`.
        public var text: String {
            func offset(_ perPage: Int, _ cap: Int?) -> String {
                "offset (per_page ≤ \(perPage)" + (cap.map { ", \(Self.thousands($0)) records" } ?? "") + ")"
            }
            switch self {
            case .none: return "none"
            case .offset(let perPage, let cap): return offset(perPage, cap)
            case .checkpoint(let take): return "checkpoint (take ≤ \(take))"
            case .checkpointOrOffset(let take, let perPage, let cap):
                return "checkpoint (take ≤ \(take)) or " + offset(perPage, cap)
            }
        }

        static func thousands(_ value: Int) -> String {
            value >= 1000 ? "\(value / 1000),\(String(format: "%03d", value % 1000))" : "\(value)"
        }
    }

    /// The OpenAPI `operationId`: `patch_connections_by_id`. Saved plans store it.
    public let id: String
    /// The method.
    public let method: HTTPMethod
    /// The path template with `{name}` parameters: `/api/v2/connections/{id}`.
    public let template: String
    /// The scopes tenantplan needs for it. Where the OpenAPI document lists alternatives (`read:clients` or
    /// `read:client_summary`), the one that grants what tenantplan reads (the full object) is chosen.
    public let scopes: [String]
    /// Further scopes needed when the request body carries a member: `options` of a connection PATCH needs
    /// `update:connections_options`, `enabled_connections` of an organization POST needs
    /// `create:organization_connections`; a read of connection options needs `read:connections_options`
    /// (key `""`: always).
    public let bodyScopes: [String: String]
    /// The request body schema (`UpdateConnectionRequestContent`), `nil` without a body.
    public let requestSchema: String?
    /// The response schema of the 2xx answer, `nil` for an empty answer (204, 202).
    public let responseSchema: String?
    /// The paging mode of a list.
    public let paging: Paging
    /// Side effects the OpenAPI document states for the operation or its fields, in a few words each.
    public let sideEffects: [String]

    /// Creates an operation (the catalogue's entries are ``all``).
    init(
        _ id: String, _ method: HTTPMethod, _ template: String, scopes: [String], bodyScopes: [String: String] = [:],
        request: String? = nil, response: String?, paging: Paging = .none, sideEffects: [String] = []
    ) {
        self.id = id
        self.method = method
        self.template = template
        self.scopes = scopes
        self.bodyScopes = bodyScopes
        self.requestSchema = request
        self.responseSchema = response
        self.paging = paging
        self.sideEffects = sideEffects
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// `PATCH /api/v2/connections/{id}`.
    public var description: String { "\(method.rawValue) \(template)" }

    /// The template as Auth0's OpenAPI document keys it under `paths`: without the `/api/v2` server prefix
    /// (`/connections/{id}`).
    public var documentPath: String {
        template.hasPrefix(Self.serverPrefix) ? String(template.dropFirst(Self.serverPrefix.count)) : template
    }

    /// The Management API v2 base path every template starts with (the OpenAPI document's server URL path).
    public static let serverPrefix = "/api/v2"

    // MARK: Paths

    /// The concrete path: each `{parameter}` of the template replaced, in order, by the percent-encoded segment
    /// (``ManagementClient/segment(_:)``). A segment that is a placeholder of an id created earlier in the same
    /// apply (`{{connection:acme-entra}}`) is kept as it is; apply substitutes the encoded id.
    /// - Precondition: As many segments as the template has parameters.
    public func path(_ segments: String...) -> String {
        var remaining = segments[...]
        let parts = template.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix("{"), let segment = remaining.popFirst() else { return String(part) }
            return segment.hasPrefix("{{") ? segment : ManagementClient.segment(segment)
        }
        precondition(remaining.isEmpty, "\(id): \(segments.count) segments for \(template)")
        return parts.joined(separator: "/")
    }

    /// The decoded parameter values when `method` and `path` are this operation's, else `nil`.
    public func match(_ method: HTTPMethod, path: String) -> [String]? {
        guard method == self.method else { return nil }
        return Self.parameters(of: template, in: path)
    }

    /// The decoded values of `template`'s parameters in `path`, or `nil` when the path does not fit the template.
    static func parameters(of template: String, in path: String) -> [String]? {
        parameters(
            of: template.split(separator: "/", omittingEmptySubsequences: false),
            in: path.split(separator: "/", omittingEmptySubsequences: false))
    }

    /// ``parameters(of:in:)`` for a template and a path already split at `/`.
    private static func parameters(of pattern: [Substring], in parts: [Substring]) -> [String]? {
        guard pattern.count == parts.count else { return nil }
        var values: [String] = []
        for (expected, actual) in zip(pattern, parts) {
            if expected.hasPrefix("{") {
                guard !actual.isEmpty else { return nil }
                let text = String(actual)
                values.append(actual.contains("%") ? text.removingPercentEncoding ?? text : text)
            } else if expected != actual {
                return nil
            }
        }
        return values
    }

    /// The catalogue operation `method` and `path` belong to, with its decoded parameters. Templates with a
    /// literal where another has a parameter win (`/organizations/name/{name}` over `/organizations/{id}/…`).
    public static func route(_ method: HTTPMethod, path: String) -> (operation: ManagementOperation, parameters: [String])? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (operation, segments) in byLiterals where operation.method == method {
            if let parameters = parameters(of: segments, in: parts) { return (operation, parameters) }
        }
        return nil
    }

    /// True when some catalogue operation has a template `path` fits, whatever its method (405 rather than 404).
    public static func knowsPath(_ path: String) -> Bool {
        all.contains { parameters(of: $0.template, in: path) != nil }
    }

    /// The operation with that `operationId`.
    public static func named(_ id: String) -> ManagementOperation? { all.first { $0.id == id } }

    /// Every operation with its template split at `/` (split once, matched against every request), those with
    /// more literal segments first.
    private static let byLiterals: [(operation: ManagementOperation, segments: [Substring])] = all.sorted {
        $0.template.split(separator: "/").filter { !$0.hasPrefix("{") }.count
            > $1.template.split(separator: "/").filter { !$0.hasPrefix("{") }.count
    }.map { ($0, $0.template.split(separator: "/", omittingEmptySubsequences: false)) }

    /// The scopes a request of this operation needs: ``scopes`` plus the ``bodyScopes`` of the members its body
    /// carries (and those keyed `""`).
    public func scopes(body: [String]) -> [String] {
        scopes + bodyScopes.keys.sorted().filter { $0.isEmpty || body.contains($0) }.map { bodyScopes[$0]! }
    }
}

extension ManagementOperation {
    /// The operation as a row of the table in docs/auth0-fidelity.md ("Operations"): method and template,
    /// operation id, scopes (body scopes with the member that needs them), request and response schema, paging.
    public var markdownRow: String {
        let extra = bodyScopes.keys.sorted().map { $0.isEmpty ? bodyScopes[$0]! : "\(bodyScopes[$0]!) with `\($0)`" }
        let cells = [
            "`\(description)`", "`\(id)`", (scopes + extra).joined(separator: ", "), requestSchema ?? "—",
            responseSchema ?? "—", paging.text,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// The table of every operation, header included, as docs/auth0-fidelity.md holds it.
    public static var markdownTable: String {
        (["| operation | operationId | scopes | request | response | paging |", "|---|---|---|---|---|---|"]
            + all.map(\.markdownRow)).joined(separator: "\n") + "\n"
    }
}
