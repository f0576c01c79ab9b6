import Testing

@testable import Auth0Schema

/// The value detector: private key material is secret, certificates and public keys are not.
@Suite("Secret values")
struct SecretValueTests {
    static func pem(_ label: String) -> String { "-----BEGIN \(label)-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END \(label)-----\n" }

    @Test(arguments: [
        pem("PRIVATE KEY"), pem("RSA PRIVATE KEY"), pem("EC PRIVATE KEY"), pem("DSA PRIVATE KEY"),
        pem("ENCRYPTED PRIVATE KEY"), pem("OPENSSH PRIVATE KEY"), pem("PGP PRIVATE KEY BLOCK"),
        "prefix text " + pem("PRIVATE KEY"),
        pem("CERTIFICATE") + pem("RSA PRIVATE KEY"),
        "PuTTY-User-Key-File-3: ssh-rsa\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\nAAAA\n",
    ])
    func privateKeysAreSecret(_ text: String) {
        #expect(SecretValue.looksSecret(text))
    }

    @Test(arguments: [
        pem("CERTIFICATE"), pem("PUBLIC KEY"), pem("RSA PUBLIC KEY"), pem("PGP PUBLIC KEY BLOCK"),
        pem("CERTIFICATE REQUEST"), pem("X509 CRL"),
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host",
        "-----BEGIN PRIVATE KEY", "PRIVATE KEY", "", "my client secret value",
        "-----BEGIN PRIVATE\nKEY-----\n",
    ])
    func othersAreNot(_ text: String) {
        #expect(!SecretValue.looksSecret(text))
    }

    /// The byte scan that rules values out first: at the start, at the end, the whole text, after non-ASCII text.
    @Test(arguments: [
        ("-----BEGIN x", true), ("x-----BEGIN ", true), ("-----BEGIN ", true), ("é😀-----BEGIN y", true),
        ("-----BEGIN", false), ("----BEGIN x", false), ("", false), ("-----begin x", false), ("—----BEGIN x", false),
    ])
    func byteScan(_ text: String, found: Bool) {
        #expect(SecretValue.containsBytes(text, "-----BEGIN ") == found)
    }
}
