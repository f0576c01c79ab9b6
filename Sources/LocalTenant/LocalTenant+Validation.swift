import Auth0Schema
import Foundation
import JSONValues
import ManagementAPI

/// Request validation: before any operation is dispatched, the local tenant checks the request as Auth0 does and
/// answers Auth0's 400 (docs/auth0-fidelity.md, "Request validation"):
/// - the query string against the operation's declared query parameters in Auth0's OpenAPI document
///   (`paths.<template>.<method>.parameters`): 400 `invalid_query_string`;
/// - the body against the operation's request schema (``ManagementOperation/requestSchema``): 400 `invalid_body`;
///   an absent body is validated as `null`;
/// - for `POST /api/v2/connections` and `PATCH /api/v2/connections/{id}`, `options` also against the options
///   schema of the connection's strategy (`CreateConnectionRequestContent<Strategy>`; the strategy of the body on a
///   create, of the stored connection on an update). A violation at a path the operation's own schema already
///   reports is not repeated.
///
/// Validation is always on: the local tenant is the oracle the test suite trusts. Setting
/// `TENANTPLAN_LOCAL_VALIDATION_LOG` to a file path appends one line per validated request to that file
/// (`post_connections valid`, `post_invitations refused`), for measuring how many requests a run checked.
extension LocalTenant {
    /// The validator over the embedded OpenAPI excerpt (``ManagementAPIDocument/excerpt``).
    static var requestValidator: SchemaValidator { SchemaValidator.managementAPI }

    /// Strategy -> the options schemas of its connection create and update request schemas.
    static let strategyOptionsSchemas = ManagementAPIDocument.excerpt.connectionOptionsSchemas

    /// The OpenAPI `parameters` of `operation` (path, query and header parameters; `$ref`s unresolved); empty
    /// when the document has no entry for it.
    static func declaredParameters(of operation: ManagementOperation) -> [JSONValue] {
        let entry = ManagementAPIDocument.excerpt.root["paths"]?[operation.documentPath]
        return (entry?["parameters"]?.arrayValue ?? [])
            + (entry?[operation.method.rawValue.lowercased()]?["parameters"]?.arrayValue ?? [])
    }

    /// Auth0's 400 answer to `request` when its query string or body breaks the OpenAPI document, else `nil`.
    /// - Parameter parameters: The decoded path parameters (the connection id of a connection update).
    func validationRefusal(
        _ operation: ManagementOperation, _ parameters: [String], _ request: APIRequest
    ) -> APIResponse? {
        let refusal = Self.refusal(operation, request, storedStrategy: storedStrategy(operation, parameters))
        Self.recordValidation(operation, refused: refusal != nil)
        return refusal
    }

    /// The strategy of the connection a connection update names, `nil` for any other operation or an unknown id.
    private func storedStrategy(_ operation: ManagementOperation, _ parameters: [String]) -> String? {
        guard operation == .updateConnection, let id = parameters.first, let i = index.connectionByID[id] else {
            return nil
        }
        return state.connections[i]["strategy"]?.stringValue
    }

    static func refusal(_ operation: ManagementOperation, _ request: APIRequest, storedStrategy: String?)
        -> APIResponse?
    {
        let queryViolations = requestValidator.validateQuery(request.query, parameters: declaredParameters(of: operation))
        if let body = SchemaViolation.auth0ErrorBody(queryViolations, .query) { return answer(body) }
        guard let schema = operation.requestSchema else { return nil }
        let body = request.body ?? .null
        var violations = (try? requestValidator.validate(body, schemaNamed: schema)) ?? []
        if operation == .createConnection || operation == .updateConnection, let options = body["options"],
            options.objectValue != nil,
            let strategy = operation == .createConnection ? body["strategy"]?.stringValue : storedStrategy
        {
            let reported = Set(violations.map(\.path))
            for optionsSchema in strategyOptionsSchemas[strategy] ?? [] {
                for var violation in requestValidator.validate(options, against: optionsSchema) {
                    violation.path.insert("options", at: 0)
                    if !reported.contains(violation.path), !violations.contains(violation) {
                        violations.append(violation)
                    }
                }
            }
        }
        return SchemaViolation.auth0ErrorBody(violations, .body).map(answer)
    }

    private static func answer(_ body: JSONValue) -> APIResponse {
        APIResponse(status: 400, headers: ["content-type": "application/json; charset=utf-8"], body: body)
    }

    /// The file `TENANTPLAN_LOCAL_VALIDATION_LOG` names, read once; `nil` when unset or empty.
    static let validationLogPath: String? = {
        guard let path = ProcessInfo.processInfo.environment["TENANTPLAN_LOCAL_VALIDATION_LOG"], !path.isEmpty
        else { return nil }
        return path
    }()

    /// Appends `OPERATION_ID valid|refused` to ``validationLogPath`` (one `write` to a file opened with
    /// `O_APPEND`, so lines of parallel tests and processes do not interleave).
    static func recordValidation(_ operation: ManagementOperation, refused: Bool) {
        guard let path = validationLogPath else { return }
        let line = "\(operation.id) \(refused ? "refused" : "valid")\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
    }
}
