import Foundation
import Hashing
import PlanModel

/// The SHA-256 of a tenant directory's input files, so `apply FILE` can refuse a plan whose YAML changed since
/// it was made.
public enum InputDigest {
    /// Input file (relative to `directory`, see ``TenantLoader/inputFiles(directory:)``) -> SHA-256 of its bytes;
    /// an unreadable file digests as `unreadable`. Files are read by ``TenantDirectory/read(_:in:)``, as the loader
    /// reads them.
    public static func files(directory: String) -> [String: String] {
        var digests: [String: String] = [:]
        for file in TenantLoader.inputFiles(directory: directory) {
            let data = try? TenantDirectory.read(file, in: directory).get()
            digests[file] = data.map { SHA256.hex($0) } ?? "unreadable"
        }
        return digests
    }

    /// `sha256:` and the SHA-256 of the lines `DIGEST  PATH` (as `sha256sum` prints them), sorted by path.
    public static func combined(_ files: [String: String]) -> String {
        let lines = files.keys.sorted().map { "\(files[$0]!)  \($0)\n" }.joined()
        return "sha256:" + SHA256.hex(lines)
    }

    /// One input file added, removed or changed since a digest.
    public struct Change: Sendable, Equatable {
        /// How the file changed.
        public enum Kind: String, Sendable, Equatable {
            case added, removed, changed
        }

        /// The file, relative to the tenant directory.
        public let file: String
        /// How.
        public let kind: Kind

        /// Creates a change.
        public init(file: String, kind: Kind) {
            self.file = file
            self.kind = kind
        }
    }

    /// The files added, removed or changed between two digests, sorted by file.
    public static func changes(from saved: [String: String], to current: [String: String]) -> [Change] {
        Set(saved.keys).union(current.keys).sorted().compactMap { file in
            switch (saved[file], current[file]) {
            case (nil, _?): return Change(file: file, kind: .added)
            case (_?, nil): return Change(file: file, kind: .removed)
            case (let a?, let b?) where a != b: return Change(file: file, kind: .changed)
            default: return nil
            }
        }
    }
}
