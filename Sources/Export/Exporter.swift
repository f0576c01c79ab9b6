import Foundation
import ManagementAPI
import PlanModel
import YAML

/// `tenantplan export`: reads the live tenant and writes it as a tenant directory in the format the README describes
/// (see ``TenantExport`` for the layout, ``ExportTarget`` for the output directory rule, ``ExportDomain`` for
/// `tenant.domain`, ``SecretVariable`` for secrets; docs/export.md).
public enum Exporter {
    /// Checks the output directory and the domain, reads the whole tenant through `client`, writes
    /// `tenant.yaml` and `customers/<organization>.yaml`, and loads the written directory back as a check.
    /// - Returns: The report; its ``ExportReport/loadErrors`` are not empty when the written directory does not
    ///   load (a bug in the export: the caller exits non-zero).
    /// - Throws: ``ExportError`` for the output directory, the domain, options that were not readable, or a
    ///   failed write (nothing is read before the directory and the domain are checked); ``ManagementAPIError``
    ///   or ``TransportError`` from the read, before anything is written.
    /// - Parameters:
    ///   - parallelism: Requests in flight at most while reading (1 for the local tenant).
    ///   - progress: Called as the read goes (see ``ExportReader``).
    public static func run(
        _ request: ExportRequest, client: ManagementClient, parallelism: Int = 1,
        progress: (@Sendable (SnapshotReader.Progress) -> Void)? = nil
    ) async throws -> ExportReport {
        let target = ExportTarget(path: request.outputDirectory, force: request.force)
        try target.check()
        let domain = try ExportDomain.resolve(
            remote: client.transport.remoteDomain, option: request.domain,
            tenantFile: (request.tenantDirectory as NSString).appendingPathComponent(
                TenantDirectory.scan(request.tenantDirectory).tenantFile ?? TenantLoader.tenantFile))

        let live = try await ExportReader.read(client, parallelism: parallelism, progress: progress)
        let layout = TenantExport(live: live, domain: domain.domain)
        var files: [(path: String, text: String)] = []
        files.append((TenantLoader.tenantFile, try text(layout.tenantFile, file: TenantLoader.tenantFile)))
        for (organization, tree) in layout.customerFiles {
            let path = "\(TenantLoader.customersFolder)/\(organization).yaml"
            files.append((path, try text(tree, file: path)))
        }
        let removed = try target.write(files)

        let loaded = TenantLoader.load(directory: request.outputDirectory, environment: [:])
        let loadErrors = loaded.diagnostics.filter { $0.severity == .error }.map {
            $0.rendered(directory: request.outputDirectory)
        }
        return ExportReport(
            domain: domain, outputDirectory: request.outputDirectory,
            read: ExportReport.Counts(
                organizations: live.organizations.count, connections: live.connections.count,
                clients: live.clients.count, roles: live.roles.count),
            requests: live.requestCount, written: files.map(\.path), removed: removed,
            sharedConnections: layout.sharedConnections, enterpriseConnections: layout.enterpriseConnections,
            clients: layout.clients, roles: layout.roles, secrets: layout.secrets.sorted { $0.name < $1.name },
            notes: layout.notes, loadErrors: loadErrors)
    }

    private static func text(_ tree: YAMLEmitter.Value, file: String) throws -> String {
        do {
            return try YAMLEmitter.emit(tree)
        } catch {
            throw ExportError.yaml(file: file, problem: error.description)
        }
    }
}
