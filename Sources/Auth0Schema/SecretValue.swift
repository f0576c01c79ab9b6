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
        guard text.count >= 20 else { return false }
        if hasPEMPrivateKeyHeader(text) { return true }
        return text.contains("PuTTY-User-Key-File-") && text.contains("Private-Lines:")
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
