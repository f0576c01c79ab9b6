import Foundation
import PlanModel
import YAML

/// The domain written as `tenant.domain` of an export, and where it came from.
///
/// Sources, first found wins: the remote tenant's own domain (``ManagementTransport/remoteDomain``; a `--domain`
/// that differs from it is refused, so an export is never labelled with another tenant's name); `--domain`;
/// `tenant.domain` in `DIR/tenant.yaml` (a local tenant does not know its domain, and the directory it belongs
/// to does). Domains are lowercased and must be host names as the loader accepts them.
public struct ExportDomain: Sendable, Equatable {
    /// The domain, lowercased.
    public let domain: String
    /// Where it came from: `the remote tenant`, `--domain`, or the tenant file's path.
    public let source: String

    /// Chooses the domain.
    /// - Parameters:
    ///   - remote: The transport's remote domain; `nil` for the local tenant.
    ///   - option: `--domain`, if given.
    ///   - tenantFile: The path of `DIR/tenant.yaml` (absent or unreadable: not a source).
    /// - Throws: ``ExportError/domainMismatch(option:remote:)``, ``ExportError/invalidDomain(_:source:)``,
    ///   ``ExportError/domainUnknown(tenantFile:)``.
    public static func resolve(remote: String?, option: String?, tenantFile: String) throws -> ExportDomain {
        let found: ExportDomain
        if let remote {
            if let option, option.lowercased() != remote.lowercased() {
                throw ExportError.domainMismatch(option: option, remote: remote)
            }
            found = ExportDomain(domain: remote.lowercased(), source: "the remote tenant")
        } else if let option {
            found = ExportDomain(domain: option.lowercased(), source: "--domain")
        } else if let domain = domain(inTenantFile: tenantFile) {
            found = ExportDomain(domain: domain.lowercased(), source: tenantFile)
        } else {
            throw ExportError.domainUnknown(tenantFile: tenantFile)
        }
        guard isHostName(found.domain) else {
            throw ExportError.invalidDomain(found.domain, source: found.source == tenantFile
                ? "tenant.domain in \(tenantFile)" : found.source)
        }
        return found
    }

    /// `tenant.domain` of a tenant file, if the file can be read (``TenantDirectory/read(_:in:)``: never a FIFO or
    /// device, at most 1 MiB) and names one.
    static func domain(inTenantFile path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        guard case .success(let data) = TenantDirectory.read((path as NSString).lastPathComponent, in: folder),
            let root = try? YAMLParser.parse(data).root,
            let tenant = root.mapping?.first(where: { $0.keyText == "tenant" })?.value,
            let domain = tenant.mapping?.first(where: { $0.keyText == "domain" })?.value.scalar,
            !domain.isEmpty
        else { return nil }
        return domain
    }

    /// The loader's rule for `tenant.domain`: two or more dot-separated labels of lowercase ASCII letters,
    /// digits and `-`, a label neither empty nor starting or ending with `-`.
    static func isHostName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}
