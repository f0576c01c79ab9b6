import Foundation
import InputFiles
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The one reader of input files: what it refuses before opening, with which words, and the caps per kind.
@Suite struct InputFileTests {
    /// A fresh scratch folder.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("inputfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func reason(_ path: String, _ limit: InputFile.Limit = .savedPlan) -> String? {
        if case .failure(let failure) = InputFile.read(path, limit: limit) { return failure.reason }
        return nil
    }

    @Test(arguments: InputFile.Limit.allCasesForTests)
    func devZeroIsACharacterDeviceForEveryKind(_ limit: InputFile.Limit) {
        #expect(Self.reason("/dev/zero", limit) == "it is a character device, not a regular file")
        #expect(Self.reason("/dev/null", limit) == "it is a character device, not a regular file")
    }

    @Test func fifoIsNeverOpened() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/plan.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(Self.reason(fifo) == "it is a FIFO, not a regular file")
        #expect(Self.reason(folder) == "it is a folder, not a file")
        #expect(Self.reason(folder + "/none.json") == "no such file")
        if case .failure(let failure) = InputFile.read(folder + "/none.json", limit: .localTenant) {
            #expect(failure.isMissing)
        }
        if case .failure(let failure) = InputFile.read(fifo, limit: .localTenant) { #expect(!failure.isMissing) }
    }

    /// `a -> b -> a`, `a -> a`, and a three-link cycle are loops; a link to a missing file (directly or through
    /// another link) is dangling; both with relative and absolute targets.
    @Test func linkLoopsAndDanglingLinks() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder + "/a.yaml", withDestinationPath: "b.yaml")
        try manager.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: "a.yaml")
        try manager.createSymbolicLink(atPath: folder + "/self.json", withDestinationPath: folder + "/self.json")
        try manager.createSymbolicLink(atPath: folder + "/x", withDestinationPath: "y")
        try manager.createSymbolicLink(atPath: folder + "/y", withDestinationPath: folder + "/z")
        try manager.createSymbolicLink(atPath: folder + "/z", withDestinationPath: "x")
        try manager.createSymbolicLink(atPath: folder + "/gone", withDestinationPath: "missing.json")
        try manager.createSymbolicLink(atPath: folder + "/via", withDestinationPath: "gone")
        for name in ["a.yaml", "b.yaml", "self.json", "x", "y", "z"] {
            #expect(InputFile.classify(folder + "/" + name) == .linkLoop, "\(name)")
            #expect(Self.reason(folder + "/" + name) == "it is a symbolic link loop", "\(name)")
        }
        for name in ["gone", "via"] {
            #expect(InputFile.classify(folder + "/" + name) == .danglingLink, "\(name)")
            #expect(Self.reason(folder + "/" + name) == "it is a symbolic link to a file that does not exist")
        }
        // A loop among the folders on the way.
        try manager.createSymbolicLink(atPath: folder + "/d1", withDestinationPath: "d2")
        try manager.createSymbolicLink(atPath: folder + "/d2", withDestinationPath: "d1")
        #expect(Self.reason(folder + "/d1/tenant.json") == "it is a symbolic link loop")
    }

    @Test(arguments: [
        (InputFile.Limit.tenantFile, 1_048_576, "1 MiB"), (.invitationCSV, 16_777_216, "16 MiB"),
        (.savedPlan, 268_435_456, "256 MiB"), (.localTenant, 1_073_741_824, "1 GiB"),
    ])
    func caps(_ limit: InputFile.Limit, _ bytes: Int, _ words: String) {
        #expect(limit.bytes == bytes)
        #expect(limit.words == words)
    }

    /// The cap holds at exactly its size and refuses one byte more, naming the size and the cap.
    @Test func fileAtAndOverTheCap() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cap = InputFile.Limit.tenantFile.bytes
        try Data(repeating: 0x61, count: cap).write(to: URL(fileURLWithPath: folder + "/at.yaml"))
        try Data(repeating: 0x61, count: cap + 1).write(to: URL(fileURLWithPath: folder + "/over.yaml"))
        #expect(try InputFile.read(folder + "/at.yaml", limit: .tenantFile).get().count == cap)
        #expect(Self.reason(folder + "/over.yaml", .tenantFile)
            == "it is 1048577 bytes; tenantplan reads files of at most 1048576 bytes (1 MiB)")
        #expect(try InputFile.read(folder + "/over.yaml", limit: .invitationCSV).get().count == cap + 1)
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.json"))
        #expect(try InputFile.read(folder + "/empty.json", limit: .savedPlan).get() == Data())
        let (data, size) = try InputFile.read(folder + "/at.yaml", limit: .tenantFile) { descriptor in
            var info = stat()
            return fstat(descriptor, &info) == 0 ? Int(info.st_size) : -1
        }.get()
        #expect(data.count == cap && size == cap)
    }

    @Test func unreadableFileIsPermissionDeniedUnlessRoot() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/secret.json"))
        chmod(folder + "/secret.json", 0)
        if geteuid() == 0 {
            #expect(Self.reason(folder + "/secret.json") == nil)
        } else {
            #expect(Self.reason(folder + "/secret.json") == "permission denied")
        }
    }
}

extension InputFile.Limit {
    static let allCasesForTests: [InputFile.Limit] = [.tenantFile, .savedPlan, .invitationCSV, .localTenant]
}
