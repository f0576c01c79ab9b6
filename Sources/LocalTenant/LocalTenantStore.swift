import Foundation
import InputFiles
import JSONValues

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state of a ``LocalTenant`` and how it is persisted: the tenant file saved whole, plus the journal of the
/// writes since (``LocalTenantJournal``), so that an apply costs time in proportion to its requests.
///
/// - Opening reads `FILE`, then replays `FILE.journal` when the journal continues that very file (its header names
///   the file's device, inode, size and modification time; a reader that raced a save reads again, a journal left
///   over from a save interrupted after its rename is ignored).
/// - Each write appends one line with the objects it changed, before the request is answered.
/// - ``compact()`` saves the whole tenant (an anonymous file, `fsync`, linked as `.FILE.tmp`, renamed over `FILE`) and removes the journal: when
///   the journal outgrows the file (so saves cost at most about twice the bytes written), when the command that
///   holds the tenant's ``LocalTenantLock`` releases it, and before the first write after a journal was found on
///   opening (a writer that was killed).
///
/// All access to ``state`` happens inside ``locked(_:)``: the owning actor's requests, and the save at the lock's
/// release, which may run on any thread.
final class LocalTenantStore: @unchecked Sendable {
    /// The tenant file; `nil` keeps the tenant in memory only.
    let path: String?
    private let mutex = NSLock()
    /// The tenant; read and written only inside ``locked(_:)``.
    var state: LocalTenantState
    private var shadow: LocalTenantState.Shadow
    /// The identity of the file the journal continues (``LocalTenantJournal/identity(of:)``).
    private var base: String
    /// The open journal, once this process wrote to it.
    private var journal: Int32?
    private var journalBytes = 0
    private var fileBytes = 0
    /// A journal was on disk when the tenant was opened: it is folded into the file before the next write.
    private var foundJournal = false

    /// Journals smaller than this are never compacted before the command ends, in bytes.
    static let minimumCompactionBytes = 4 << 20

    /// An in-memory store.
    init(state: LocalTenantState) {
        path = nil
        self.state = state
        shadow = LocalTenantState.Shadow(LocalTenantState())
        base = "none"
    }

    /// Opens the tenant saved at `path`, replaying its journal; a missing file is an empty tenant.
    /// - Throws: ``LocalTenantError`` when the file or journal cannot be read or is not in the expected shape.
    init(path: String) throws {
        self.path = path
        LocalTenantLock.removeStaleCopiesIfIdle(of: path)
        var attempt = 0
        while true {
            attempt += 1
            let (read, identity, size) = try Self.readFile(path)
            let journal = try LocalTenantJournal.read(for: path)
            if let journal, journal.base != identity, attempt < 3 { continue }  // the file was saved meanwhile
            var loaded = read
            if let journal, journal.base == identity {
                try loaded.replay(journal.records)
            }
            do { try loaded.validate() } catch LocalTenantError.invalidFile(let reason) {
                throw LocalTenantError.invalidFile("\(path): \(reason)")
            }
            state = loaded
            base = identity
            fileBytes = size
            foundJournal = journal != nil
            break
        }
        shadow = LocalTenantState.Shadow(state)
    }

    deinit {
        if let journal { close(journal) }
    }

    /// Runs `body` under the store's lock: the only place ``state`` is read or written.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }

    /// Journals what the last write changed (nothing for an in-memory tenant or an unchanged state), compacting
    /// when the journal outgrows the file. Call inside ``locked(_:)``.
    /// - Throws: ``LocalTenantError/io(path:reason:)``.
    func journalChanges() throws {
        guard let path else {
            state.forgetWrites()
            return
        }
        let records = state.takeChanges(since: &shadow)
        guard !records.isEmpty else { return }
        if foundJournal {
            try save(state, path: path)
            return
        }
        let descriptor: Int32
        if let journal {
            descriptor = journal
        } else {
            try LocalTenantFolder.prepare(for: path)
            let name = LocalTenantJournal.path(for: path)
            descriptor = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw LocalTenantError.io(path: path, reason: "cannot write \(name): \(String(cString: strerror(errno)))")
            }
            journal = descriptor
            let header = LocalTenantJournal.header(base: base)
            try LocalTenantJournal.append(header, to: descriptor, file: path)
            journalBytes = header.count
        }
        let line = LocalTenantJournal.line(records)
        try LocalTenantJournal.append(line, to: descriptor, file: path)
        journalBytes += line.count
        if journalBytes > max(Self.minimumCompactionBytes, fileBytes) { try save(state, path: path) }
    }

    /// Saves the whole tenant and removes the journal, when this process journaled writes or found a journal.
    /// - Throws: ``LocalTenantError/io(path:reason:)``; the journal is kept then, and replayed on the next open.
    func compact() throws {
        try locked {
            guard let path, journal != nil || foundJournal else { return }
            try save(state, path: path)
        }
    }

    /// Writes the whole tenant to an anonymous file (owner-only) in the tenant's folder, `fsync`s it, gives it the
    /// name `.FILE.tmp` and renames that over the file, then removes the journal.
    private func save(_ state: LocalTenantState, path: String) throws {
        try LocalTenantFolder.prepare(for: path)
        // The new file is written where it has no name (Linux `O_TMPFILE`): a writer killed while writing leaves
        // nothing behind, not a copy of every connection secret. Only once it is complete and synced is it linked
        // as `.FILE.tmp` and at once renamed over the old file, so an interrupted save leaves the old file and its
        // journal, or the new file (and a journal whose header no longer matches it), never half of one. Where the
        // filesystem has no anonymous files the new file is written as `.FILE.tmp` directly; a copy left by a
        // killed writer is removed by the next command that opens the tenant (``LocalTenantLock``).
        let temporary = LocalTenantLock.temporaryPath(for: path)
        let data = state.json.encoded(pretty: true)
        let identity = try LocalTenantFolder.writeComplete(data, as: temporary, for: path)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LocalTenantError.io(path: path, reason: "cannot replace the file: \(reason)")
        }
        if let journal { close(journal) }
        journal = nil
        unlink(LocalTenantJournal.path(for: path))
        base = identity
        fileBytes = data.count
        journalBytes = 0
        foundJournal = false
    }

    /// The file's state (not yet validated), identity and size; an empty tenant for a missing file.
    private static func readFile(_ path: String) throws -> (LocalTenantState, String, Int) {
        let data: Data
        let identity: String
        switch InputFile.read(path, limit: .localTenant, inspect: { LocalTenantJournal.identity(of: $0) }) {
        case .success(let (bytes, fileIdentity)): (data, identity) = (bytes, fileIdentity)
        case .failure(let failure) where failure.isMissing:
            return (LocalTenantState(), LocalTenantJournal.identity(of: nil), 0)
        case .failure(let failure): throw LocalTenantError.io(path: path, reason: "cannot read: \(failure.reason)")
        }
        guard let json = try? JSONValue(data: data) else { throw LocalTenantError.invalidFile("\(path) is not JSON") }
        guard json.objectValue != nil else {
            throw LocalTenantError.invalidFile("\(path) must hold a JSON object (organizations, connections, …)")
        }
        do { return (try LocalTenantState(unvalidated: json), identity, data.count) } catch LocalTenantError.invalidFile(
            let reason)
        {
            throw LocalTenantError.invalidFile("\(path): \(reason)")
        }
    }
}
