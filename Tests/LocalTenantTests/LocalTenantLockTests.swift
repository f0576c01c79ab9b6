import Foundation
import JSONValues
import LocalTenant
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Two `tenantplan` processes writing one local tenant file: the second waits for the first's lock, so both
/// sets of writes survive; a killed writer leaves neither a held lock nor a temporary copy behind.
@Suite(.serialized) struct LocalTenantLockTests {
    /// Directory A manages organizations (customers/), directory B only roles: their applies write different
    /// objects into the same file.
    static func workspace(latency: Int) throws -> CaseWorkspace {
        let work = try CaseWorkspace(
            "lock", tenant: "tenant:\n  domain: example-prod.eu.auth0.com\n",
            customers: ["acme": "organization:\n  name: acme\nlogin: password-only\n"], at: "a")
        try work.writeTenant(
            "tenant:\n  domain: example-prod.eu.auth0.com\nroles:\n  - name: member\n    description: Member\n", at: "b")
        try work.write("live.json", "{\"tenantplan_local\": {\"latency_ms\": \(latency)}}\n")
        return work
    }

    /// A started `tenantplan` process with its output captured.
    final class Running {
        let process = Process()
        let stdout = Pipe()
        let stderr = Pipe()

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = builtExecutable
            process.arguments = arguments
            process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        /// Waits for the exit; returns the status and standard error.
        func finish() -> (status: Int32, stderr: String) {
            let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            _ = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, errorText)
        }
    }

    /// True while some process holds the lock on `path` (probed with a non-blocking `flock` of our own).
    static func lockIsHeld(_ path: String) -> Bool {
        let descriptor = open(LocalTenantLock.lockPath(for: path), O_RDWR)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    static func waitUntilLocked(_ path: String) throws {
        let deadline = Date().addingTimeInterval(20)
        while !lockIsHeld(path) {
            guard Date() < deadline else { throw LockTestError.neverLocked }
            usleep(10_000)
        }
    }

    @Test func secondWriterWaitsAndBothWritesSurvive() throws {
        let work = try Self.workspace(latency: 300)
        let file = work.path("live.json")
        let first = try Running(["apply", work.path("a"), "--tenant", "local:" + file, "--auto-approve"])
        try Self.waitUntilLocked(file)
        let second = try Running(["apply", work.path("b"), "--tenant", "local:" + file, "--auto-approve"])
        let a = first.finish()
        let b = second.finish()
        #expect(a.status == 0)
        #expect(a.stderr == "  done: create organization \"acme\"\n")
        #expect(b.status == 0)
        #expect(b.stderr == """
            tenantplan: waiting for the lock on \(file) (held by another tenantplan process)...
              done: create role "member"

            """)
        let state = try work.json()
        #expect(state.organization(named: "acme")?["metadata"] == ["managed_by": "tenantplan"])
        #expect(state["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["member"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted()
            == ["a", "b", "live.json", "live.json.lock"])
        let mode = try FileManager.default.attributesOfItem(atPath: file + ".lock")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A writer that cannot get the lock within TENANTPLAN_LOCK_TIMEOUT fails with exit 1 and reads nothing.
    @Test func writerGivesUpAfterTheBound() throws {
        let work = try Self.workspace(latency: 0)
        let file = work.path("live.json")
        let before = try work.data("live.json")
        let held = try LocalTenantLock.acquire(path: file)
        defer { held.release() }
        let started = Date()
        let run = try Running(
            ["apply", work.path("b"), "--tenant", "local:" + file, "--auto-approve"],
            environment: ["TENANTPLAN_LOCK_TIMEOUT": "0.5"]
        ).finish()
        #expect(Date().timeIntervalSince(started) >= 0.5)
        #expect(run.status == 1)
        #expect(run.stderr == """
            tenantplan: waiting for the lock on \(file) (held by another tenantplan process)...
            tenantplan: error: local tenant file \(file) is locked by another tenantplan process (\(file).lock); gave up after waiting 0.5 s; nothing was read or changed

            """)
        #expect(try work.data("live.json") == before)
    }

    /// `kill -9` of a writer holding the lock: the kernel releases the lock, and the next writer removes the
    /// temporary copies a killed save leaves (`.live.json.tmp`, and `live.json.tmp-PID` of earlier versions).
    @Test func killedWriterLeavesNoLockAndNoTemporaryCopy() throws {
        let work = try Self.workspace(latency: 2_000)
        let file = work.path("live.json")
        let victim = try Running(["apply", work.path("a"), "--tenant", "local:" + file, "--auto-approve"])
        try Self.waitUntilLocked(file)
        kill(victim.process.processIdentifier, SIGKILL)
        victim.process.waitUntilExit()
        #expect(victim.process.terminationReason == .uncaughtSignal)
        #expect(!Self.lockIsHeld(file))
        // What a writer killed between writing and renaming leaves: a whole copy of the tenant, secrets included.
        try work.write(".live.json.tmp", "{\"connections\": [{\"options\": {\"client_secret\": \"s3cret\"}}]}")
        try work.write("live.json.tmp-4242", "{}")
        try work.write("live.json.tmp-notes", "not ours")

        try work.write("live.json", "{}\n")
        let next = try Running(["apply", work.path("b"), "--tenant", "local:" + file, "--auto-approve"]).finish()
        #expect(next.status == 0)
        #expect(next.stderr == "  done: create role \"member\"\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root.path).sorted()
            == ["a", "b", "live.json", "live.json.lock", "live.json.tmp-notes"])
        #expect(try work.json()["roles"]?.arrayValue?.count == 1)
    }
}

enum LockTestError: Error { case neverLocked }
