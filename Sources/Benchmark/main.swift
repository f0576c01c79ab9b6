// tenantplan-benchmark: generates a tenant directory of N customers (SPEC section 1 format) and a matching local
// tenant, then measures, each in a fresh process, the wall time and peak memory of
//   parse    - a bare libyaml event parse of every file (the baseline),
//   validate - `tenantplan validate DIR`,
//   plan     - a no-change `tenantplan plan DIR --tenant local:FILE`,
// and prints the ratios to the baseline next to the targets (validate <= 2.0x, plan <= 4.0x, peak <= 300 MB).
//
// usage: tenantplan-benchmark [N] [--keep DIR] [--runs R]
import Apply
import CLI
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

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// MARK: Phases (run in a child process)

nonisolated(unsafe) var loadedTenant: LoadResult?

func runPhase(_ phase: String, directory: String, live: String, n: Int) async throws {
    var ok = true
    let elapsed = try await seconds {
        switch phase {
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
        default:
            fatalError("unknown phase \(phase)")
        }
    }
    print("\(ok ? "ok" : "FAILED") \(elapsed) \(peakMemory())")
}

// MARK: Parent

func measure(_ phase: String, directory: String, live: String, n: Int, runs: Int) throws -> (seconds: Double, peak: Int) {
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--phase", phase, directory, live, String(n)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 3, fields[0] == "ok", let time = Double(fields[1]), let memory = Int(fields[2]) else {
            throw GeneratorError("phase \(phase) failed: \(output)")
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
var runs = 3
var rest = arguments[...]
while let argument = rest.popFirst() {
    switch argument {
    case "--keep": keep = rest.popFirst()
    case "--runs": runs = Int(rest.popFirst() ?? "3") ?? 3
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

let parse = try measure("parse", directory: directory, live: live, n: n, runs: runs)
let validate = try measure("validate", directory: directory, live: live, n: n, runs: runs)
let plan = try measure("plan", directory: directory, live: live, n: n, runs: runs)

func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }
print("")
print("phase      wall time   ratio   peak memory   target")
print(String(format: "parse      %7.3f s   1.00x   %11@   (baseline: bare libyaml event parse)", parse.seconds, mb(parse.peak)))
let validateRatio = validate.seconds / parse.seconds
let planRatio = plan.seconds / parse.seconds
print(String(format: "validate   %7.3f s   %4.2fx   %11@   <= 2.0x, <= 300 MB  %@", validate.seconds, validateRatio,
             mb(validate.peak), validateRatio <= 2.0 && validate.peak <= 300 * 1_048_576 ? "met" : "MISSED"))
print(String(format: "plan       %7.3f s   %4.2fx   %11@   <= 4.0x, <= 300 MB  %@", plan.seconds, planRatio,
             mb(plan.peak), planRatio <= 4.0 && plan.peak <= 300 * 1_048_576 ? "met" : "MISSED"))
if keep == nil { try? FileManager.default.removeItem(at: root) }
