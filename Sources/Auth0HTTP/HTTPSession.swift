import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession (libcurl on Linux) behind one `exchange` that never throws: a failure is a reason without secrets.
///
/// The sessions are ephemeral (no cache, no cookies, no credential store) and never follow redirects, so the
/// `Authorization` header cannot be sent to another host.
///
/// Two connection pools. `GET` requests share kept-alive connections (at most `maximumConnections` to the host;
/// URLSession's default of 6 would cap `--parallelism`). Every other method (`POST`, `PATCH`, `DELETE`, the token
/// request) goes on a connection of its own, closed after the answer (`Connection: close`): libcurl resends a
/// request on a fresh connection by itself when a kept-alive connection dies before the answer, which would send a
/// write twice; and it cannot rewind a request body URLSession streams to it, so that resend stalls until the
/// timeout. With a connection of its own, a write the server closes or resets fails at once as "no response".
final class HTTPSession: Sendable {
    private let reads: URLSession
    private let writes: URLSession

    /// Creates the sessions.
    /// - Parameters:
    ///   - timeout: Seconds an exchange may go without progress (the whole exchange: twice that).
    ///   - maximumConnections: Connections to the host at once, per pool (at least 1): the transport's parallelism.
    init(timeout: Double, maximumConnections: Int) {
        func configuration() -> URLSessionConfiguration {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout * 2
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.urlCache = nil
            configuration.httpShouldSetCookies = false
            configuration.httpCookieAcceptPolicy = .never
            configuration.httpMaximumConnectionsPerHost = max(1, maximumConnections)
            return configuration
        }
        reads = URLSession(configuration: configuration(), delegate: RedirectRefusal(), delegateQueue: nil)
        let unpooled = configuration()
        unpooled.httpAdditionalHeaders = ["Connection": "close"]
        writes = URLSession(configuration: unpooled, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit {
        reads.finishTasksAndInvalidate()
        writes.finishTasksAndInvalidate()
    }

    /// Sends one request.
    /// - Returns: The answer, or a short reason (`timed out`, `could not connect to host`) when none came.
    func exchange(
        method: String, url: URL, headers: [String: String], body: Data?
    ) async -> Result<HTTPAnswer, HTTPFailure> {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        do {
            let (data, response) = try await (method == "GET" ? reads : writes).data(for: request)
            guard let http = response as? HTTPURLResponse else {
                return .failure(HTTPFailure(reason: "not an HTTP answer"))
            }
            var lowered: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                guard let name = name as? String else { continue }
                lowered[name.lowercased()] = value as? String ?? "\(value)"
            }
            return .success(HTTPAnswer(status: http.statusCode, headers: lowered, body: data))
        } catch let error as URLError {
            return .failure(HTTPFailure(reason: Self.reason(error.code)))
        } catch is CancellationError {
            return .failure(HTTPFailure(reason: "cancelled"))
        } catch {
            return .failure(HTTPFailure(reason: "\(type(of: error))"))
        }
    }

    /// A short reason for a URL error; never the URL or a header.
    static func reason(_ code: URLError.Code) -> String {
        switch code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "could not connect to host"
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve host"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "not connected to the network"
        case .secureConnectionFailed: return "TLS connection failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot:
            return "server certificate not trusted"
        case .badServerResponse: return "bad server response"
        case .cancelled: return "cancelled"
        case .zeroByteResource: return "empty answer"
        default: return "URL error \(code.rawValue)"
        }
    }
}
