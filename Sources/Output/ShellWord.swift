/// A path or value written into a command the user may copy (`Run \`tenantplan plan 'my tenants/prod'\``), quoted
/// for a POSIX shell so it runs as shown.
public enum ShellWord {
    /// `word` as it is when it holds only characters a shell leaves alone (letters, digits, `_ . / : @ % + = , -`
    /// and not empty), else in single quotes with each `'` written as `'\''` (POSIX sh, "Single-Quotes").
    /// - Parameter word: A path or option value.
    /// - Returns: Text that a shell reads back as `word`.
    public static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "/", ":", "@", "%", "+", "=", ",", "-": return true
                default: return false
                }
            }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
