import Foundation
import JSONValues
import LocalTenant
import Testing
import TenantGenerator
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` of a real `tenantplan apply` against a local tenant file, after it printed k `done:` lines: the file
/// and its journal load, every write reported done is in them, and a re-run converges to "No changes.".
@Suite(.serialized) struct KilledApplyTests {
    static let customers = 12

    /// A generated tenant directory (`tenant/`) and an empty local tenant answering each request after `latency` ms.
    static func workspace(latency: Int) throws -> CaseWorkspace {
        let work = try CaseWorkspace(
            "killed", tenant: tenantYAML,
            customers: Dictionary(uniqueKeysWithValues: (0..<customers).map { ("customer-\($0)", customerYAML($0)) }))
        try work.write("live.json", "{\"tenantplan_local\": {\"latency_ms\": \(latency)}}\n")
        return work
    }

    static func tenantplan(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = builtExecutable
        process.arguments = arguments
        process.environment = secretsEnvironment(customers).merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outputText = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, outputText, errorText)
    }

    /// Whether the write a `done:` line reports is in the tenant; an unknown kind of line records an issue.
    static func isPresent(_ line: String, in live: JSONValue) -> Bool {
        let names = line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        if line.hasPrefix("done: create connection "), let name = names.first {
            return live.connection(named: name) != nil
        }
        if line.hasPrefix("done: create organization "), let name = names.first {
            return live.organization(named: name) != nil
        }
        if line.hasPrefix("done: create client "), let name = names.first {
            return live["clients"]?.arrayValue?.contains { $0["name"]?.stringValue == name } == true
        }
        if line.hasPrefix("done: create role "), let name = names.first {
            return live["roles"]?.arrayValue?.contains { $0["name"]?.stringValue == name } == true
        }
        if line.hasPrefix("done: update enabled clients of connection "), let name = names.first,
            let id = live.connection(named: name)?["id"]?.stringValue,
            let client = live["clients"]?.arrayValue?.first(where: { $0["name"] == "saas-web" })?["client_id"]
        {
            return live["connection_clients"]?[id]?.arrayValue?.contains(client) == true
        }
        if line.hasPrefix("done: enable connection "), names.count == 2,
            let id = live.connection(named: names[0])?["id"]
        {
            return live.organization(named: names[1])?["enabled_connections"]?.arrayValue?
                .contains { $0["connection_id"] == id } == true
        }
        Issue.record("a done: line this test does not check: \(line)")
        return false
    }

    @Test(arguments: [1, 9, 30])
    func killedApplyKeepsEveryDoneWriteAndConverges(afterDone k: Int) async throws {
        let work = try Self.workspace(latency: 15)
        let file = work.path("live.json")
        let process = Process()
        process.executableURL = builtExecutable
        process.arguments = ["apply", work.path("tenant"), "--tenant", "local:" + file, "--auto-approve"]
        process.environment = secretsEnvironment(Self.customers).merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var printed = Data()
        while String(decoding: printed, as: UTF8.self).components(separatedBy: "done: ").count - 1 < k {
            let chunk = stderr.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            printed += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        printed += stderr.fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationReason == .uncaughtSignal)
        let done = String(decoding: printed, as: UTF8.self).components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("done: ") }
        #expect(done.count >= k)
        #expect(done.count < 4 + 4 * Self.customers, "the apply finished before it was killed")

        // The tenant as a new process opens it: the file and its journal.
        let live = try await LocalTenant(path: file).snapshotJSON
        for line in done { #expect(Self.isPresent(line, in: live), "\(line) is missing after kill -9") }

        let rerun = try Self.tenantplan(["apply", work.path("tenant"), "--tenant", "local:" + file, "--auto-approve"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let plan = try Self.tenantplan(["plan", work.path("tenant"), "--tenant", "local:" + file, "--detailed-exitcode"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("No changes. The live tenant matches the configuration."))
        #expect(!FileManager.default.fileExists(atPath: file + ".journal"))
    }

}
