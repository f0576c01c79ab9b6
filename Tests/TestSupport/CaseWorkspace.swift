import CLI
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Synchronization
import Testing

/// The outcome of one in-process `tenantplan` run.
public struct CommandResult: Sendable {
    /// The exit status.
    public let exitCode: Int32
    /// Everything written to standard output.
    public let stdout: String
    /// Everything written to standard error.
    public let stderr: String
    /// Requests the local tenant served, in order (empty when the command never opened it).
    public let requests: [APIRequest]

    /// Write requests (POST, PATCH, DELETE) as `METHOD /path`.
    public var writes: [String] { requests.filter(\.isWrite).map(\.description) }
    /// Standard output and standard error together.
    public var output: String { stdout + stderr }
    /// Lines of standard output with leading spaces removed.
    public var planLines: [String] { stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
}

/// The one scratch-tenant builder of the tests: a temporary directory, removed when the workspace goes, holding
/// tenant directories (a bundled test case with its `live.json`, the repository's example
/// (``ExampleTenant/copy(into:at:)``), or files written by the test (``writeTenant(_:customers:at:)``)), where the
/// loader reads them (``load(_:environment:)``), commands run in process against the embedded local tenant
/// (``run(_:environment:faults:)``), and derived variants are made by editing lines.
public final class CaseWorkspace: Sendable {
    /// The scratch directory (`$WORK` of the case descriptions).
    public let root: URL

    /// Copies the bundled case `name` (see `Resources/cases`: its `tenant/` and `live.json`) to a new temporary
    /// directory.
    public init(case name: String) throws {
        guard let source = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/cases")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/cases/\(name)")
        else { throw WorkspaceError.missing(name) }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tenantplan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try copyFolder(source, to: "")
    }

    /// An empty scratch directory.
    public init(empty label: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tenantplan-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The absolute path of `relative` inside the workspace.
    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs `tenantplan ARGS` in process. The words `tenant` and `local:live.json` in `arguments` are made absolute.
    /// - Parameter faults: Fault switches for the local tenant.
    public func run(
        _ arguments: [String], environment: [String: String] = [:], faults: LocalTenant.Faults? = nil
    ) async -> CommandResult {
        let args = arguments.map { argument -> String in
            if argument == "tenant" { return path("tenant") }
            if argument.hasPrefix("local:") { return "local:" + path(String(argument.dropFirst(6))) }
            return argument
        }
        let opened = Mutex<LocalTenant?>(nil)
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        // A clock that stands still: a slow run on a busy machine never adds progress lines to the output tests
        // compare (ProgressReporterTests drive progress with their own clock).
        let context = CommandContext(
            environment: environment, stdout: stdout, stderr: stderr,
            openTenant: { selection in
                guard case .local(let path) = selection else { return try TenantSelection.open(selection) }
                let tenant = try LocalTenant(path: path, faults: faults)
                opened.withLock { $0 = tenant }
                return tenant
            }, clock: { Date(timeIntervalSince1970: 0) })
        let code = await TenantplanCLI.run(args, context: context)
        let tenant = opened.withLock { $0 }
        let requests = await tenant?.servedRequests ?? []
        return CommandResult(exitCode: code, stdout: stdout.text, stderr: stderr.text, requests: requests)
    }

    /// Replaces line `line` (1-based) of `file` with `text`, keeping the line's indentation.
    public func edit(_ file: String, line: Int, _ text: String) throws {
        var lines = try String(contentsOfFile: path(file), encoding: .utf8).components(separatedBy: "\n")
        let indent = lines[line - 1].prefix { $0 == " " }
        lines[line - 1] = indent + text
        try lines.joined(separator: "\n").write(toFile: path(file), atomically: true, encoding: .utf8)
    }

    /// Applies line edits in the manner of the case descriptions to `file`: each line must read `now` (after its
    /// indentation), else the test fails naming the line; it becomes `replacement` with the same indentation, or
    /// is deleted when `replacement` is `nil`. Line numbers are those before any edit.
    public func edit(
        _ file: String, _ edits: [(line: Int, now: String, replacement: String?)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var lines = try read(file).components(separatedBy: "\n")
        for edit in edits.sorted(by: { $0.line > $1.line }) {
            let current = lines[edit.line - 1]
            let indentation = String(current.prefix { $0 == " " })
            try #require(
                current.dropFirst(indentation.count) == edit.now[...], "\(file):\(edit.line) reads '\(current)'",
                sourceLocation: sourceLocation)
            if let replacement = edit.replacement {
                lines[edit.line - 1] = indentation + replacement
            } else {
                lines.remove(at: edit.line - 1)
            }
        }
        try write(file, lines.joined(separator: "\n"))
    }

    /// Deletes lines `lines` (1-based, inclusive) of `file`.
    public func deleteLines(_ file: String, _ lines: ClosedRange<Int>) throws {
        var all = try String(contentsOfFile: path(file), encoding: .utf8).components(separatedBy: "\n")
        all.removeSubrange((lines.lowerBound - 1)...(lines.upperBound - 1))
        try all.joined(separator: "\n").write(toFile: path(file), atomically: true, encoding: .utf8)
    }

    /// Appends a line to `file`.
    public func append(_ file: String, _ text: String) throws {
        var content = try String(contentsOfFile: path(file), encoding: .utf8)
        if !content.hasSuffix("\n") { content += "\n" }
        try (content + text + "\n").write(toFile: path(file), atomically: true, encoding: .utf8)
    }

    /// Writes `text` to `file` (creating folders).
    public func write(_ file: String, _ text: String) throws {
        let url = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A file as UTF-8 text.
    public func read(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    /// Removes a file or folder.
    public func delete(_ file: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(file)) }

    /// Copies every entry of the folder `source` into `folder` of the workspace (`""`: its root), creating it.
    public func copyFolder(_ source: URL, to folder: String) throws {
        let target = folder.isEmpty ? root : root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: target.appendingPathComponent(item))
        }
    }

    /// The bytes of a file.
    public func data(_ file: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(file)) }

    /// The local tenant file as JSON.
    public func json(_ file: String = "live.json") throws -> JSONValue { try JSONValue(data: data(file)) }
}

/// A test-data problem.
public enum WorkspaceError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let name): return "test case '\(name)' is not in TestSupport/Resources/cases"
        }
    }
}

extension JSONValue {
    /// The connection object named `name` in a local tenant file.
    public func connection(named name: String) -> JSONValue? {
        self["connections"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    /// The organization object named `name` in a local tenant file.
    public func organization(named name: String) -> JSONValue? {
        self["organizations"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }
}

/// The `tenantplan` executable of this build (next to the test support's resource bundle), for the few tests that
/// need a real process (closed pipes, exit statuses).
public let builtExecutable: URL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("tenantplan")
