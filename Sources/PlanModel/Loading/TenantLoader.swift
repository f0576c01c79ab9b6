import Dispatch
import Foundation
import Synchronization
import YAML

/// The result of loading a tenant directory: the desired state when there were no errors, and every diagnostic.
public struct LoadResult: Sendable {
    /// The tenant, or `nil` when any error was found.
    public let tenant: Tenant?
    /// Every problem found, sorted by file, line and column.
    public let diagnostics: [Diagnostic]

    /// True when no diagnostic is an error.
    public var succeeded: Bool { tenant != nil }
}

/// Loads and validates a tenant directory (SPEC section 1, "Loading rules"), with no network access.
///
/// Layout: `DIR/tenant.yaml` (required) and `DIR/customers/*.yaml` (optional; its absence means organizations
/// are not managed). Every error of the run is reported; an unreadable or unparsable file is an error and
/// never counts as an absent resource.
public enum TenantLoader {
    /// The name of the tenant file.
    public static let tenantFile = "tenant.yaml"
    /// The folder of customer files.
    public static let customersFolder = "customers"

    /// Loads `directory`.
    /// - Parameters:
    ///   - directory: The tenant directory.
    ///   - environment: Where `${env:NAME}` references are resolved (normally the process environment).
    /// - Returns: The tenant and the diagnostics; the tenant is `nil` when any diagnostic is an error.
    public static func load(directory: String, environment: [String: String]) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return LoadResult(
                tenant: nil,
                diagnostics: [Diagnostic(.error, "tenant directory '\(directory)' does not exist", at: nil)])
        }
        guard isDirectory.boolValue else {
            return LoadResult(
                tenant: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "'\(directory)' is a file: give the tenant directory, the folder that holds tenant.yaml",
                        at: nil)
                ])
        }
        let base = URL(fileURLWithPath: directory)

        // tenant.yaml
        var parsedTenantFile: FileReader.TenantFile?
        var everyFileRead = true
        var tenantFileClean = true
        switch read(base: base, file: Self.tenantFile) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            everyFileRead = false
        case .success(let document):
            var reader = FileReader(file: Self.tenantFile, environment: environment)
            reader.report(duplicates: document.duplicateKeys)
            if let root = document.root {
                parsedTenantFile = reader.tenantFile(root)
            } else {
                reader.error("tenant.yaml is empty: it needs at least tenant.domain",
                             at: SourceLocation(file: Self.tenantFile, line: 1, column: 1))
            }
            tenantFileClean = reader.diagnostics.isEmpty
            diagnostics += reader.diagnostics
        }

        // customers/*.yaml
        var customers: [Customer]?
        let customersURL = base.appendingPathComponent(customersFolder)
        if FileManager.default.fileExists(atPath: customersURL.path, isDirectory: &isDirectory), isDirectory.boolValue {
            for folder in customerFolders(in: customersURL) {
                diagnostics.append(
                    Diagnostic(
                        .warning, "\(customersFolder)/\(folder)/ is a folder: customer files are read from "
                            + "\(customersFolder)/ only, so its files are not part of this tenant",
                        at: SourceLocation(file: "\(customersFolder)/\(folder)", line: 0, column: 0)))
            }
            let loaded = loadCustomerFiles(customerFiles(in: customersURL), base: base, environment: environment)
            customers = loaded.flatMap { $0.customer.map { [$0] } ?? [] }
            diagnostics += loaded.flatMap(\.diagnostics)
            if loaded.contains(where: \.unreadable) { everyFileRead = false }
        }

        // Cross-file checks need every file, and a clean tenant.yaml: a file that could not be read, or a section of
        // tenant.yaml with the wrong shape, would make names look undefined (one mistake reported many times).
        if everyFileRead, tenantFileClean, let tenantFile = parsedTenantFile {
            diagnostics += CrossFileValidation(
                connections: tenantFile.connections, customers: customers ?? [], clients: tenantFile.clients,
                roles: tenantFile.roles
            ).run()
        }

        diagnostics.sort { ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0)) }
        guard !diagnostics.contains(where: { $0.severity == .error }), let tenantFile = parsedTenantFile, let domain = tenantFile.domain
        else { return LoadResult(tenant: nil, diagnostics: diagnostics) }
        let tenant = Tenant(
            domain: domain, sharedConnections: tenantFile.connections, customers: customers,
            clients: tenantFile.clients, roles: tenantFile.roles, policy: tenantFile.policy)
        return LoadResult(tenant: tenant, diagnostics: diagnostics)
    }

    /// One customer file's outcome.
    struct CustomerFileResult: Sendable {
        var customer: Customer?
        var diagnostics: [Diagnostic] = []
        var unreadable = false
    }

    /// Reads, parses and checks customer files, spread over the processor's cores (files are independent until
    /// the cross-file checks); results come back in file-name order.
    static func loadCustomerFiles(_ names: [String], base: URL, environment: [String: String])
        -> [CustomerFileResult]
    {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count))
        let results = Mutex([[CustomerFileResult]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [CustomerFileResult] = []
            for index in stride(from: worker, to: names.count, by: workers) {
                local.append(loadCustomerFile("\(customersFolder)/\(names[index])", base: base, environment: environment))
            }
            results.withLock { $0[worker] = local }
        }
        let perWorker = results.withLock { $0 }
        return names.indices.map { perWorker[$0 % workers][$0 / workers] }
    }

    private static func loadCustomerFile(_ file: String, base: URL, environment: [String: String])
        -> CustomerFileResult
    {
        switch read(base: base, file: file) {
        case .failure(let diagnostic):
            return CustomerFileResult(customer: nil, diagnostics: [diagnostic], unreadable: true)
        case .success(let document):
            var reader = FileReader(file: file, environment: environment)
            reader.report(duplicates: document.duplicateKeys)
            var customer: Customer?
            if let root = document.root {
                customer = reader.customer(root)
            } else {
                reader.error("\(file) is empty: a customer file needs organization and login",
                             at: SourceLocation(file: file, line: 1, column: 1))
            }
            return CustomerFileResult(customer: customer, diagnostics: reader.diagnostics)
        }
    }

    /// The files a load of `directory` reads, relative to it: `tenant.yaml` and the customer files, sorted (what a
    /// saved plan's input hash covers).
    public static func inputFiles(directory: String) -> [String] {
        let customers = URL(fileURLWithPath: directory).appendingPathComponent(customersFolder)
        return ([tenantFile] + customerFiles(in: customers).map { "\(customersFolder)/\($0)" }).sorted()
    }

    /// `*.yaml` and `*.yml` entries directly in `customers/` that are not folders, hidden ones skipped, in name
    /// order. (An unreadable entry is kept: reading it reports why.)
    static func customerFiles(in url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter {
            !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
                && !isFolder(url.appendingPathComponent($0))
        }.sorted()
    }

    /// Folders directly in `customers/` (their files are not read; the loader warns).
    static func customerFolders(in url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && isFolder(url.appendingPathComponent($0)) }.sorted()
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    fileprivate enum FileRead {
        case success(YAMLDocument)
        case failure(Diagnostic)
    }

    fileprivate static func read(base: URL, file: String) -> FileRead {
        let url = base.appendingPathComponent(file)
        let wholeFile = SourceLocation(file: file, line: 0, column: 0)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason: String
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil,
                !FileManager.default.fileExists(atPath: url.path)
            {
                reason = "it is a symbolic link to a file that does not exist"
            } else if !FileManager.default.fileExists(atPath: url.path) {
                reason = "no such file"
            } else if !FileManager.default.isReadableFile(atPath: url.path) {
                reason = "permission denied"
            } else if isFolder(url) {
                reason = "it is a folder, not a file"
            } else {
                reason = "\(error.localizedDescription)"
            }
            return .failure(Diagnostic(.error, "cannot read \(file): \(reason); the run stops here", at: wholeFile))
        }
        do {
            return .success(try YAMLParser.parse(data))
        } catch {
            // `error` is a YAMLError (typed throws); its description carries libyaml's problem and context.
            var notes: [Diagnostic.Note] = []
            if case .syntax(_, _, let context?, let contextMark?) = error {
                notes.append(
                    Diagnostic.Note(
                        "\(context.replacingOccurrences(of: "while parsing ", with: "")) started here",
                        at: SourceLocation(file: file, line: contextMark.line, column: contextMark.column)))
            }
            return .failure(
                Diagnostic(
                    .error, error.description + "; the file is not read, nothing is planned",
                    at: SourceLocation(file: file, line: error.mark.line, column: error.mark.column), notes: notes))
        }
    }
}
