import ManagementAPI

/// Reads the whole live tenant for an export: the four top-level lists, every organization's enabled
/// connections and every connection's enabled clients (``SnapshotReader/Scope/all``: an export declares
/// everything), refusing a read without connection options.
///
/// Requests: `ceil(organizations/100) + organizations + ceil(connections/100) + ceil(clients/100)
/// + sum over clients of ceil(links/100) + ceil(roles/100)`.
public enum ExportReader {
    /// Reads the snapshot.
    /// - Parameters:
    ///   - parallelism: Requests in flight at most (1 for the local tenant).
    ///   - progress: Called after each organization's enabled connections are read.
    /// - Returns: The snapshot with every relationship read; `requestCount` counts the requests this read made.
    /// - Throws: ``ExportError/optionsNotReadable(connection:)`` when a connection came without `options`;
    ///   ``ManagementAPIError`` or ``TransportError`` from any request (a partial read is never returned).
    public static func read(
        _ client: ManagementClient, parallelism: Int = 1,
        progress: (@Sendable (SnapshotReader.Progress) -> Void)? = nil
    ) async throws -> LiveSnapshot {
        let snapshot = try await SnapshotReader.read(client, scope: .all, parallelism: parallelism, progress: progress)
        if let blind = snapshot.connections.first(where: { $0.options == nil }) {
            throw ExportError.optionsNotReadable(connection: blind.name)
        }
        return snapshot
    }
}
