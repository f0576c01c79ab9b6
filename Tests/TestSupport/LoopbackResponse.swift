import Foundation
import JSONValues

/// What the loopback server answers: status, headers and body, or no answer at all (the connection is closed, or
/// reset).
public struct LoopbackResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// Headers to send (`Content-Length` and `Connection` are added by the server).
    public var headers: [String: String]
    /// The body bytes.
    public var body: Data
    /// True to close the connection without answering (a transport error for the client).
    public var dropsConnection: Bool
    /// With ``dropsConnection``: end the connection with a TCP reset (RST, `SO_LINGER` 0) instead of a FIN.
    public var resetsConnection: Bool
    /// Keep the connection open for the next request (no `Connection: close`), as Auth0's servers do.
    public var keepsConnectionOpen: Bool
    /// Seconds to wait after reading the request before answering (or dropping the connection).
    public var delaySeconds: Double

    /// Creates a response.
    public init(
        status: Int, headers: [String: String] = [:], body: Data = Data(), dropsConnection: Bool = false,
        resetsConnection: Bool = false, keepsConnectionOpen: Bool = false, delaySeconds: Double = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.dropsConnection = dropsConnection
        self.resetsConnection = resetsConnection
        self.keepsConnectionOpen = keepsConnectionOpen
        self.delaySeconds = delaySeconds
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

    /// Closes the connection without an answer (a FIN after reading the request).
    public static let noAnswer = LoopbackResponse(status: 0, dropsConnection: true)

    /// Resets the connection without an answer (a TCP RST after reading the request).
    public static let reset = LoopbackResponse(status: 0, dropsConnection: true, resetsConnection: true)

    /// This response with the connection kept open for the next request.
    public var keepingConnectionOpen: LoopbackResponse {
        var copy = self
        copy.keepsConnectionOpen = true
        return copy
    }

    /// This response (or drop) after `seconds` of real time.
    public func delayed(_ seconds: Double) -> LoopbackResponse {
        var copy = self
        copy.delaySeconds = seconds
        return copy
    }
}
