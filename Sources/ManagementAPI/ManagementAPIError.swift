import JSONValues

/// A non-2xx answer from the Management API, decoded from `{statusCode, error, message, errorCode}` with every
/// field optional (https://auth0.com/docs/api/management/v2 error format).
public struct ManagementAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request, as `METHOD /path`.
    public let request: String
    /// The HTTP status.
    public let status: Int
    /// `error`, e.g. `Bad Request`.
    public let error: String?
    /// `message`.
    public let message: String?
    /// `errorCode`, e.g. `invalid_body`, `inexistent_organization`.
    public let errorCode: String?

    /// Decodes the error from a response.
    public init(request: APIRequest, response: APIResponse) {
        self.request = request.description
        self.status = response.status
        self.error = response.body?["error"]?.stringValue
        self.message = response.body?["message"]?.stringValue
        self.errorCode = response.body?["errorCode"]?.stringValue
    }

    /// `POST /api/v2/connections: 409 Conflict: A connection with the same name already exists (connection_conflict)`.
    public var description: String {
        var text = "\(request): \(status)"
        if let error { text += " \(error)" }
        if let message { text += ": \(message)" }
        if let errorCode { text += " (\(errorCode))" }
        return text
    }
}
