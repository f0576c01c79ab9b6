import Foundation

/// Secrets recognised by their value, wherever they sit: the value detector beside ``SecretCatalogue``'s
/// field list, for a secret in a field the catalogue does not know.
public enum SecretValue {
    /// True when `text` holds private key material:
    ///
    /// - a PEM private key block, `-----BEGIN PRIVATE KEY-----` and its `RSA`, `EC`, `DSA`, `ENCRYPTED` and
    ///   `OPENSSH` variants (any label ending in `PRIVATE KEY`; RFC 7468, OpenSSH's `PROTOCOL.key`);
    /// - a PGP private key block, `-----BEGIN PGP PRIVATE KEY BLOCK-----` (RFC 4880 section 6.2);
    /// - a PuTTY private key file (`PuTTY-User-Key-File-…` with `Private-Lines:`).
    ///
    /// Certificates (`-----BEGIN CERTIFICATE-----`) and public keys (`-----BEGIN PUBLIC KEY-----`,
    /// `ssh-rsa AAAA…`) are not secrets and do not match.
    public static func looksSecret(_ text: String) -> Bool {
        // Every match holds `-----BEGIN ` or `PuTTY-User-Key-File-` byte for byte: a scan of the UTF-8 bytes rules
        // out almost every value before the grapheme count and Foundation's searches (which bridge to NSString).
        guard containsBytes(text, "-----BEGIN ") || containsBytes(text, "PuTTY-User-Key-File-") else { return false }
        guard text.count >= 20 else { return false }
        if hasPEMPrivateKeyHeader(text) { return true }
        return text.contains("PuTTY-User-Key-File-") && text.contains("Private-Lines:")
    }

    /// True when the UTF-8 bytes of `needle` (ASCII, at least 2 bytes) occur in those of `text`.
    static func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let first = pattern[0]
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first, memcmp(bytes.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// True when `text` has a line `-----BEGIN <label>-----` whose label ends in `PRIVATE KEY` or is
    /// `PGP PRIVATE KEY BLOCK`.
    private static func hasPEMPrivateKeyHeader(_ text: String) -> Bool {
        var rest = Substring(text)
        let begin = "-----BEGIN "
        while let start = rest.range(of: begin) {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: "-----") else { return false }
            let label = after[..<end.lowerBound]
            if !label.contains("\n"), label.hasSuffix("PRIVATE KEY") || label == "PGP PRIVATE KEY BLOCK" {
                return true
            }
            rest = after[end.upperBound...]
        }
        return false
    }
}
