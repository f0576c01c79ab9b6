import Foundation
import Output
import Testing
import TestSupport

/// One version, from `ToolIdentity`: `tenantplan --version`, the JSON formats' `tool`, SARIF's `driver.version`.
@Suite struct VersionTests {
    @Test(arguments: [["--version"], ["version"]])
    func versionLine(_ arguments: [String]) async throws {
        let work = try CaseWorkspace(empty: "version")
        let result = await work.run(arguments)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "tenantplan \(ToolIdentity.version)\n")
        #expect(result.stdout == ToolIdentity.versionLine)
        #expect(result.stderr == "")
    }

    @Test func theBuiltExecutablePrintsIt() throws {
        let process = Process()
        process.executableURL = builtExecutable
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "tenantplan \(ToolIdentity.version)\n")
    }
}
