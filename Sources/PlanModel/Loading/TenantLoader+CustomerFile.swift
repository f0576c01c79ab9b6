import Foundation
import YAML

/// One customer file read on its own, outside a load of the directory.
extension TenantLoader {
    /// The names a customer file declares, read by the loader's own customer reader, for a version of the file
    /// that is not on disk (`plan --changed-since REV` compares the file at REV with the one loaded now; see
    /// docs/saved-plans.md, "Scoped plans"). Problems in the file are not reported: only the names that could be
    /// read are returned (`organization.name` also when it breaks Auth0's pattern).
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: Its path relative to the tenant directory (`customers/acme.yaml`).
    /// - Returns: `organization.name` (`nil` when it could not be read) and the names of the
    ///   `enterprise_connections` that could be read, in file order; `nil` when the bytes are not YAML with a mapping
    ///   at the top.
    public static func declaredNames(ofCustomerFile data: Data, file: String)
        -> (organization: String?, enterpriseConnections: [String])?
    {
        guard let root = (try? YAMLParser.parse(data))?.root, root.mapping != nil else { return nil }
        var reader = FileReader(file: file, environment: [:])
        let declarations = reader.customer(root).declarations
        return (declarations.organizationName?.value, declarations.enterpriseConnections.map(\.name.value))
    }
}
