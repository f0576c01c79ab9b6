// tenantplan-benchmark: generates a tenant directory of N customers (docs/tenant-format) and a matching local
// tenant, then measures, each in a fresh process, the wall time and peak memory of
//   floor        - libyaml's event loop over every file, read by libyaml from the file itself: the true floor,
//   parse        - the same events through Foundation file reads and the Swift wrapper (the former baseline),
//   validate     - `tenantplan validate DIR`,
//   plan         - a no-change `tenantplan plan DIR --tenant local:FILE`,
//   apply-memory - `tenantplan apply DIR` of the whole tenant to an empty in-memory local tenant,
//   apply-file   - the same apply to an empty local tenant file (journal, saved whole at the end),
//   wait         - `tenantplan plan` of 5 customers against a slow loopback Auth0 (scripts/slow-auth0.py, every
//                  answer after 1.5 s): the CPU seconds the process uses per wall second while it waits,
// and prints every figure with its target (docs/benchmark.md).
//
// usage: tenantplan-benchmark [N] [--keep DIR] [--runs R]
import Apply
import CLI
import CLibYAML
import Diff
import Foundation
import LocalTenant
import ManagementAPI
import PlanModel
import TenantGenerator
import YAML

/// Discards output.
struct NullSink: TextSink {
    func write(_ text: String) {}
}

/// The peak resident memory of this process, in bytes: `VmHWM` of /proc/self/status, which starts anew at exec
/// (`getrusage`'s `ru_maxrss` would carry the parent's peak across fork and exec).
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return 0 }
    return kib * 1024
}

/// The CPU time (user and system) this process used so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// MARK: Phases (run in a child process)

/// libyaml's event loop over `tenant.yaml` and every file of `customers/`, listed with `readdir` and read by
/// libyaml from the `FILE *` (`yaml_parser_set_input_file`): nothing else in the way. Returns the event count.
func floorEvents(directory: String) -> Int {
    var paths = [directory + "/tenant.yaml"]
    if let folder = opendir(directory + "/customers") {
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".yaml") { paths.append(directory + "/customers/" + name) }
        }
        closedir(folder)
    }
    var events = 0
    var parser = yaml_parser_t()
    var event = yaml_event_t()
    for path in paths {
        guard let file = fopen(path, "rb") else { return -1 }
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_file(&parser, file)
        var done = false
        while !done {
            guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
            done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
        }
        yaml_parser_delete(&parser)
        fclose(file)
    }
    return events
}

nonisolated(unsafe) var loadedTenant: LoadResult?

func runPhase(_ phase: String, directory: String, live: String, n: Int) async throws {
    var ok = true
    // Outside the timer: an apply starts from an empty tenant.
    let target = live + ".apply"
    if phase.hasPrefix("apply") {
        for suffix in ["", ".journal", ".lock"] { unlink(target + suffix) }
    }
    let cpuBefore = cpuSeconds()
    let elapsed = try await seconds {
        switch phase {
        case "floor":
            ok = floorEvents(directory: directory) > 0
        case "parse":
            let base = URL(fileURLWithPath: directory)
            var files = [base.appendingPathComponent("tenant.yaml")]
            let customers = base.appendingPathComponent("customers")
            for name in try FileManager.default.contentsOfDirectory(atPath: customers.path) {
                files.append(customers.appendingPathComponent(name))
            }
            var events = 0
            for file in files { events += try YAMLParser.countEvents(try Data(contentsOf: file)) }
            ok = events > 0
        case "validate":
            // Kept past the timer: the phase measures loading, not freeing the result (the CLI exits instead).
            loadedTenant = TenantLoader.load(directory: directory, environment: secretsEnvironment(n))
            ok = loadedTenant?.tenant != nil
        case "plan":
            let context = CommandContext(
                environment: secretsEnvironment(n), stdout: NullSink(), stderr: NullSink(),
                openTenant: TenantSelection.open)
            let status = await TenantplanCLI.run(
                ["plan", directory, "--tenant", "local:\(live)", "--detailed-exitcode"], context: context)
            ok = status == 0
        case "apply-memory", "apply-file":
            let inMemory = phase == "apply-memory"
            let context = CommandContext(
                environment: secretsEnvironment(n), stdout: NullSink(), stderr: NullSink(),
                openTenant: { selection in
                    inMemory ? try LocalTenant(json: [:]) : try TenantSelection.open(selection)
                })
            let status = await TenantplanCLI.run(
                ["apply", directory, "--tenant", "local:\(target)", "--auto-approve"], context: context)
            ok = status == 0
        case "wait":
            // `directory` is a small tenant, `live` the slow server's port; the plan has changes (exit 2).
            var environment = secretsEnvironment(n)
            environment["AUTH0_DOMAIN"] = "http://127.0.0.1:\(live)"
            environment["AUTH0_API_TOKEN"] = slowServerToken
            let context = CommandContext(
                environment: environment, stdout: NullSink(), stderr: NullSink(), openTenant: TenantSelection.open)
            let status = await TenantplanCLI.run(["plan", directory, "--detailed-exitcode"], context: context)
            ok = status == 2
        default:
            fatalError("unknown phase \(phase)")
        }
    }
    if phase == "wait" {
        print("\(ok ? "ok" : "FAILED") \(elapsed) \(peakMemory()) \(cpuSeconds() - cpuBefore)")
        return
    }
    print("\(ok ? "ok" : "FAILED") \(elapsed) \(peakMemory())")
}

/// A token shaped like a JWT whose `scope` claim holds every scope a plan needs (what scripts/slow-auth0.py
/// issues; the signature is fake, tenantplan reads only the claim).
let slowServerToken: String = {
    func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    let scopes = [
        "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
        "read:clients", "read:roles", "read:organization_invitations",
    ].joined(separator: " ")
    return base64URL(#"{"alg":"RS256","typ":"JWT"}"#) + "." + base64URL(#"{"scope":"\#(scopes)","exp":4000000000}"#)
        + ".c2lnbmF0dXJl"
}()

// MARK: Parent

/// The CPU seconds per wall second of a plan against scripts/slow-auth0.py (started here, stopped after), median
/// of `runs`: `nil` when python3 or the script is missing.
func measureWaiting(root: URL, runs: Int) async throws -> (seconds: Double, cpu: Double, ratio: Double)? {
    let script = URL(fileURLWithPath: "scripts/slow-auth0.py")
    guard FileManager.default.fileExists(atPath: script.path) else { return nil }
    let small = root.appendingPathComponent("wait")
    let (directory, _) = try await generate(n: 5, into: small)
    let portFile = small.appendingPathComponent("port").path
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.arguments = ["python3", script.path, "--delay", "1.5", "--port-file", portFile]
    try server.run()
    // SIGKILL: a child started from a Swift concurrency thread inherits that thread's mask, which blocks SIGTERM.
    defer {
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
    }
    var port: String?
    for _ in 0..<100 {
        if let text = try? String(contentsOfFile: portFile, encoding: .utf8) {
            port = text.trimmingCharacters(in: .whitespacesAndNewlines)
            break
        }
        try await Task.sleep(nanoseconds: 50_000_000)
    }
    guard let port else { throw GeneratorError("scripts/slow-auth0.py did not start") }
    var results: [(seconds: Double, cpu: Double)] = []
    for _ in 0..<runs {
        let fields = try phaseProcess(["wait", directory, port, "5"], fields: 4)
        guard let time = Double(fields[1]), let cpu = Double(fields[3]) else {
            throw GeneratorError("phase wait failed: \(fields.joined(separator: " "))")
        }
        results.append((time, cpu))
    }
    let median = results.sorted { $0.cpu / $0.seconds < $1.cpu / $1.seconds }[results.count / 2]
    return (median.seconds, median.cpu, median.cpu / median.seconds)
}

/// Runs this benchmark again as `--phase ARGUMENTS…` in its own process and returns the fields of its one output
/// line (`ok …`), which must number `fields`.
func phaseProcess(_ arguments: [String], fields count: Int) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--phase"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let fields = output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    guard fields.count == count, fields[0] == "ok" else {
        throw GeneratorError("phase \(arguments[0]) failed: \(output)")
    }
    return fields
}

func measure(_ phase: String, directory: String, live: String, n: Int, runs: Int) throws -> (seconds: Double, peak: Int) {
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
        let fields = try phaseProcess([phase, directory, live, String(n)], fields: 3)
        guard let time = Double(fields[1]), let memory = Int(fields[2]) else {
            throw GeneratorError("phase \(phase) failed: \(fields.joined(separator: " "))")
        }
        times.append(time)
        peak = max(peak, memory)
    }
    return (times.sorted()[times.count / 2], peak)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--phase", arguments.count == 5 {
    try await runPhase(arguments[1], directory: arguments[2], live: arguments[3], n: Int(arguments[4])!)
    exit(0)
}
var n = 10_000
var keep: String?
var runs = 5
var rest = arguments[...]
while let argument = rest.popFirst() {
    switch argument {
    case "--keep": keep = rest.popFirst()
    case "--runs": runs = Int(rest.popFirst() ?? "5") ?? 5
    default: n = Int(argument) ?? n
    }
}
let root = keep.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("tenantplan-bench-\(UUID().uuidString)")
try? FileManager.default.removeItem(at: root)
print("generating \(n) customers in \(root.path) ...")
let generationTime = try await seconds { _ = try await generate(n: n, into: root) }
let directory = root.appendingPathComponent("tenant").path
let live = root.appendingPathComponent("live.json").path
print(String(format: "generated in %.1f s; measuring (median of %d runs, each in a fresh process)", generationTime, runs))

var results: [String: (seconds: Double, peak: Int)] = [:]
for phase in ["floor", "parse", "validate", "plan", "apply-memory", "apply-file"] {
    results[phase] = try measure(phase, directory: directory, live: live, n: n, runs: runs)
}

let waiting = try await measureWaiting(root: root, runs: min(runs, 3))

func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }
let floor = results["floor"]!.seconds
/// One line: the phase, its time, its ratio to `base`, its peak memory, the targets and whether they are met.
func line(
    _ phase: String, _ result: (seconds: Double, peak: Int), base: Double, baseName: String, ratio target: Double?,
    peak limit: Int?
) -> String {
    let (time, peak) = result
    let ratio = time / base
    var targets: [String] = []
    var met = true
    if let target {
        targets.append(String(format: "<= %.1fx %@", target, baseName))
        met = met && ratio <= target
    }
    if let limit {
        targets.append("<= \(limit) MB")
        met = met && peak <= limit * 1_048_576
    }
    func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    return padded(phase, 14) + String(format: "%7.3f s  %6.2fx ", time, ratio) + padded(baseName, 7)
        + padded(mb(peak), 9) + (targets.isEmpty ? "" : targets.joined(separator: ", ") + (met ? "  met" : "  MISSED"))
}
print("")
print("phase           wall time   ratio        peak     target (median of \(runs) runs, N = \(n))")
print(line("floor", results["floor"]!, base: floor, baseName: "floor", ratio: nil, peak: nil) + "(libyaml event loop, files read by libyaml)")
print(line("parse", results["parse"]!, base: floor, baseName: "floor", ratio: nil, peak: nil) + "(the same through Foundation reads and the Swift wrapper)")
print(line("validate", results["validate"]!, base: floor, baseName: "floor", ratio: 2.0, peak: 150))
print(line("plan", results["plan"]!, base: floor, baseName: "floor", ratio: 4.0, peak: 300))
print(line("apply-memory", results["apply-memory"]!, base: floor, baseName: "floor", ratio: nil, peak: 300))
print(line("apply-file", results["apply-file"]!, base: results["apply-memory"]!.seconds, baseName: "memory", ratio: 1.5, peak: 300))
if let waiting {
    print(
        "wait".padding(toLength: 14, withPad: " ", startingAt: 0)
            + String(format: "%7.3f s  %.3f CPU s per wall s (%.3f CPU s)   <= 0.05  %@", waiting.seconds, waiting.ratio,
                waiting.cpu, waiting.ratio <= 0.05 ? "met" : "MISSED")
            + "  (plan of 5 customers, slow loopback Auth0: scripts/slow-auth0.py)")
} else {
    print("wait          not measured (python3 scripts/slow-auth0.py missing: run from the repository)")
}
if keep == nil { try? FileManager.default.removeItem(at: root) }
