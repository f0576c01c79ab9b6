import Diff
import Foundation
import LocalTenant
import ManagementAPI
import Output
import PlanModel
import Policy
import TerminalText

/// The stages every command shares: Load -> Validate -> (Check) -> Read live -> Diff.
struct Pipeline {
    let context: CommandContext
    let directory: String
    /// The command, for the scope preflight (`plan`, `apply`, `invite`, …).
    var command = "plan"
    /// How a remote tenant is paced (`--max-rps`, `--parallelism`, `--verbose`).
    var connection = ConnectionOptions()

    /// Chooses the live tenant from `--tenant`, the environment and the connection options; `--verbose` lines go to
    /// the command's stderr.
    /// - Throws: ``CLIError/usage(_:)`` for a malformed `--tenant`.
    func selection(tenantOption: String?) throws -> TenantSelection {
        let stderr = context.stderr
        return try TenantSelection.choose(
            option: tenantOption, directory: directory, environment: context.environment, connection: connection,
            log: { stderr.write($0 + "\n") })
    }

    /// For a command that writes: takes the exclusive lock on a local tenant file before anything reads it, and
    /// holds it until the returned lock is released (``LocalTenantLock``); a remote tenant needs none (`nil`).
    /// While another process holds the lock, prints `tenantplan: waiting for the lock on FILE (held by another
    /// tenantplan process)...` once to stderr and waits up to `TENANTPLAN_LOCK_TIMEOUT` seconds (default 30).
    /// - Throws: ``LocalTenantError/locked(path:seconds:)`` after the wait; ``CLIError/usage(_:)`` for a bad
    ///   `TENANTPLAN_LOCK_TIMEOUT`.
    func lockForWriting(_ selection: TenantSelection) throws -> LocalTenantLock? {
        guard case .local(let path) = selection else { return nil }
        var timeout = LocalTenantLock.defaultTimeout
        if let text = context.environment["TENANTPLAN_LOCK_TIMEOUT"], !text.isEmpty {
            guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                throw CLIError.usage("TENANTPLAN_LOCK_TIMEOUT takes a number of seconds (0 or more), got '\(text)'")
            }
            timeout = seconds
        }
        let stderr = context.stderr
        return try LocalTenantLock.acquire(path: path, timeout: timeout) { line in
            stderr.write("tenantplan: \(TerminalText.escaped(line))\n")
        }
    }

    /// Loads and validates the tenant directory; prints every diagnostic to stderr.
    /// - Returns: The tenant, or `nil` when there were errors (already printed).
    func load() -> Tenant? { loadResult().tenant }

    /// Loads and validates the tenant directory; prints every diagnostic to stderr.
    /// - Returns: The whole result, diagnostics included.
    func loadResult() -> LoadResult {
        let result = TenantLoader.load(directory: directory, environment: context.environment)
        for diagnostic in result.diagnostics {
            context.stderr.write(diagnostic.rendered(directory: directory) + "\n")
        }
        if result.tenant == nil {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            context.stderr.write(
                "tenantplan: \(errors) error\(errors == 1 ? "" : "s") in \(directory); nothing was read or changed\n")
        }
        return result
    }

    /// The client for the opened live tenant, refusing a remote tenant whose domain is not the directory's
    /// `tenant.domain` (README, "Running against Auth0": a production directory is never run against staging by a wrong variable),
    /// then running the scope preflight for ``command`` before any Management API request.
    /// - Throws: The opening error, ``CLIError/unsupported(_:)`` for another tenant's domain, the preflight's error.
    func client(for tenant: Tenant, opened: Result<any ManagementTransport, any Error>) async throws -> ManagementClient {
        let transport = try opened.get()
        if let domain = transport.remoteDomain, domain.lowercased() != tenant.domain.value.lowercased() {
            throw CLIError.unsupported(
                "\(directory) belongs to \(tenant.domain.value) (\(tenant.domain.location.fileAndLine)) "
                    + "but AUTH0_DOMAIN is \(domain); refusing to run against another tenant")
        }
        try await transport.preflight(for: command)
        await logRequests(of: transport)
        return ManagementClient(transport: transport)
    }

    /// Runs the policy checks before a plan or apply: findings are printed (to stdout, before the plan); an error
    /// finding stops the command before the live tenant is read.
    /// - Returns: `nil` to go on, or the exit status to stop with (3 for error findings, 1 for bad settings).
    /// - Parameter json: Print stopping findings as the `json` findings format, and leave warnings to the caller
    ///   (the JSON plan carries them), instead of compiler-style text.
    /// - Parameter markdown: Stdout holds only the markdown plan: findings go to stderr as text (uncoloured unless
    ///   stderr is a terminal), so `plan --format markdown > plan.md` is a clean comment.
    func checkBeforePlanning(_ tenant: Tenant, json: Bool = false, markdown: Bool = false)
        -> (stop: Int32?, report: PolicyReport)
    {
        let report = PolicyEngine().check(tenant, today: context.now)
        let stopping = report.hasSettingsErrors || report.hasErrorFindings
        if json {
            if stopping { context.stdout.write(FindingsJSON.render(report, directory: directory)) }
        } else if !report.findings.isEmpty || !report.settingsDiagnostics.isEmpty || !report.suppressed.isEmpty {
            let sink = markdown ? context.stderr : context.stdout
            let style =
                markdown
                ? TextStyle.forOutput(
                    isTerminal: context.stderrIsTerminal, environment: context.environment,
                    noColorFlag: context.noColorFlag)
                : context.textStyle
            sink.write(FindingsText.render(report, directory: directory, style: style))
        }
        if report.hasSettingsErrors { return (ExitCode.failure, report) }
        if report.hasErrorFindings {
            context.stderr.write(
                "tenantplan: policy errors in \(directory); fix them (or add an exception with a reason) before "
                    + "planning; nothing was read or changed\n")
            return (ExitCode.policy, report)
        }
        if !json, !markdown, !report.findings.isEmpty || !report.suppressed.isEmpty { context.stdout.write("\n") }
        return (nil, report)
    }

    /// What a plan was computed from and through: what `plan --out` saves and `apply` carries out.
    struct Planned {
        let plan: Plan
        let client: ManagementClient
        let findings: PolicyReport
        let tenant: Tenant
        let live: LiveSnapshot
    }

    /// What `plan` and `apply` share: load (while the live tenant opens), check, read, diff.
    /// - Parameters:
    ///   - tenantOption: The `--tenant` value, if given.
    ///   - json: `--format json` (see ``checkBeforePlanning(_:json:markdown:)``).
    ///   - markdown: `--format markdown`: findings on stderr, stdout only the markdown plan.
    ///   - scope: Which customers to plan (`--target`, `--changed-since`).
    /// - Returns: The plan and what it came from, or the exit status to stop with (diagnostics and findings
    ///   already printed).
    /// - Throws: Errors from choosing, opening, reading or planning; the caller prints them.
    func checkedPlan(tenantOption: String?, json: Bool = false, markdown: Bool = false, scope: PlanScope = .full)
        async throws
        -> Result<Planned, Stop>
    {
        let selection = try selection(tenantOption: tenantOption)
        noteMissingLocalTenant(selection, explicit: tenantOption != nil)
        let (loaded, transport) = await loadWhileOpening(selection)
        guard let tenant = loaded else { return .failure(Stop(status: ExitCode.failure)) }
        let (status, report) = checkBeforePlanning(tenant, json: json, markdown: markdown)
        if let status { return .failure(Stop(status: status)) }
        let stderr = context.stderr
        let covered = try scope.covered(of: tenant, directory: directory) { stderr.write($0) }
        let (plan, client, live) = try await plan(tenant, transport: transport, scope: covered)
        return .success(Planned(plan: plan, client: client, findings: report, tenant: tenant, live: live))
    }

    /// A command stopping early with an exit status, its reasons already printed.
    struct Stop: Error {
        let status: Int32
    }

    /// With `--verbose`, has the transport log each request to stderr in the Auth0 client's format (``RequestLog``),
    /// so a user sees what an apply sends whichever tenant answers (the Auth0 client got its log when it was opened,
    /// ``TenantSelection/open(_:)``).
    func logRequests(of transport: any ManagementTransport) async {
        guard connection.verbose else { return }
        let stderr = context.stderr
        await transport.logRequests { stderr.write($0 + "\n") }
    }

    /// Says on stderr when an explicitly named local tenant file does not exist (a typo would otherwise plan every
    /// resource as new); the default file's absence is normal on a fresh checkout.
    func noteMissingLocalTenant(_ selection: TenantSelection, explicit: Bool) {
        guard explicit, case .local(let path) = selection, !FileManager.default.fileExists(atPath: path) else { return }
        context.stderr.write(
            "tenantplan: note: local tenant \(path) does not exist yet: starting from an empty tenant "
                + "(apply creates the file)\n")
    }

    /// Loads the tenant directory while the live tenant is opened on another core (opening sends no request:
    /// the local tenant reads its file, the remote client only sets up).
    /// - Returns: The tenant (`nil` after printed load errors) and the opened transport or why it failed.
    func loadWhileOpening(_ selection: TenantSelection) async
        -> (tenant: Tenant?, transport: Result<any ManagementTransport, any Error>)
    {
        let open = context.openTenant
        let opening = Task.detached { () -> Result<any ManagementTransport, any Error> in
            Result { try open(selection) }
        }
        let tenant = load()
        return (tenant, await opening.value)
    }

    /// Runs a whole-tenant read with progress on stderr (``ProgressReporter``: organization progress from the read,
    /// a tick every second with the requests made) and the read parallelism of the tenant: `--parallelism`, at most
    /// the transport's ``ManagementTransport/readConcurrencyLimit`` (1 for the local tenant).
    /// - Parameter read: The read, given the parallelism and the progress callback.
    func reading<Value>(
        through client: ManagementClient,
        _ read: (_ parallelism: Int, _ progress: @escaping @Sendable (SnapshotReader.Progress) -> Void) async throws
            -> Value
    ) async throws -> Value {
        let transport = client.transport
        let reporter = ProgressReporter(
            stderr: context.stderr, isTerminal: context.stderrIsTerminal, now: context.clock,
            waited: { transport.secondsWaitedOnRateLimits })
        let before = client.requestCount
        let ticker = reporter.ticking { client.requestCount - before }
        defer {
            ticker.cancel()
            reporter.finish()
        }
        return try await read(min(connection.parallelism, transport.readConcurrencyLimit)) { reporter.update($0) }
    }

    /// Checks the live tenant is the one the directory belongs to, then reads it and plans (``LivePlan``), with the
    /// read's progress on stderr.
    /// - Parameter scope: The whole tenant, or some customers' organizations.
    /// - Throws: Errors from opening, reading or planning; the caller prints them.
    func plan(
        _ tenant: Tenant, transport opened: Result<any ManagementTransport, any Error>, scope: LivePlan.Scope
    ) async throws -> (plan: Plan, client: ManagementClient, live: LiveSnapshot) {
        let client = try await client(for: tenant, opened: opened)
        let planned = try await reading(through: client) { parallelism, progress in
            try await LivePlan.compute(
                for: tenant, through: client, scope: scope, parallelism: parallelism, progress: progress)
        }
        return (planned.plan, client, planned.live)
    }
}
