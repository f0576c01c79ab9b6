import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession (libcurl on Linux) behind one `exchange` that never throws: a failure is a reason without secrets.
///
/// The session is ephemeral (no cache, no cookies, no credential store) and never follows redirects, so the
/// `Authorization` header cannot be sent to another host.
final class HTTPSession: Sendable {
    private let session: URLSession

    /// Creates a session whose exchanges time out after `timeout` seconds.
    init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

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
            let (data, response) = try await session.data(for: request)
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
