import Foundation
import Testing
import TestSupport

@testable import LocalTenant

#if canImport(Glibc)
    import Glibc
#endif

/// The default local tenant folder `DIR/.tenantplan/` ignores itself in any git repository, saves leave no named
/// copy behind, and a stale named copy is removed by readers too when no writer holds the lock.
@Suite struct LocalTenantFolderTests {
    static let gitignore = "# Written by tenantplan: the local tenant holds secrets; git ignores this folder.\n*\n"

    static func workspace() throws -> CaseWorkspace {
        let work = try CaseWorkspace(empty: "folder")
        try work.write("repo/tenant/tenant.yaml", """
            tenant:
              domain: example-prod.eu.auth0.com
            roles:
              - name: member
                description: Member
            """ + "\n")
        return work
    }

    static func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func defaultLocalTenantIsIgnoredByGitAfterApply() async throws {
        let work = try Self.workspace()
        _ = try Self.git(["init", "-q"], in: work.path("repo"))
        let result = await work.run(["apply", work.path("repo/tenant"), "--auto-approve"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.path("repo/tenant/.tenantplan/local-tenant.json")))
        #expect(String(decoding: try work.data("repo/tenant/.tenantplan/.gitignore"), as: UTF8.self) == Self.gitignore)
        let status = try Self.git(["status", "--porcelain", "--untracked-files=all"], in: work.path("repo"))
        #expect(status == "?? tenant/tenant.yaml\n")
    }

    /// A `.tenantplan` folder made before (by an older tenantplan, or by hand) gets its `.gitignore` at the next
    /// write; one the user wrote is kept as it is.
    @Test func gitignoreWrittenIfMissingKeptIfPresent() async throws {
        let work = try Self.workspace()
        try FileManager.default.createDirectory(
            atPath: work.path("repo/tenant/.tenantplan"), withIntermediateDirectories: true)
        #expect(await work.run(["apply", work.path("repo/tenant"), "--auto-approve"]).exitCode == 0)
        #expect(String(decoding: try work.data("repo/tenant/.tenantplan/.gitignore"), as: UTF8.self) == Self.gitignore)

        let other = try Self.workspace()
        try other.write("repo/tenant/.tenantplan/.gitignore", "local-tenant.json*\n")
        #expect(await other.run(["apply", other.path("repo/tenant"), "--auto-approve"]).exitCode == 0)
        #expect(String(decoding: try other.data("repo/tenant/.tenantplan/.gitignore"), as: UTF8.self) == "local-tenant.json*\n")
    }

    /// A folder the user named with `--tenant local:PATH` is theirs: no `.gitignore` is written there, not even in
    /// a new folder; only a folder named `.tenantplan` gets one.
    @Test func noGitignoreOutsideTenantplanFolders() async throws {
        let work = try Self.workspace()
        let result = await work.run(["apply", work.path("repo/tenant"), "--auto-approve", "--tenant", "local:state/live.json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path("state")).sorted() == ["live.json", "live.json.lock"])
        #expect(!FileManager.default.fileExists(atPath: work.path("repo/tenant/.tenantplan")))
    }

    /// The save writes an anonymous file where the filesystem allows it: the complete, owner-only file appears
    /// under its temporary name only after it was written and synced.
    @Test func saveWritesAnAnonymousFileFirst() throws {
        let work = try Self.workspace()
        let folder = work.root.path
        let probe = open(folder, LocalTenantFolder.anonymousFileFlags | O_WRONLY | O_CLOEXEC, 0o600)
        guard probe >= 0 else {
            // No O_TMPFILE here: the named fallback is what the other tests exercise.
            return
        }
        close(probe)
        let temporary = work.path(".live.json.tmp")
        let identity = try LocalTenantFolder.writeAnonymous(Data("{}\n".utf8), as: temporary, for: work.path("live.json"))
        #expect(identity != nil)
        #expect(try work.data(".live.json.tmp") == Data("{}\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: temporary)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// After an apply the tenant's folder holds the file and its lock only: no temporary copy, no journal.
    @Test func applyLeavesNoTemporaryCopy() async throws {
        let work = try Self.workspace()
        #expect(await work.run(["apply", work.path("repo/tenant"), "--auto-approve"]).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path("repo/tenant/.tenantplan")).sorted()
            == [".gitignore", "local-tenant.json", "local-tenant.json.lock"])
    }

    /// `plan` takes no lock; it removes a stale `.FILE.tmp` only when it can take the lock at once (no writer is
    /// saving), and never creates the lock file.
    @Test func planRemovesAStaleCopyOnlyWhenNoWriterHoldsTheLock() async throws {
        let work = try Self.workspace()
        let file = work.path("live.json")
        #expect(await work.run(["apply", work.path("repo/tenant"), "--auto-approve", "--tenant", "local:live.json"]).exitCode == 0)
        let stale = "{\"connections\": [{\"options\": {\"client_secret\": \"s3cret\"}}]}"

        try work.write(".live.json.tmp", stale)
        let lock = try LocalTenantLock.acquire(path: file)
        try work.write(".live.json.tmp", stale)  // acquiring removed it; a writer holds the lock now
        #expect(await work.run(["plan", work.path("repo/tenant"), "--tenant", "local:live.json"]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: work.path(".live.json.tmp")))
        lock.release()

        #expect(await work.run(["plan", work.path("repo/tenant"), "--tenant", "local:live.json"]).exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: work.path(".live.json.tmp")))

        // No lock file (never written by a writer): a reader leaves the copy and creates nothing.
        let fresh = try Self.workspace()
        try fresh.write("live.json", "{}\n")
        try fresh.write(".live.json.tmp", stale)
        #expect(await fresh.run(["plan", fresh.path("repo/tenant"), "--tenant", "local:live.json"]).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fresh.root.path).sorted()
            == [".live.json.tmp", "live.json", "repo"])
    }
}
