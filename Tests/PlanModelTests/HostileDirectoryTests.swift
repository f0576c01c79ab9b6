import Foundation
import PlanModel
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile states of the tenant directory: every one is an error (or, for an entry that is not a customer file,
/// a warning), never an absent file. Each asserts the whole diagnostic list.
@Suite struct HostileDirectoryTests {
    /// A scratch tenant directory `t` with a valid `tenant.yaml` and `customers/acme.yaml`.
    static func workspace() throws -> CaseWorkspace {
        try CaseWorkspace(
            "hostile-dir", tenant: LoadErrorTests.tenantYAML, customers: ["acme": LoadErrorTests.customer("")], at: "t")
    }

    static func diagnostics(_ work: CaseWorkspace, _ directory: String = "t") -> [String] {
        let result = work.load(directory)
        #expect((result.tenant == nil) == result.diagnostics.contains { $0.severity == .error })
        return result.diagnostics.map(\.description)
    }

    static func replace(_ work: CaseWorkspace, _ relative: String, with make: (String) throws -> Void) throws {
        let path = work.path(relative)
        try? FileManager.default.removeItem(atPath: path)
        try make(path)
    }

    static func link(to target: String) -> (String) throws -> Void {
        { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: target) }
    }

    static func fifo(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.EEXIST) }
    }

    /// A listening Unix-domain socket bound at `path` (closed again; the entry stays).
    static func socket(_ path: String) throws {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    static let hasBlockDevice = FileManager.default.fileExists(atPath: "/dev/loop0")

    // MARK: customers/acme.yaml

    @Test(arguments: [
        ("fifo", "it is a FIFO, not a regular file"),
        ("socket", "it is a socket, not a regular file"),
        ("/dev/zero", "it is a character device, not a regular file"),
        ("/dev/null", "it is a character device, not a regular file"),
        ("dangling", "it is a symbolic link to a file that does not exist"),
        ("loop", "it is a symbolic link loop"),
    ])
    func customerFileThatIsNotARegularFile(_ state: String, _ reason: String) throws {
        let work = try Self.workspace()
        try Self.replace(work, "t/customers/acme.yaml", with: Self.maker(state, work))
        #expect(Self.diagnostics(work) == [
            "customers/acme.yaml: error: cannot read customers/acme.yaml: \(reason); the run stops here"
        ])
    }

    @Test(.enabled(if: hasBlockDevice)) func customerFileThatIsABlockDevice() throws {
        let work = try Self.workspace()
        try Self.replace(work, "t/customers/acme.yaml", with: Self.link(to: "/dev/loop0"))
        #expect(Self.diagnostics(work) == [
            "customers/acme.yaml: error: cannot read customers/acme.yaml: it is a block device, not a regular file; "
                + "the run stops here"
        ])
    }

    // MARK: tenant.yaml

    @Test(arguments: [
        ("fifo", "it is a FIFO, not a regular file"),
        ("/dev/zero", "it is a character device, not a regular file"),
        ("dangling", "it is a symbolic link to a file that does not exist"),
        ("loop", "it is a symbolic link loop"),
        ("folder", "it is a folder, not a file"),
    ])
    func tenantFileThatIsNotARegularFile(_ state: String, _ reason: String) throws {
        let work = try Self.workspace()
        try Self.replace(work, "t/tenant.yaml", with: Self.maker(state, work))
        #expect(Self.diagnostics(work) == ["tenant.yaml: error: cannot read tenant.yaml: \(reason); the run stops here"])
    }

    // MARK: customers/

    @Test(arguments: [
        ("file", "it is a file, not a folder"),
        ("fifo", "it is a FIFO, not a folder"),
        ("/dev/zero", "it is a character device, not a folder"),
        ("dangling", "it is a symbolic link to a folder that does not exist"),
        ("loop", "it is a symbolic link loop"),
    ])
    func customersThatIsNotAFolder(_ state: String, _ reason: String) throws {
        let work = try Self.workspace()
        try Self.replace(work, "t/customers", with: Self.maker(state, work))
        #expect(Self.diagnostics(work) == ["customers: error: cannot list customers/: \(reason); the run stops here"])
    }

    @Test func customersLinkedToAFolderIsRead() throws {
        let work = try Self.workspace()
        try FileManager.default.moveItem(atPath: work.path("t/customers"), toPath: work.path("elsewhere"))
        try Self.link(to: work.path("elsewhere"))(work.path("t/customers"))
        #expect(Self.diagnostics(work) == [])
    }

    // MARK: the tenant directory

    @Test(arguments: [
        ("fifo", "cannot use tenant directory 'DIR': it is a FIFO, not a folder"),
        ("dangling", "cannot use tenant directory 'DIR': it is a symbolic link to a folder that does not exist"),
        ("loop", "cannot use tenant directory 'DIR': it is a symbolic link loop"),
    ])
    func tenantDirectoryThatIsNotAFolder(_ state: String, _ expected: String) throws {
        let work = try CaseWorkspace(empty: "hostile-dir")
        try Self.maker(state, work)(work.path("t"))
        #expect(Self.diagnostics(work) == ["error: " + expected.replacingOccurrences(of: "DIR", with: work.path("t"))])
    }

    // MARK: names

    @Test func tenantYmlIsReadLikeTenantYaml() throws {
        let work = try Self.workspace()
        try FileManager.default.moveItem(atPath: work.path("t/tenant.yaml"), toPath: work.path("t/tenant.yml"))
        let result = TenantLoader.load(directory: work.path("t"), environment: [:])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.tenant?.domain.location == SourceLocation(file: "tenant.yml", line: 2, column: 11))
        #expect(TenantLoader.inputFiles(directory: work.path("t")) == ["customers/acme.yaml", "tenant.yml"])
    }

    @Test func bothTenantFilesAreAnError() throws {
        let work = try Self.workspace()
        try work.write("t/tenant.yml", LoadErrorTests.tenantYAML)
        #expect(Self.diagnostics(work) == [
            "tenant.yml: error: tenant.yaml and tenant.yml are both present: keep one (a tenant has one tenant file)"
        ])
    }

    @Test(arguments: ["Tenant.yaml", "TENANT.YML", "tenant.YAML"])
    func tenantFileInAnotherCaseIsAnError(_ name: String) throws {
        let work = try Self.workspace()
        try FileManager.default.moveItem(atPath: work.path("t/tenant.yaml"), toPath: work.path("t/\(name)"))
        #expect(Self.diagnostics(work) == [
            "\(name): error: \(name) is not read: name the tenant file tenant.yaml or tenant.yml (lower case)",
            "tenant.yaml: error: cannot read tenant.yaml: no such file; the run stops here",
        ])
    }

    @Test func customersFolderInAnotherCaseIsAnError() throws {
        let work = try Self.workspace()
        try FileManager.default.moveItem(atPath: work.path("t/customers"), toPath: work.path("t/Customers"))
        #expect(Self.diagnostics(work) == [
            "Customers: error: Customers/ is not read: name the folder of customer files customers (lower case)"
        ])
    }

    @Test(arguments: ["acme.YAML", "acme.Yml", "acme.yml"])
    func customerFileExtensionInAnyCaseIsRead(_ name: String) throws {
        let work = try Self.workspace()
        try FileManager.default.moveItem(
            atPath: work.path("t/customers/acme.yaml"), toPath: work.path("t/customers/\(name)"))
        let result = TenantLoader.load(directory: work.path("t"), environment: [:])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.tenant?.customers?.map(\.file) == ["customers/\(name)"])
    }

    @Test(arguments: [["acme.yaml", "acme.yml"], ["Acme.yaml", "acme.YAML"], ["acme.yaml", "acme.YML", "ACME.yml"]])
    func customerFilesWithTheSameNameAreAnError(_ names: [String]) throws {
        let work = try Self.workspace()
        try FileManager.default.removeItem(atPath: work.path("t/customers/acme.yaml"))
        for name in names { try work.write("t/customers/\(name)", LoadErrorTests.customer("")) }
        try work.write("t/customers/zeta.yaml", "organization:\n  name: zeta\nlogin: sso-only\n")
        let sorted = names.sorted().map { "customers/\($0)" }
        #expect(Self.diagnostics(work) == [
            "\(sorted[1]): error: \(sorted.joined(separator: ", ")) name the same customer file (they differ only in "
                + "case or extension): keep one; none of them is read"
        ])
    }

    @Test func otherEntriesOfCustomersAreWarnedHiddenOnesIgnored() throws {
        let work = try Self.workspace()
        for name in ["README.md", "acme.yaml~", "acme.yaml.orig", ".gitkeep", ".acme.yaml.swp"] {
            try work.write("t/customers/\(name)", "x")
        }
        try Self.fifo(work.path("t/customers/notes"))
        let result = TenantLoader.load(directory: work.path("t"), environment: [:])
        #expect(result.tenant != nil)
        #expect(result.diagnostics.map(\.description) == [
            "customers/README.md: warning: customers/README.md is not read: customer files end in .yaml or .yml (hidden files are ignored)",
            "customers/acme.yaml.orig: warning: customers/acme.yaml.orig is not read: customer files end in .yaml or .yml (hidden files are ignored)",
            "customers/acme.yaml~: warning: customers/acme.yaml~ is not read: customer files end in .yaml or .yml (hidden files are ignored)",
            "customers/notes: warning: customers/notes is not read: customer files end in .yaml or .yml (hidden files are ignored)",
        ])
    }

    // MARK: permissions

    @Test func permissionDeniedIsSaidSo() {
        #expect(TenantDirectory.reason(.failure(EACCES), expected: .file) == "permission denied")
        #expect(TenantDirectory.reason(.failure(EACCES), expected: .folder) == "permission denied")
    }

    /// Root reads through `chmod 000`, so the unreadable states run the built executable as `nobody` through
    /// `setpriv` (util-linux); without root or `setpriv` the test is skipped (the reason text is checked above).
    static let canDropPrivileges = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canDropPrivileges), arguments: [
        ("t/customers", "customers: error: cannot list customers/: permission denied; the run stops here"),
        ("t/customers/acme.yaml",
         "customers/acme.yaml: error: cannot read customers/acme.yaml: permission denied; the run stops here"),
        ("t/tenant.yaml", "tenant.yaml: error: cannot read tenant.yaml: permission denied; the run stops here"),
    ])
    func unreadableEntryAsAnOrdinaryUser(_ entry: String, _ expected: String) throws {
        let work = try Self.workspace()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: work.root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: work.path(entry))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", builtExecutable.path, "validate", work.path("t"),
        ]
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text == work.path("t") + "/" + expected + "\n"
            + "tenantplan: 1 error in \(work.path("t")); nothing was read or changed\n")
    }

    // MARK: helpers

    /// Makes the entry at a path: `fifo`, `socket`, `file`, `folder`, `dangling` (a link to nothing), `loop` (a link
    /// to itself), or a link to the absolute path given.
    static func maker(_ state: String, _ work: CaseWorkspace) -> (String) throws -> Void {
        switch state {
        case "fifo": return { try fifo($0) }
        case "socket": return { try socket($0) }
        case "file": return { try "x\n".write(toFile: $0, atomically: false, encoding: .utf8) }
        case "folder": return { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: true) }
        case "dangling": return link(to: work.path("nowhere"))
        case "loop": return { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: $0) }
        default: return link(to: state)
        }
    }
}
