import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that looks at a tenant directory on disk: which tenant file and which customer files a load
/// reads, and the bytes of each. Anything it cannot read is an error, never an absent file (README, "The tenant
/// directory").
///
/// Every entry is classified with `lstat`/`stat` before it is opened: a folder where a file should be, a FIFO,
/// socket or device (never opened: a FIFO would block the read), a symbolic link to nothing, a symbolic-link
/// loop, an entry the user may not read, a file over ``maximumFileSize``.
///
/// Layout and names:
/// - `tenant.yaml` or `tenant.yml` (both present is an error; another case, `Tenant.yaml`, is an error);
/// - `customers/`: absent means organizations are not managed; present but not a folder, or not listable, is an
///   error; `Customers/` without `customers/` is an error;
/// - customer files: entries of `customers/` whose names end in `.yaml` or `.yml` in any case (`acme.YAML`); two
///   that differ only in case or extension (`acme.yaml`, `acme.yml`) are an error and neither is read;
/// - hidden entries (`.gitkeep`, `.acme.yaml.swp`) are ignored; any other entry of `customers/` (`README.md`, an
///   editor backup `acme.yaml~`, a folder) is not read and draws a warning.
public struct TenantDirectory: Sendable {
    /// The names the tenant file may have.
    public static let tenantFileNames = ["tenant.yaml", "tenant.yml"]
    /// The folder of customer files.
    public static let customersFolder = "customers"
    /// The largest file read, in bytes (1 MiB). tenantplan files are a few kilobytes; the cap keeps a mistaken
    /// file (a log, an export of another system) from being read whole.
    public static let maximumFileSize = 1_048_576

    /// The tenant file to read, relative to the directory (`tenant.yaml` when there is none: reading it reports
    /// that), or `nil` when the directory cannot be used or the tenant file is ambiguous.
    public let tenantFile: String?
    /// The customer files to read (`customers/acme.yaml`), in name order; `nil` when `customers/` is absent (or
    /// unusable: see ``diagnostics``).
    public let customerFiles: [String]?
    /// Problems with the directory and its entries: errors (nothing can be planned) and warnings (entries not
    /// read). Locations name the entry with no line.
    public let diagnostics: [Diagnostic]
    /// False when an error means some file the user meant as input is not read (an ambiguous tenant file, an
    /// unlistable `customers/`, customer files with the same name): names they declare are unknown.
    public let complete: Bool
    /// True when the directory itself cannot be used (missing, not a folder, not listable): nothing else is read.
    public let unusable: Bool

    /// What an entry on disk is, after following symbolic links.
    public enum EntryKind: Sendable, Equatable {
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
        /// A symbolic link that leads back to itself (`ELOOP`).
        case linkLoop
        /// `lstat`/`stat` failed with this `errno` (`EACCES`: a folder on the way may not be searched).
        case failure(Int32)
    }

    /// Looks at `directory` and lists what a load reads.
    /// - Parameter directory: The tenant directory as the user named it.
    /// - Returns: The files to read and the problems found; never throws, never reads a file.
    public static func scan(_ directory: String) -> TenantDirectory {
        var diagnostics: [Diagnostic] = []
        func unusable(_ message: String) -> TenantDirectory {
            TenantDirectory(
                tenantFile: nil, customerFiles: nil, diagnostics: [Diagnostic(.error, message, at: nil)],
                complete: false, unusable: true)
        }
        switch classify(directory) {
        case .folder: break
        case .missing: return unusable("tenant directory '\(directory)' does not exist")
        case .file:
            return unusable(
                "'\(directory)' is a file: give the tenant directory, the folder that holds tenant.yaml")
        case let kind:
            return unusable("cannot use tenant directory '\(directory)': \(reason(kind, expected: .folder))")
        }
        let listing = list(directory)
        guard let names = listing.names else {
            return unusable(
                "cannot list tenant directory '\(directory)': \(reason(.failure(listing.code), expected: .folder))")
        }
        var complete = true

        // The tenant file.
        var tenantFile: String? = tenantFileNames.first { names.contains($0) } ?? tenantFileNames[0]
        if tenantFileNames.allSatisfy(names.contains) {
            diagnostics.append(
                Diagnostic(
                    .error, "tenant.yaml and tenant.yml are both present: keep one (a tenant has one tenant file)",
                    at: wholeFile("tenant.yml")))
            tenantFile = nil
            complete = false
        }
        for name in names.sorted()
        where tenantFileNames.contains(name.lowercased()) && !tenantFileNames.contains(name) {
            diagnostics.append(
                Diagnostic(
                    .error, "\(name) is not read: name the tenant file tenant.yaml or tenant.yml (lower case)",
                    at: wholeFile(name)))
            complete = false
        }

        // customers/
        let customersPath = (directory as NSString).appendingPathComponent(customersFolder)
        var customerFiles: [String]?
        switch classify(customersPath) {
        case .missing:
            for name in names.sorted() where name != customersFolder && name.lowercased() == customersFolder {
                diagnostics.append(
                    Diagnostic(
                        .error, "\(name)/ is not read: name the folder of customer files customers (lower case)",
                        at: wholeFile(name)))
                complete = false
            }
        case .folder:
            let listing = list(customersPath)
            if let entries = listing.names {
                let found = customerEntries(entries, in: customersPath)
                diagnostics += found.diagnostics
                customerFiles = found.files
                if !found.complete { complete = false }
            } else {
                diagnostics.append(folderError(.failure(listing.code)))
                complete = false
            }
        case let kind:
            diagnostics.append(folderError(kind))
            complete = false
        }
        return TenantDirectory(
            tenantFile: tenantFile, customerFiles: customerFiles, diagnostics: diagnostics, complete: complete,
            unusable: false)
    }

    /// True for a customer file name: not hidden, ending in `.yaml` or `.yml` in any case, with a name before it.
    public static func isCustomerFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The customer files among `entries` of `customers/`, with warnings for entries not read and errors for
    /// names that clash.
    private static func customerEntries(_ entries: [String], in folder: String)
        -> (files: [String], diagnostics: [Diagnostic], complete: Bool)
    {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let relative = "\(customersFolder)/\(name)"
            if classify((folder as NSString).appendingPathComponent(name)) == .folder {
                diagnostics.append(
                    Diagnostic(
                        .warning, "\(relative)/ is a folder: customer files are read from \(customersFolder)/ only, "
                            + "so its files are not part of this tenant",
                        at: wholeFile(relative)))
            } else if isCustomerFileName(name) {
                files.append(relative)
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, "\(relative) is not read: customer files end in .yaml or .yml "
                            + "(hidden files are ignored)",
                        at: wholeFile(relative)))
            }
        }
        // Names that differ only in case or extension: which one is meant is unknown, so neither is read.
        var byStem: [String: [String]] = [:]
        for file in files { byStem[stem(file), default: []].append(file) }
        var clashing: Set<String> = []
        for (_, group) in byStem where group.count > 1 {
            clashing.formUnion(group)
            let listed = group.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .error, "\(listed) name the same customer file (they differ only in case or extension): "
                        + "keep one; none of them is read",
                    at: wholeFile(group[1])))
        }
        return (files.filter { !clashing.contains($0) }, diagnostics, clashing.isEmpty)
    }

    /// A customer file's name without its extension, lowercased: `customers/Acme.YML` -> `customers/acme`.
    private static func stem(_ file: String) -> String {
        let lower = file.lowercased()
        return lower.hasSuffix(".yaml") ? String(lower.dropLast(5)) : String(lower.dropLast(4))
    }

    private static func folderError(_ kind: EntryKind) -> Diagnostic {
        Diagnostic(
            .error, "cannot list \(customersFolder)/: \(reason(kind, expected: .folder)); the run stops here",
            at: wholeFile(customersFolder))
    }

    private static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    // MARK: Reading

    /// Why a file could not be read: the reason, e.g. `it is a FIFO, not a regular file`.
    public struct ReadFailure: Error, Sendable, Equatable {
        /// The reason, to follow `cannot read FILE: `.
        public let reason: String
    }

    /// Reads the file `relative` of `directory`: classified before it is opened, opened without blocking, checked
    /// again on the open descriptor, read up to ``maximumFileSize`` bytes.
    /// - Returns: The bytes, or why they could not be read.
    public static func read(_ relative: String, in directory: String) -> Result<Data, ReadFailure> {
        let path = (directory as NSString).appendingPathComponent(relative)
        let kind = classify(path)
        guard case .file(let size) = kind else { return .failure(ReadFailure(reason: reason(kind, expected: .file))) }
        if size > maximumFileSize { return .failure(tooLarge("\(size)")) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(ReadFailure(reason: reason(.failure(errno), expected: .file)))
        }
        defer { close(descriptor) }
        // The entry may have been replaced between stat and open.
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(ReadFailure(reason: reason(.failure(errno), expected: .file)))
        }
        let opened = Self.kind(of: info)
        guard case .file = opened else { return .failure(ReadFailure(reason: reason(opened, expected: .file))) }
        // Sized by fstat (a file rarely grows between fstat and read), grown up to one byte past the cap: zeroing
        // a whole 1 MiB buffer per file cost more than parsing a small file.
        let limit = maximumFileSize + 1
        var bytes = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0) + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - bytes.count)))
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
        if count > maximumFileSize { return .failure(tooLarge("more than \(maximumFileSize)")) }
        return .success(Data(bytes[0..<count]))
    }

    private static func tooLarge(_ size: String) -> ReadFailure {
        ReadFailure(reason: "it is \(size) bytes; tenantplan reads files of at most \(maximumFileSize) bytes (1 MiB)")
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    // MARK: Classification

    /// What was expected where an entry was found: a folder or a regular file.
    public enum Expected: Sendable {
        /// A folder (the tenant directory, `customers/`).
        case folder
        /// A regular file (the tenant file, a customer file).
        case file
    }

    /// What `path` is, following symbolic links; never opens it.
    public static func classify(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .failure(code)
        }
        guard info.st_mode & S_IFMT == S_IFLNK else { return kind(of: info) }
        guard stat(path, &info) == 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .danglingLink
            case ELOOP: return .linkLoop
            case let code: return .failure(code)
            }
        }
        return kind(of: info)
    }

    private static func kind(of info: stat) -> EntryKind {
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
    public static func reason(_ kind: EntryKind, expected: Expected) -> String {
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

    /// The names in folder `path` (without `.` and `..`); `names` is `nil` when `opendir`/`readdir` failed with
    /// `code` (an `errno`).
    private static func list(_ path: String) -> (names: [String]?, code: Int32) {
        guard let stream = opendir(path) else { return (nil, errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return (nil, errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return (names, 0)
    }
}
