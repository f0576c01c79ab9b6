import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Every file a command reads goes through the one reader: a saved plan (`apply FILE`), an invitation CSV
/// (`invite --from-csv FILE`) and the local tenant file (`--tenant local:FILE`) given as a FIFO, a device, a
/// folder or a link loop are refused with the reason, at once, and nothing is sent or written.
@Suite struct InputFileCLITests {
    /// Makes the entry `name` of `work`: `fifo`, `zero` (a link to `/dev/zero`), `folder` or `loop` (`name` and
    /// `name.other` linking to each other); returns its path and the reason the reader gives.
    static func make(_ kind: String, _ name: String, in work: CaseWorkspace) throws -> (String, String) {
        let path = work.path(name)
        switch kind {
        case "fifo":
            #expect(mkfifo(path, 0o600) == 0)
            return (path, "it is a FIFO, not a regular file")
        case "zero":
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            return (path, "it is a character device, not a regular file")
        case "folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return (path, "it is a folder, not a file")
        default:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: name + ".other")
            try FileManager.default.createSymbolicLink(atPath: path + ".other", withDestinationPath: name)
            return (path, "it is a symbolic link loop")
        }
    }

    static let kinds = ["fifo", "zero", "folder", "loop"]

    /// A folder or a link that leads nowhere given to `apply` is taken for a tenant directory (reported so); a
    /// FIFO or device is a saved plan that cannot be read.
    @Test(arguments: ["fifo", "zero"])
    func savedPlan(_ kind: String) async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let (path, reason) = try Self.make(kind, "saved.plan", in: work)
        let result = await work.run(["apply", path, "--tenant", "local:live.json"])
        #expect(result.exitCode != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "tenantplan: error: cannot read \(path): \(reason)\n")
        #expect(result.requests.isEmpty)
    }

    @Test func linkLoopGivenToApplyIsSaidToBeALoop() async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let (path, _) = try Self.make("loop", "saved.plan", in: work)
        let result = await work.run(["apply", path, "--tenant", "local:live.json"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.hasPrefix("error: cannot use tenant directory '\(path)': it is a symbolic link loop\n"))
        #expect(result.requests.isEmpty)
    }

    @Test(arguments: kinds)
    func invitationCSV(_ kind: String) async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let (path, reason) = try Self.make(kind, "people.csv", in: work)
        let before = try work.data("live.json")
        let result = await work.run(
            ["invite", "tenant", "--tenant", "local:live.json", "--organization", "acme", "--from-csv", path])
        #expect(result.exitCode != 0)
        #expect(result.stderr == "tenantplan: error: cannot read \(path): \(reason)\n")
        #expect(result.requests.isEmpty)
        #expect(try work.data("live.json") == before)
    }

    @Test(arguments: kinds)
    func localTenantFile(_ kind: String) async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        let (path, reason) = try Self.make(kind, "other.json", in: work)
        for command in [["plan", "tenant"], ["apply", "tenant", "--auto-approve"]] {
            let result = await work.run(command + ["--tenant", "local:other.json"])
            #expect(result.exitCode != 0, "\(command[0])")
            #expect(result.stderr.contains("\(path): cannot read: \(reason)"), "\(command[0]): \(result.stderr)")
            #expect(result.requests.isEmpty)
        }
    }
}
