import Foundation
import Output
import Testing
import TestSupport

/// The release binary of `scripts/release` runs without the Swift toolchain: `scripts/check-release` hides the
/// toolchain's library folder from the loader, runs the example's validate, plan and apply, and lists the binary's
/// libraries with `ldd`. The release build takes minutes, so the suite checks a binary already built for the
/// current version and skips (saying so) when there is none; `scripts/release --check` builds and checks in one go.
@Suite struct ReleaseBinaryTests {
    /// `dist/tenantplan-VERSION-linux-ARCH` for this version and machine.
    static var binary: URL {
        var machine = utsname()
        uname(&machine)
        let arch = withUnsafeBytes(of: &machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ScriptRun.repository.appendingPathComponent("dist/tenantplan-\(ToolIdentity.version)-linux-\(arch)")
    }

    static var built: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    @Test(.enabled(if: built, "no release binary for this version in dist/: run scripts/release (or scripts/release --check)"))
    func runsWithoutTheToolchain() throws {
        let run = try ScriptRun("check-release", arguments: [Self.binary.path], tenantplan: false)
        let text = run.output
        #expect(run.status == 0, "\(text)")
        #expect(text.contains("scripts/check-release: ok: tenantplan \(ToolIdentity.version), "))
        #expect(text.contains("scripts/check-release: ok: only system libraries"))
        #expect(text.hasSuffix(" ran with \(Self.toolchainLibrary) hidden from the loader\n"), "\(text)")
    }

    /// The folder holding `libswiftCore.so` and `libFoundation.so` of the toolchain running the tests.
    static var toolchainLibrary: String {
        let swift = ["/opt/swift/usr/bin/swift"] + (ProcessInfo.processInfo.environment["PATH"] ?? "")
            .split(separator: ":").map { "\($0)/swift" }
        let found = swift.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/swift"
        return URL(fileURLWithPath: found).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib/swift").path
    }
}
