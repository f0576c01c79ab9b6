import Foundation
import InputFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that looks at a tenant directory on disk: which tenant file and which customer files a load
/// reads, and the bytes of each. Anything it cannot read is an error, never an absent file (README, "The tenant
/// directory").
///
/// Every entry is classified with `lstat`/`stat` before it is opened (``InputFile``, the reader of every input file): a folder where a file should be, a FIFO,
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
    public static let maximumFileSize = InputFile.Limit.tenantFile.bytes

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

    /// What an entry on disk is, after following symbolic links (``InputFile/Kind``).
    public typealias EntryKind = InputFile.Kind

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

    /// Why a file could not be read (``InputFile/ReadFailure``): the reason, e.g. `it is a FIFO, not a regular file`.
    public typealias ReadFailure = InputFile.ReadFailure

    /// Reads the file `relative` of `directory` through the one reader of input files (``InputFile``), up to
    /// ``maximumFileSize`` bytes.
    /// - Returns: The bytes, or why they could not be read.
    public static func read(_ relative: String, in directory: String) -> Result<Data, ReadFailure> {
        InputFile.read((directory as NSString).appendingPathComponent(relative), limit: .tenantFile)
    }

    // MARK: Classification

    /// What was expected where an entry was found: a folder or a regular file (``InputFile/Expected``).
    public typealias Expected = InputFile.Expected

    /// What `path` is, following symbolic links; never opens it (``InputFile/classify(_:)``).
    public static func classify(_ path: String) -> EntryKind { InputFile.classify(path) }

    /// The words for why `kind` is not what was `expected` (``InputFile/reason(_:expected:)``).
    public static func reason(_ kind: EntryKind, expected: Expected) -> String {
        InputFile.reason(kind, expected: expected)
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
