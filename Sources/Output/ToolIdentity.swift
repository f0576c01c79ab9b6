/// The name and version tenantplan reports, kept in this one place: `tenantplan --version`, the `tool` object
/// of every JSON format (`plan`, `check`, `invite`, `invitations`), SARIF's `runs[].tool.driver.version`, and
/// the file names `scripts/release` gives the release binary (it asks the built binary for `--version`).
public enum ToolIdentity {
    /// `tenantplan`.
    public static let name = "tenantplan"

    /// The release version, semantic versioning (`MAJOR.MINOR.PATCH`).
    public static let version = "0.1.0"

    /// The line `tenantplan --version` prints: `tenantplan 0.1.0` and a newline.
    public static var versionLine: String { "\(name) \(version)\n" }

    /// The `tool` object of the JSON formats: `{"name": "tenantplan", "version": "0.1.0"}`.
    public static var json: [String: String] { ["name": name, "version": version] }
}
