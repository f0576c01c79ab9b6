/// Why `tenantplan export` wrote nothing (or stopped while writing).
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--out` names an existing file.
    case outputIsFile(String)
    /// `--out` names a directory holding visible entries (listed, sorted), and `--force` was not given.
    case outputNotEmpty(String, entries: [String])
    /// A path the export must write is a directory (`tenant.yaml`) or a file (`customers`).
    case outputBlocked(String)
    /// Writing a file failed.
    case writeFailed(path: String, reason: String)
    /// No source names the tenant's domain: the live tenant is local, no `--domain`, no `DIR/tenant.yaml` domain.
    case domainUnknown(tenantFile: String)
    /// The domain found is not a host name the loader accepts for `tenant.domain`.
    case invalidDomain(String, source: String)
    /// `--domain` differs from the domain of the remote tenant being read.
    case domainMismatch(option: String, remote: String)
    /// A connection was read without `options` (token without `read:connections_options`).
    case optionsNotReadable(connection: String)
    /// The YAML emitter refused a file's tree.
    case yaml(file: String, problem: String)

    /// The message printed after `tenantplan: error: `.
    public var description: String {
        switch self {
        case .outputIsFile(let path):
            return "--out \(path) is a file; give a directory to export into"
        case .outputNotEmpty(let path, let entries):
            let shown = entries.prefix(5).joined(separator: ", ")
                + (entries.count > 5 ? " and \(entries.count - 5) more" : "")
            return "--out \(path) is not empty (\(shown)); export writes into a new or empty directory, or pass "
                + "--force to replace tenant.yaml and customers/*.yaml there; nothing was read or written"
        case .outputBlocked(let path):
            return "cannot write the export: \(path) is in the way (tenant.yaml must be a file, customers a "
                + "directory); nothing was written"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .domainUnknown(let tenantFile):
            return "export needs the tenant's domain for tenant.domain: a local tenant does not know it, and "
                + "\(tenantFile) does not name one; pass --domain HOST (e.g. example-prod.eu.auth0.com)"
        case .invalidDomain(let domain, let source):
            return "\(source) '\(domain)' is not a host name such as example-prod.eu.auth0.com"
        case .domainMismatch(let option, let remote):
            return "--domain \(option) names another tenant than the one being read (\(remote)); leave --domain "
                + "out for a remote tenant"
        case .optionsNotReadable(let connection):
            return "connection \"\(connection)\" was read without its options (the token needs the "
                + "read:connections_options scope); export does not write what it cannot see"
        case .yaml(let file, let problem):
            return "cannot write \(file): \(problem)"
        }
    }
}
