import Foundation
import InputFiles
import JSONValues

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The journal of a local tenant file: `FILE.journal`, owner-only (`0600`) like the file, holding the writes made
/// since the file was last saved whole, so that a write costs the objects it changed instead of the whole tenant
/// (docs/decisions.md, "The local tenant").
///
/// Format: JSON lines. The first line names the file the journal continues,
/// `{"tenantplan_journal": 1, "base": "DEVICE:INODE:SIZE:MTIME_NS"}` (`"base": "none"` when there was no file);
/// every further line is one write, `{"changes": [record, …]}`, with the records of
/// ``LocalTenantState/takeChanges(since:)``. A line is written with one `write(2)` before the request is
/// answered, so a write that was answered survives the process being killed (the kernel holds the bytes); it is
/// not `fsync`ed (about 2-4 ms per write on the development machine), so a power loss can lose the answered
/// writes since the last whole save, which is `fsync`ed. A last line without its newline (a writer killed inside
/// `write(2)`) was never answered and is ignored.
enum LocalTenantJournal {
    /// The journal of a tenant file: `FILE.journal`.
    static func path(for file: String) -> String { file + ".journal" }

    /// The identity of the file open at `descriptor`, or `"none"` for `nil`: a new save (temporary file renamed
    /// over the old one) always has another.
    static func identity(of descriptor: Int32?) -> String {
        guard let descriptor else { return "none" }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
            let nanoseconds = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
            let nanoseconds = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(nanoseconds)"
    }

    /// The header line of a journal continuing the file of identity `base`.
    static func header(base: String) -> Data {
        JSONValue.object(["tenantplan_journal": 1, "base": .string(base)]).encoded() + Data("\n".utf8)
    }

    /// One write's line.
    static func line(_ records: [JSONValue]) -> Data {
        JSONValue.object(["changes": .array(records)]).encoded() + Data("\n".utf8)
    }

    /// A journal as read: the file it continues and its records, in order.
    struct Contents {
        let base: String
        let records: [JSONValue]
    }

    /// Reads the journal of `file`.
    /// - Returns: `nil` when there is none (or it has no complete header line).
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` for a complete line that is not a journal line;
    ///   ``LocalTenantError/io(path:reason:)`` when it cannot be read.
    static func read(for file: String) throws -> Contents? {
        let journal = path(for: file)
        let data: Data
        switch InputFile.read(journal, limit: .localTenant) {
        case .success(let bytes): data = bytes
        case .failure(let failure) where failure.isMissing: return nil
        case .failure(let failure): throw LocalTenantError.io(path: file, reason: "cannot read \(journal): \(failure.reason)")
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line a killed writer did not finish
        guard let first = lines.first else { return nil }
        func decode(_ line: Data.SubSequence, _ number: Int) throws -> JSONValue {
            do { return try JSONValue(data: Data(line)) } catch {
                throw LocalTenantError.invalidFile("\(journal): line \(number) is not JSON")
            }
        }
        guard let base = try decode(first, 1)["base"]?.stringValue else {
            throw LocalTenantError.invalidFile("\(journal): line 1 is not a journal header")
        }
        var records: [JSONValue] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            guard let changes = try decode(line, offset + 2)["changes"]?.arrayValue else {
                throw LocalTenantError.invalidFile("\(journal): line \(offset + 2) has no changes")
            }
            records += changes
        }
        return Contents(base: base, records: records)
    }

    /// Writes all of `data` at the end of the journal open at `descriptor`.
    /// - Throws: ``LocalTenantError/io(path:reason:)``.
    static func append(_ data: Data, to descriptor: Int32, file: String) throws {
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw LocalTenantError.io(
                        path: file, reason: "cannot write \(path(for: file)): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
