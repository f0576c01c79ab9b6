import JSONValues

/// One way a JSON instance fails a schema, in the terms Auth0's Management API uses in its 400 answers.
///
/// Auth0 validates request bodies and query strings with z-schema and answers, for example,
/// `Payload validation error: 'String is too long (301 chars), maximum 300' on property inviter.name (The inviter's name).`
/// (see docs/auth0-fidelity.md, "Request validation").
public struct SchemaViolation: Sendable, Hashable {
    /// The instance location: property names and array indexes from the root, e.g. `["inviter", "name"]` or
    /// `["roles", "0"]`; empty for the root.
    public var path: [String]
    /// The JSON Schema keyword that failed: `type`, `required`, `maxLength`, `format`, `anyOf`, `$ref`, …
    public var keyword: String
    /// z-schema's message text, as Auth0 quotes it between `'…'`: `Missing required property: name`.
    public var message: String
    /// The `description` of the schema the keyword belongs to, which Auth0 appends in parentheses; `nil` when
    /// that schema has none.
    public var description: String?
    /// For `anyOf` and `oneOf`: the violations of each alternative, in schema order. Empty otherwise.
    public var inner: [SchemaViolation]

    /// A violation at `path` of `keyword`, with z-schema's `message` and the failing schema's `description`.
    public init(
        path: [String], keyword: String, message: String, description: String? = nil, inner: [SchemaViolation] = []
    ) {
        self.path = path
        self.keyword = keyword
        self.message = message
        self.description = description
        self.inner = inner
    }

    /// The path as Auth0 prints it after `on property`: names joined by `.` (`options.validation`,
    /// `roles.0`); the empty string for the root.
    public var pathText: String { path.joined(separator: ".") }

    /// Where the validated value came from; decides Auth0's message prefix and `errorCode`.
    public enum Location: Sendable, Hashable {
        /// The request body: `Payload validation error`, `invalid_body`.
        case body
        /// The query string: `Query validation error`, `invalid_query_string`.
        case query

        var prefix: String { self == .body ? "Payload validation error" : "Query validation error" }
        var errorCode: String { self == .body ? "invalid_body" : "invalid_query_string" }
    }

    /// This violation as one sentence of Auth0's message:
    /// `Payload validation error: 'MESSAGE' on property PATH (DESCRIPTION).`; at the root Auth0 names no
    /// property (`Payload validation error: 'Missing required property: name'.`), and without a description there
    /// are no parentheses. The description loses one closing `.`, as in Auth0's answers.
    public func auth0Sentence(_ location: Location = .body) -> String {
        var text = "\(location.prefix): '\(message)'"
        if !path.isEmpty {
            text += " on property \(pathText)"
            if let description, !description.isEmpty {
                // Auth0 prints descriptions without their closing period: `(The user's phone number (following
                // the E.164 recommendation))` for "… recommendation)."
                text += " (\(description.hasSuffix(".") ? String(description.dropLast()) : description))"
            }
        }
        return text + "."
    }

    /// Auth0's whole `message` for a failed validation: every violation's sentence, joined by ` (also) ` as
    /// Auth0 joins them. An empty list gives the empty string.
    public static func auth0Message(_ violations: [SchemaViolation], _ location: Location = .body) -> String {
        violations.map { $0.auth0Sentence(location) }.joined(separator: " (also) ")
    }

    /// Auth0's 400 answer for a failed validation:
    /// `{"statusCode":400,"error":"Bad Request","message":"…","errorCode":"invalid_body"}` (or
    /// `invalid_query_string` for the query), with ``auth0Message(_:_:)`` as the message.
    /// - Returns: `nil` when `violations` is empty (the request is valid).
    public static func auth0ErrorBody(_ violations: [SchemaViolation], _ location: Location = .body) -> JSONValue? {
        guard !violations.isEmpty else { return nil }
        return .object([
            "statusCode": 400,
            "error": "Bad Request",
            "message": .string(auth0Message(violations, location)),
            "errorCode": .string(location.errorCode),
        ])
    }
}
