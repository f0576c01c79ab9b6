import Foundation
import ManagementAPI
import Output
import Synchronization

/// Where a command writes text.
public protocol TextSink: Sendable {
    /// Writes `text` as it is (callers add newlines).
    func write(_ text: String)
}

/// Standard output or standard error of the process.
public struct StandardStream: TextSink {
    private let handle: FileHandle

    /// Standard output.
    public static let output = StandardStream(handle: .standardOutput)
    /// Standard error.
    public static let error = StandardStream(handle: .standardError)

    private static let firstFailure = Mutex<String?>(nil)

    /// Writes `text`. A failed write (closed pipe, full disk) does not stop the command: a reader going away must
    /// never stop an apply half-way (the executable ignores SIGPIPE for the same reason). The first failure is
    /// kept for ``writeFailure``, so the executable can exit non-zero instead of reporting success.
    public func write(_ text: String) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            Self.firstFailure.withLock { $0 = $0 ?? "\(error.localizedDescription)" }
        }
    }

    /// Why writing to standard output or standard error failed, if it did.
    public static var writeFailure: String? { firstFailure.withLock { $0 } }
}

/// Collects text in memory (tests).
public final class TextBuffer: TextSink {
    private let storage = Mutex("")

    /// Creates an empty buffer.
    public init() {}

    public func write(_ text: String) { storage.withLock { $0 += text } }

    /// Everything written so far.
    public var text: String { storage.withLock { $0 } }
}

/// Everything a command needs from the outside world, so tests can run commands in process.
public struct CommandContext: Sendable {
    /// The environment (`${env:NAME}` secrets, `AUTH0_*`, `NO_COLOR`).
    public var environment: [String: String]
    /// Standard output: plans, findings, reports.
    public var stdout: any TextSink
    /// Standard error: load errors, progress, failures.
    public var stderr: any TextSink
    /// Opens the live tenant a command runs against.
    public var openTenant: @Sendable (TenantSelection) throws -> any ManagementTransport
    /// Reads one line of confirmation from the user; `nil` when standard input is not a terminal.
    public var readConfirmation: @Sendable () -> String?
    /// True when standard input is a terminal, so a confirmation can be asked for.
    public var isInteractive: Bool
    /// True when standard error is a terminal: progress is redrawn in place rather than printed line by line.
    public var stderrIsTerminal: Bool
    /// True when standard output is a terminal: the `text` formats are coloured (unless `NO_COLOR` or
    /// `--no-color`; see ``TextStyle/forOutput(isTerminal:environment:noColorFlag:)``).
    public var stdoutIsTerminal: Bool
    /// `--no-color` was given (any command accepts it).
    public var noColorFlag = false
    /// The clock progress reports use.
    public var clock: @Sendable () -> Date
    /// Today, for policy exceptions that expire.
    public var now: Date

    /// Creates a context.
    public init(
        environment: [String: String], stdout: any TextSink, stderr: any TextSink,
        openTenant: @escaping @Sendable (TenantSelection) throws -> any ManagementTransport,
        readConfirmation: @escaping @Sendable () -> String? = { nil }, isInteractive: Bool = false,
        now: Date = Date(), stderrIsTerminal: Bool = false, clock: @escaping @Sendable () -> Date = Date.init,
        stdoutIsTerminal: Bool = false
    ) {
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.clock = clock
        self.isInteractive = isInteractive
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.openTenant = openTenant
        self.readConfirmation = readConfirmation
        self.now = now
    }

    /// The process's context: real environment and streams; the local tenant opened from its file.
    public static func process() -> CommandContext {
        let interactive = isatty(0) == 1
        return CommandContext(
            environment: ProcessInfo.processInfo.environment, stdout: StandardStream.output,
            stderr: StandardStream.error, openTenant: TenantSelection.open,
            readConfirmation: { interactive ? readLine() : nil }, isInteractive: interactive,
            stderrIsTerminal: isatty(2) == 1, stdoutIsTerminal: isatty(1) == 1)
    }

    /// How the `text` formats on standard output are decorated.
    public var textStyle: TextStyle {
        TextStyle.forOutput(isTerminal: stdoutIsTerminal, environment: environment, noColorFlag: noColorFlag)
    }
}
