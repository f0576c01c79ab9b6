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

/// Loads and validates a tenant directory (README, "The tenant directory"; docs/decisions.md), with no network access.
///
/// Layout: `DIR/tenant.yaml` or `DIR/tenant.yml` (required) and `DIR/customers/*.yaml` (optional; its absence
/// means organizations are not managed). ``TenantDirectory`` decides which files are read and reads them; every
/// error of the run is reported; an unreadable or unparsable file is an error and never counts as an absent
/// resource.
public enum TenantLoader {
    /// The usual name of the tenant file (`tenant.yml` is read too; see ``TenantDirectory``).
    public static let tenantFile = "tenant.yaml"
    /// The folder of customer files.
    public static let customersFolder = TenantDirectory.customersFolder

    /// Loads `directory`.
    /// - Parameters:
    ///   - directory: The tenant directory.
    ///   - environment: Where `${env:NAME}` references are resolved (normally the process environment).
    /// - Returns: The tenant and the diagnostics; the tenant is `nil` when any diagnostic is an error.
    public static func load(directory: String, environment: [String: String]) -> LoadResult {
        let scan = TenantDirectory.scan(directory)
        var diagnostics = scan.diagnostics
        if scan.unusable { return LoadResult(tenant: nil, diagnostics: diagnostics) }

        // The tenant file.
        var parsedTenantFile: FileReader.TenantFile?
        if let file = scan.tenantFile {
            switch read(directory: directory, file: file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let document):
                var reader = FileReader(file: file, environment: environment)
                reader.report(duplicates: document.duplicateKeys)
                if let root = document.root {
                    parsedTenantFile = reader.tenantFile(root)
                } else {
                    reader.error("\(file) is empty: it needs at least tenant.domain",
                                 at: SourceLocation(file: file, line: 1, column: 1))
                }
                diagnostics += reader.diagnostics
            }
        }

        // customers/*.yaml
        var customers: [Customer]?
        var declarations: [CustomerDeclarations] = []
        var everyCustomerFileRead = true
        if let files = scan.customerFiles {
            let loaded = loadCustomerFiles(files, directory: directory, environment: environment)
            customers = loaded.compactMap(\.customer)
            declarations = loaded.compactMap(\.declarations)
            diagnostics += loaded.flatMap(\.diagnostics)
            everyCustomerFileRead = !loaded.contains(where: \.unreadable)
        }

        // Cross-file checks run on everything that was read; a name missing from a list that is incomplete (a
        // file that could not be read, a section of the wrong shape) is not reported: it may be declared there.
        let tenantFile = parsedTenantFile
        let filesComplete = scan.complete && everyCustomerFileRead && tenantFile != nil
        diagnostics += CrossFileValidation(
            connections: tenantFile?.connections, customers: declarations, clients: tenantFile?.clients,
            roles: tenantFile?.roles,
            connectionsComplete: filesComplete && tenantFile?.connectionsComplete == true
                && declarations.allSatisfy(\.enterpriseConnectionsComplete),
            clientsComplete: tenantFile?.clientsComplete == true,
            rolesComplete: tenantFile?.rolesComplete == true
        ).run()

        diagnostics.sort { ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0)) }
        guard !diagnostics.contains(where: { $0.severity == .error }), let tenantFile, let domain = tenantFile.domain
        else { return LoadResult(tenant: nil, diagnostics: diagnostics) }
        let tenant = Tenant(
            domain: domain, sharedConnections: tenantFile.connections, customers: customers,
            clients: tenantFile.clients, roles: tenantFile.roles, policy: tenantFile.policy)
        return LoadResult(tenant: tenant, diagnostics: diagnostics)
    }

    /// One customer file's outcome.
    struct CustomerFileResult: Sendable {
        var customer: Customer?
        var declarations: CustomerDeclarations?
        var diagnostics: [Diagnostic] = []
        var unreadable = false
    }

    /// Reads, parses and checks customer files, spread over the processor's cores (files are independent until
    /// the cross-file checks); results come back in file-name order.
    /// - Parameter files: Paths relative to `directory` (`customers/acme.yaml`).
    static func loadCustomerFiles(_ files: [String], directory: String, environment: [String: String])
        -> [CustomerFileResult]
    {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let results = Mutex([[CustomerFileResult]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [CustomerFileResult] = []
            for index in stride(from: worker, to: files.count, by: workers) {
                local.append(loadCustomerFile(files[index], directory: directory, environment: environment))
            }
            results.withLock { $0[worker] = local }
        }
        let perWorker = results.withLock { $0 }
        return files.indices.map { perWorker[$0 % workers][$0 / workers] }
    }

    private static func loadCustomerFile(_ file: String, directory: String, environment: [String: String])
        -> CustomerFileResult
    {
        switch read(directory: directory, file: file) {
        case .failure(let diagnostic):
            return CustomerFileResult(customer: nil, diagnostics: [diagnostic], unreadable: true)
        case .success(let document):
            var reader = FileReader(file: file, environment: environment)
            reader.report(duplicates: document.duplicateKeys)
            guard let root = document.root else {
                reader.error("\(file) is empty: a customer file needs organization and login",
                             at: SourceLocation(file: file, line: 1, column: 1))
                return CustomerFileResult(customer: nil, diagnostics: reader.diagnostics)
            }
            let read = reader.customer(root)
            return CustomerFileResult(customer: read.customer, declarations: read.declarations,
                                      diagnostics: reader.diagnostics)
        }
    }

    /// The files a load of `directory` reads, relative to it: the tenant file and the customer files, sorted (what
    /// a saved plan's input hash covers).
    public static func inputFiles(directory: String) -> [String] {
        let scan = TenantDirectory.scan(directory)
        return ((scan.tenantFile.map { [$0] } ?? []) + (scan.customerFiles ?? [])).sorted()
    }

    fileprivate enum FileRead {
        case success(YAMLDocument)
        case failure(Diagnostic)
    }

    fileprivate static func read(directory: String, file: String) -> FileRead {
        let wholeFile = SourceLocation(file: file, line: 0, column: 0)
        let data: Data
        switch TenantDirectory.read(file, in: directory) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            return .failure(
                Diagnostic(.error, "cannot read \(file): \(failure.reason); the run stops here", at: wholeFile))
        }
        do {
            return .success(try YAMLParser.parse(data))
        } catch {
            // `error` is a YAMLError (typed throws); its description carries libyaml's problem and context.
            var notes: [Diagnostic.Note] = []
            // libyaml's context ("while parsing a flow mapping", "while scanning a quoted scalar") becomes a note
            // where it started, unless that is where the error is.
            if case .syntax(_, let at, let context?, let contextMark?) = error, contextMark != at {
                let what = context.replacingOccurrences(of: "while parsing ", with: "")
                    .replacingOccurrences(of: "while scanning ", with: "")
                notes.append(
                    Diagnostic.Note(
                        "\(what) started here",
                        at: SourceLocation(file: file, line: contextMark.line, column: contextMark.column)))
            }
            return .failure(
                Diagnostic(
                    .error, error.description + "; the file is not read, nothing is planned",
                    at: SourceLocation(file: file, line: error.mark.line, column: error.mark.column), notes: notes))
        }
    }
}
