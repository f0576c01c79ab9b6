import Foundation
import JSONValues

/// What the loopback server answers: status, headers and body, or no answer at all (the connection is closed).
public struct LoopbackResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// Headers to send (`Content-Length` and `Connection` are added by the server).
    public var headers: [String: String]
    /// The body bytes.
    public var body: Data
    /// True to close the connection without answering (a transport error for the client).
    public var dropsConnection: Bool

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), dropsConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.dropsConnection = dropsConnection
    }

    /// A JSON response (`Content-Type: application/json; charset=utf-8`); `nil` body: empty.
    public static func json(_ status: Int, _ body: JSONValue?, headers: [String: String] = [:]) -> LoopbackResponse {
        var all = headers
        if body != nil { all["Content-Type"] = "application/json; charset=utf-8" }
        return LoopbackResponse(status: status, headers: all, body: body?.encoded() ?? Data())
    }

    /// An Auth0 Management API error body `{statusCode, error, message}` (and `errorCode` when given).
    public static func apiError(
        _ status: Int, _ error: String, _ message: String, errorCode: String? = nil, headers: [String: String] = [:]
    ) -> LoopbackResponse {
        var body: [String: JSONValue] = [
            "statusCode": .int(status), "error": .string(error), "message": .string(message),
        ]
        if let errorCode { body["errorCode"] = .string(errorCode) }
        return json(status, .object(body), headers: headers)
    }

    /// Closes the connection without an answer.
    public static let noAnswer = LoopbackResponse(status: 0, dropsConnection: true)
}
