import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one reader of every file tenantplan reads: the tenant and customer files, a saved plan (`apply FILE`), an
/// invitation CSV (`invite --from-csv FILE`), the local tenant file and its journal (`--tenant local:FILE`).
///
/// A path is classified with `lstat`/`stat` before it is opened: a folder where a file should be, a FIFO, socket or
/// device (never opened: a FIFO would block the read, `/dev/zero` never ends), a symbolic link to nothing, a
/// symbolic-link loop, an entry the user may not read, a file over the cap of its ``Limit``. It is then opened
/// without blocking and checked again on the open descriptor (the entry may have been replaced meanwhile), and read
/// up to the cap. The reasons are words to follow `cannot read FILE: ` (docs/decisions.md, "Input files").
public enum InputFile {
    /// What an entry on disk is, after following symbolic links.
    public enum Kind: Sendable, Equatable {
        /// A regular file of `size` bytes.
        case file(size: Int)
        /// A folder.
        case folder
        /// A named pipe: opening it for reading would block until a writer comes.
        case fifo
        /// A Unix-domain socket.
        case socket
        /// A character device (`/dev/zero`, `/dev/null`).
        case characterDevice
        /// A block device (`/dev/loop0`).
        case blockDevice
        /// No entry of that name.
        case missing
        /// A symbolic link whose target does not exist.
        case danglingLink
        /// A symbolic link that leads back to itself, directly or through other links (`ELOOP`).
        case linkLoop
        /// `lstat`/`stat` failed with this `errno` (`EACCES`: a folder on the way may not be searched).
        case failure(Int32)
    }

    /// What was expected where an entry was found: a folder or a regular file.
    public enum Expected: Sendable {
        /// A folder (the tenant directory, `customers/`).
        case folder
        /// A regular file.
        case file
    }

    /// The largest file of each kind read, in bytes. The caps are far above what tenantplan itself writes and keep
    /// a mistaken path (a log, a disk image) from being read whole.
    public enum Limit: Sendable, Equatable {
        /// A tenant or customer YAML file: 1 MiB (they are a few kilobytes).
        case tenantFile
        /// A plan saved by `plan --out FILE`: 256 MiB (a 10,000-customer first apply is tens of megabytes).
        case savedPlan
        /// An invitation CSV (`invite --from-csv`): 16 MiB (over 100,000 invitees).
        case invitationCSV
        /// A local tenant file or its journal: 1 GiB (a 10,000-organization tenant is about 30 MB).
        case localTenant

        /// The cap in bytes.
        public var bytes: Int {
            switch self {
            case .tenantFile: return 1 << 20
            case .savedPlan: return 256 << 20
            case .invitationCSV: return 16 << 20
            case .localTenant: return 1 << 30
            }
        }

        /// The cap in words: `1 MiB`, `256 MiB`, `1 GiB`.
        public var words: String {
            bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
        }
    }

    /// Why a file could not be read.
    public struct ReadFailure: Error, Sendable, Equatable {
        /// The reason, to follow `cannot read FILE: `, e.g. `it is a FIFO, not a regular file`.
        public let reason: String
        /// True when there is no entry at the path (a caller may treat that as empty).
        public let isMissing: Bool

        /// Creates a failure.
        public init(reason: String, isMissing: Bool = false) {
            self.reason = reason
            self.isMissing = isMissing
        }
    }

    /// Reads the regular file at `path`, up to `limit`'s cap.
    /// - Returns: The bytes, or why they could not be read.
    public static func read(_ path: String, limit: Limit) -> Result<Data, ReadFailure> {
        read(path, limit: limit) { _ in () }.map(\.0)
    }

    /// Reads the regular file at `path`, up to `limit`'s cap, and runs `inspect` on the open descriptor before
    /// reading (the local tenant takes the file's identity there, `fstat` of what is read).
    /// - Returns: The bytes and what `inspect` returned, or why the file could not be read.
    public static func read<T>(
        _ path: String, limit: Limit, inspect: (Int32) -> T
    ) -> Result<(Data, T), ReadFailure> {
        let found = classify(path)
        guard case .file(let size) = found else {
            return .failure(ReadFailure(reason: reason(found, expected: .file), isMissing: found == .missing))
        }
        if size > limit.bytes { return .failure(tooLarge("\(size)", limit)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return .failure(ReadFailure(reason: reason(.failure(code), expected: .file), isMissing: code == ENOENT))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(ReadFailure(reason: reason(.failure(errno), expected: .file)))
        }
        let opened = kind(of: info)
        guard case .file(let openedSize) = opened else {
            return .failure(ReadFailure(reason: reason(opened, expected: .file)))
        }
        if openedSize > limit.bytes { return .failure(tooLarge("\(openedSize)", limit)) }
        let inspected = inspect(descriptor)
        // One byte more than the size found: a file that grew since is noticed, up to the cap.
        var bytes = [UInt8](repeating: 0, count: min(openedSize, limit.bytes) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit.bytes else { break }
                bytes += [UInt8](repeating: 0, count: min(max(count, 4096), limit.bytes + 1 - count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: reason(.failure(errno), expected: .file)))
            }
            if got == 0 { break }
            count += got
        }
        // A file that grew after stat: stop at the cap rather than read it all.
        if count > limit.bytes { return .failure(tooLarge("more than \(limit.bytes)", limit)) }
        bytes.removeSubrange(count...)
        return .success((Data(bytes), inspected))
    }

    private static func tooLarge(_ size: String, _ limit: Limit) -> ReadFailure {
        ReadFailure(reason: "it is \(size) bytes; tenantplan reads files of at most \(limit.bytes) bytes (\(limit.words))")
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// What `path` is, following symbolic links; never opens it.
    public static func classify(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .linkLoop  // a link loop among the folders on the way
            default: return .failure(code)
            }
        }
        guard info.st_mode & S_IFMT == S_IFLNK else { return kind(of: info) }
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ELOOP: return .linkLoop
            case ENOENT, ENOTDIR:
                // stat gives ENOENT for a chain that ends nowhere, and (on some systems) for one that comes back:
                // follow the chain by hand to tell a loop from a dangling link.
                return followsBack(path) ? .linkLoop : .danglingLink
            default: return .failure(code)
            }
        }
        return kind(of: info)
    }

    /// True when the chain of symbolic links starting at `path` comes back to a link it passed.
    private static func followsBack(_ path: String) -> Bool {
        var seen: Set<String> = []
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        for _ in 0..<64 {
            guard seen.insert(current).inserted else { return true }
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return false }
            let folder = (current as NSString).deletingLastPathComponent
            let next = target.hasPrefix("/") ? target : (folder as NSString).appendingPathComponent(target)
            current = URL(fileURLWithPath: next).standardizedFileURL.path
        }
        return true
    }

    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .folder
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        default: return .failure(EINVAL)
        }
    }

    /// The words for why `kind` is not what was `expected`, e.g. `it is a character device, not a regular file`,
    /// `it is a symbolic link loop`, `permission denied`.
    public static func reason(_ kind: Kind, expected: Expected) -> String {
        let wanted = expected == .folder ? "a folder" : "a regular file"
        switch kind {
        case .file: return expected == .folder ? "it is a file, not a folder" : "it is a regular file"
        case .folder: return expected == .folder ? "it is a folder" : "it is a folder, not a file"
        case .fifo: return "it is a FIFO, not \(wanted)"
        case .socket: return "it is a socket, not \(wanted)"
        case .characterDevice: return "it is a character device, not \(wanted)"
        case .blockDevice: return "it is a block device, not \(wanted)"
        case .missing: return expected == .folder ? "no such folder" : "no such file"
        case .danglingLink:
            return "it is a symbolic link to a \(expected == .folder ? "folder" : "file") that does not exist"
        case .linkLoop: return "it is a symbolic link loop"
        case .failure(let code):
            switch code {
            case EACCES, EPERM: return "permission denied"
            case ELOOP: return "it is a symbolic link loop"
            default: return String(cString: strerror(code)).lowercased()
            }
        }
    }
}
