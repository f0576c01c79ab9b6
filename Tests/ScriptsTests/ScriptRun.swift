import Foundation
import TestSupport

/// One run of a script of the repository's `scripts/` folder, standard output and error together.
struct ScriptRun {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The exit status.
    let status: Int32
    /// Standard output and standard error, interleaved as written.
    let output: String

    /// Runs `scripts/NAME` with `arguments`; with `tenantplan: true` the environment's `TENANTPLAN` names the
    /// tenantplan this test run built, so the script does not build one itself.
    init(_ name: String, arguments: [String] = [], tenantplan: Bool = true) throws {
        let process = Process()
        process.executableURL = Self.repository.appendingPathComponent("scripts/" + name)
        process.arguments = arguments
        if tenantplan {
            var environment = ProcessInfo.processInfo.environment
            environment["TENANTPLAN"] = builtExecutable.path
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        status = process.terminationStatus
    }
}
