import Foundation
import JSONValues

/// Reads the `scope` claim of a JWT access token without verifying it (the Management API verifies it; this is
/// only a preflight), as the Management API issues them (https://auth0.com/docs/secure/tokens/access-tokens).
enum JWTScopes {
    /// The scopes in the payload's `scope` claim (space separated, or an array of strings); empty without one.
    /// - Throws: ``Auth0TokenError/unreadableAPIToken(_:)`` when the token is not three base64url parts with a
    ///   JSON object in the middle. The message never holds the token.
    static func scopes(inJWT token: String) throws -> [String] {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw Auth0TokenError.unreadableAPIToken(
                "it has \(parts.count) part\(parts.count == 1 ? "" : "s") separated by '.', a JWT has 3")
        }
        guard let data = base64URLDecode(parts[1]) else {
            throw Auth0TokenError.unreadableAPIToken("its payload is not base64url")
        }
        guard let payload = try? JSONValue(data: data), payload.objectValue != nil else {
            throw Auth0TokenError.unreadableAPIToken("its payload is not a JSON object")
        }
        return scopes(in: payload["scope"])
    }

    /// Scopes from a `scope` value: a space-separated string or an array of strings.
    static func scopes(in value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?:
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        case .array(let items)?:
            return items.compactMap(\.stringValue)
        default:
            return []
        }
    }

    /// Decodes base64url (RFC 4648 §5) without padding.
    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
