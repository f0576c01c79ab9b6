import Foundation
import Testing
import TestSupport

/// Colour in a real terminal (tmux), none in a pipe, with `NO_COLOR` or with `--no-color`: `scripts/check-terminal`
/// run against the built executable. Skipped, saying so, where tmux is not installed.
@Suite struct TerminalColourTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var tmux: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
    }

    @Test(.enabled(if: tmux, "tmux is not installed: apt-get install tmux to check colour in a real terminal"))
    func colourOnlyInATerminal() throws {
        let process = Process()
        process.executableURL = Self.repository.appendingPathComponent("scripts/check-terminal")
        process.arguments = [builtExecutable.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text == """
            scripts/check-terminal: ok: colour in tmux (green +, bold !)
            scripts/check-terminal: ok: no colour in a pipe
            scripts/check-terminal: ok: no colour in tmux with NO_COLOR=1
            scripts/check-terminal: ok: no colour in tmux with --no-color
            scripts/check-terminal: ok

            """)
    }
}
