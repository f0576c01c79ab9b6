import Foundation

/// Where the Auth0 tenant answers: scheme, host and optional port, parsed from `AUTH0_DOMAIN`.
///
/// `https://` is required, except for a loopback host (`127.0.0.1`, `::1`, `localhost`) spelled explicitly with
/// `http://` (the loopback server tests use). A bare host (`example-prod.eu.auth0.com`) means `https://`.
/// Paths, queries and user information are refused: the Management API lives at `/api/v2/` of the host and the
/// token endpoint at `/oauth/token` (https://auth0.com/docs/api/management/v2).
public struct Auth0Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// `https` or `http` (loopback only).
    public let scheme: String
    /// The host, lowercased; an IPv6 address without brackets (`::1`).
    public let host: String
    /// The port, `nil` for the scheme's default.
    public let port: Int?

    /// The hosts that count as loopback, for which `http://` is allowed and `tenant.domain` is not checked.
    public static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// Parses an `AUTH0_DOMAIN` value: `HOST`, `HOST:PORT`, `https://HOST[:PORT]`, `http://LOOPBACK[:PORT]`; an
    /// IPv6 host in brackets (`http://[::1]:8080`); one trailing `/` allowed.
    /// - Throws: ``Auth0ConfigurationError`` naming `AUTH0_DOMAIN` and what is wrong with the value.
    public init(parsing value: String) throws {
        let text = value.trimmingCharacters(in: .whitespaces)
        // User information may hold a password: such a value is never echoed back.
        guard !text.contains("@") else {
            throw Auth0ConfigurationError.invalidDomain(
                value: nil, reason: "must not contain user information (user@ or user:password@)")
        }
        guard !text.isEmpty else { throw Auth0ConfigurationError.domainMissing }
        var rest = Substring(text)
        var scheme = "https"
        if let range = text.range(of: "://") {
            scheme = text[..<range.lowerBound].lowercased()
            rest = text[range.upperBound...]
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains(where: { "/?#".contains($0) }) else {
            throw Auth0ConfigurationError.invalidDomain(
                value: text,
                reason: "must be a host with an optional port, without a path (e.g. example-prod.eu.auth0.com)")
        }
        let (host, port) = try Self.splitHostPort(rest, original: text)
        guard scheme == "https" || scheme == "http" else {
            throw Auth0ConfigurationError.unsupportedScheme(value: text)
        }
        let isLoopback = Self.loopbackHosts.contains(host)
        if scheme == "http", !isLoopback {
            throw Auth0ConfigurationError.insecureScheme(value: text, host: rest.lowercased())
        }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Creates an endpoint from parts already checked.
    init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// True for `127.0.0.1`, `::1` and `localhost`.
    public var isLoopback: Bool { Self.loopbackHosts.contains(host) }

    /// `https://host[:port]` without a trailing slash; an IPv6 host in brackets.
    public var baseURL: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart)" + (port.map { ":\($0)" } ?? "")
    }

    /// The same as ``baseURL``.
    public var description: String { baseURL }

    private static func splitHostPort(_ text: Substring, original: String) throws -> (String, Int?) {
        var host = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw Auth0ConfigurationError.invalidDomain(value: original, reason: "an IPv6 host lacks its closing ]")
            }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw Auth0ConfigurationError.invalidDomain(value: original, reason: "unexpected text after ]")
                }
                portText = after.dropFirst()
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        let lowered = host.lowercased()
        let allowed = lowered.contains(":")
            ? lowered.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
            : lowered.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }
        guard !lowered.isEmpty, allowed else {
            throw Auth0ConfigurationError.invalidDomain(value: original, reason: "is not a host name")
        }
        guard let portText else { return (lowered, nil) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw Auth0ConfigurationError.invalidDomain(
                value: original, reason: "the port must be a number from 1 to 65535")
        }
        return (lowered, port)
    }
}
