import Auth0HTTP
import CLI
import Foundation
import LocalTenant
import ManagementAPI
import TestSupport
import Testing

@Suite("End to end: tenantplan commands over Auth0Transport and a loopback socket")
struct CommandEndToEndTests {
    /// The outcome of one in-process run.
    struct Run {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    @Test("plan, apply and an empty re-plan of tenants/example-prod, as against the embedded local tenant")
    func exampleProd() async throws {
        let work = try CaseWorkspace(empty: "auth0http-example")
        try ExampleTenant.copy(into: work)
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(path: work.path("live.json")), clientSecret: ScriptedAuth0.secret)
        let server = try LoopbackServer(handler: auth0.handler)
        defer { server.stop() }
        let environment = ExampleTenant.secrets.merging([
            "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID, "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
        ]) { $1 }

        /// The command as the executable runs it: the tenant chosen from AUTH0_DOMAIN and opened by
        /// `TenantSelection.open`, paced at 100 requests per second, every request logged (`--verbose`).
        func run(_ arguments: [String]) async -> Run {
            let stdout = TextBuffer()
            let stderr = TextBuffer()
            let context = CommandContext(
                environment: environment, stdout: stdout, stderr: stderr, openTenant: TenantSelection.open)
            let code = await TenantplanCLI.run(arguments + ["--max-rps", "100", "--verbose"], context: context)
            return Run(code: code, stdout: stdout.text, stderr: stderr.text)
        }

        let plan = await run(["plan", work.path("tenant"), "--detailed-exitcode"])
        #expect(plan.code == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("loopback Auth0 endpoint \(server.baseURL) (tenant.domain not checked)"))
        let apply = await run(["apply", work.path("tenant"), "--auto-approve"])
        #expect(apply.code == 0, "\(apply.stdout)\(apply.stderr)")
        let replan = await run(["plan", work.path("tenant"), "--detailed-exitcode"])
        #expect(replan.code == 0, "\(replan.stdout)\(replan.stderr)")
        #expect(replan.stdout.contains("No changes."))

        // The same commands against the embedded local tenant (a second workspace): the same plan and apply
        // output apart from the header's target, and the same writes in the same order.
        let local = try CaseWorkspace(empty: "auth0http-example-local")
        try ExampleTenant.copy(into: local)
        let localPlan = await local.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--detailed-exitcode"], environment: ExampleTenant.secrets)
        let localApply = await local.run(
            ["apply", "tenant", "--tenant", "local:live.json", "--auto-approve"], environment: ExampleTenant.secrets)
        func body(_ text: String) -> [String] { Array(text.split(separator: "\n").dropFirst().map(String.init)) }
        #expect(localPlan.exitCode == 2)
        #expect(body(plan.stdout) == body(localPlan.stdout))
        #expect(body(apply.stdout) == body(localApply.stdout))
        #expect(apply.stderr.split(separator: "\n").filter { $0.hasPrefix("  done: ") }
            == localApply.stderr.split(separator: "\n").filter { $0.hasPrefix("  done: ") })

        let writes = server.requests.filter { !$0.hasPrefix("GET ") && $0 != "POST /oauth/token" }
        #expect(writes.count == localApply.writes.count)
        #expect(writes.count == 16)
        #expect(server.requests.filter { $0 == "POST /oauth/token" }.count == 3)
        // --verbose: one line per request on stderr, method, path, status and duration only.
        #expect(replan.stderr.contains("GET /api/v2/organizations?take=100 -> 200 ("))
        #expect(replan.stderr.split(separator: "\n").filter { $0.hasPrefix("GET ") }.count == 8)
        let outputs = [plan, apply, replan].flatMap { [$0.stdout, $0.stderr] }
        for secret in [ScriptedAuth0.secret] + auth0.issuedTokens {
            #expect(outputs.allSatisfy { !$0.contains(secret) })
        }
    }
    @Test("plan without --verbose: a rate-limit wait is one line on stderr, and the plan goes on")
    func rateLimitNoticeWithoutVerbose() async throws {
        let work = try CaseWorkspace(empty: "auth0http-notice")
        try ExampleTenant.copy(into: work)
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(path: work.path("live.json")), clientSecret: ScriptedAuth0.secret)
        let script = ResponseQueue([
            .apiError(429, "Too Many Requests", "Global limit has been reached", headers: ["Retry-After": "1"])
        ])
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/api/v2/"), let scripted = script.next() { return scripted }
            return await auth0.handle(request)
        }
        defer { server.stop() }
        let environment = ExampleTenant.secrets.merging([
            "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID, "AUTH0_CLIENT_SECRET": ScriptedAuth0.secret,
        ]) { $1 }
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: environment, stdout: stdout, stderr: stderr, openTenant: TenantSelection.open)
        let code = await TenantplanCLI.run(
            ["plan", work.path("tenant"), "--detailed-exitcode", "--max-rps", "100"], context: context)
        #expect(code == 2, "\(stdout.text)\(stderr.text)")
        // One line; the seconds come from the real clock (1 s from the 429, a millisecond less by the wait). On a
        // busy machine the read may take over 3 s and add progress lines, nothing else.
        let lines = stderr.text.split(separator: "\n").filter { !$0.hasPrefix("reading the live tenant: ") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("rate limited by Auth0 on GET /api/v2/organizations?take=100: waiting ") == true)
        #expect(lines.first?.hasSuffix(" s (Retry-After)") == true)
    }
}

@Suite("Commands over Auth0Transport: what stops them before any Management API request")
struct CommandPreflightTests {
    func run(_ arguments: [String], environment: [String: String]) async -> (code: Int32, stdout: String, stderr: String) {
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: environment, stdout: stdout, stderr: stderr, openTenant: TenantSelection.open)
        let code = await TenantplanCLI.run(arguments + ["--max-rps", "100"], context: context)
        return (code, stdout.text, stderr.text)
    }

    @Test("a token without read:roles and read:connections_options stops plan, naming both")
    func missingScopes() async throws {
        let work = try CaseWorkspace(empty: "auth0http-scopes")
        try ExampleTenant.copy(into: work)
        let scope = LoopbackAuth0.allScopes.split(separator: " ")
            .filter { $0 != "read:roles" && $0 != "read:connections_options" }.joined(separator: " ")
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(path: work.path("live.json")), scope: scope)
        let server = try LoopbackServer(handler: auth0.handler)
        defer { server.stop() }
        let environment = ExampleTenant.secrets.merging([
            "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID, "AUTH0_CLIENT_SECRET": auth0.clientSecret,
        ]) { $1 }
        let result = await run(["plan", work.path("tenant")], environment: environment)
        #expect(result.code == 1)
        #expect(result.stderr == "tenantplan: error: the token lacks scopes plan needs: read:connections_options, read:roles\n")
        #expect(server.requests == ["POST /oauth/token"])
    }

    @Test("AUTH0_DOMAIN of another tenant stops plan before the token is even requested")
    func anotherTenant() async throws {
        let work = try CaseWorkspace(empty: "auth0http-domain")
        try ExampleTenant.copy(into: work)
        let result = await run(
            ["plan", work.path("tenant")],
            environment: ["AUTH0_DOMAIN": "example-staging.eu.auth0.com", "AUTH0_API_TOKEN": "not-used"])
        #expect(result.code == 1)
        #expect(result.stderr == "tenantplan: error: \(work.path("tenant")) belongs to example-prod.eu.auth0.com "
            + "(tenant.yaml:3) but AUTH0_DOMAIN is example-staging.eu.auth0.com; refusing to run against another tenant\n")
    }

    @Test("http:// to a host that is not loopback is refused before any request")
    func plainHTTPRefused() async throws {
        let work = try CaseWorkspace(empty: "auth0http-http")
        try ExampleTenant.copy(into: work)
        let result = await run(
            ["plan", work.path("tenant")],
            environment: ["AUTH0_DOMAIN": "http://example-prod.eu.auth0.com", "AUTH0_API_TOKEN": "not-used"])
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("tenantplan: error: AUTH0_DOMAIN"))
        #expect(!result.stderr.contains("not-used"))
    }
}

@Suite("Commands over Auth0Transport: apply's write scopes")
struct ApplyWriteScopeTests {
    @Test("a token that may read but not create connections stops apply before its first write, naming the scopes")
    func readOnlyTokenStopsApply() async throws {
        let work = try CaseWorkspace(empty: "auth0http-write-scopes")
        try ExampleTenant.copy(into: work)
        let scope = LoopbackAuth0.allScopes.split(separator: " ")
            .filter { !$0.hasPrefix("create:connections") && $0 != "update:connections" }.joined(separator: " ")
        let auth0 = LoopbackAuth0(tenant: try LocalTenant(path: work.path("live.json")), scope: scope)
        let server = try LoopbackServer(handler: auth0.handler)
        defer { server.stop() }
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: ExampleTenant.secrets.merging([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID,
                "AUTH0_CLIENT_SECRET": auth0.clientSecret,
            ]) { $1 },
            stdout: stdout, stderr: stderr, openTenant: TenantSelection.open)
        let code = await TenantplanCLI.run(
            ["apply", work.path("tenant"), "--auto-approve", "--max-rps", "100"], context: context)
        #expect(code == 1)
        #expect(stderr.text.hasSuffix(
            "tenantplan: error: the token lacks scopes this apply needs: create:connections, update:connections\n"))
        #expect(server.requests.filter { !$0.hasPrefix("GET ") && $0 != "POST /oauth/token" } == [])
    }
}

@Suite("Choosing the tenant: a missing AUTH0_DOMAIN never turns into the local tenant when Auth0 was meant")
struct TenantChoiceTests {
    @Test(arguments: [
        (["AUTH0_DOMAIN": "", "AUTH0_CLIENT_ID": "cid", "AUTH0_CLIENT_SECRET": "s3cr3t-value"],
         "tenantplan: error: AUTH0_DOMAIN is set but empty (a missing secret?): set it to the tenant's domain, or unset it and pass --tenant local:PATH for a local tenant\n"),
        (["AUTH0_DOMAIN": ""],
         "tenantplan: error: AUTH0_DOMAIN is set but empty (a missing secret?): set it to the tenant's domain, or unset it and pass --tenant local:PATH for a local tenant\n"),
        (["AUTH0_CLIENT_ID": "cid", "AUTH0_CLIENT_SECRET": "s3cr3t-value"],
         "tenantplan: error: AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET are set but AUTH0_DOMAIN is not: set AUTH0_DOMAIN to the tenant's domain, or pass --tenant local:PATH for a local tenant\n"),
        (["AUTH0_API_TOKEN": "tok3n-value"],
         "tenantplan: error: AUTH0_API_TOKEN is set but AUTH0_DOMAIN is not: set AUTH0_DOMAIN to the tenant's domain, or pass --tenant local:PATH for a local tenant\n"),
    ])
    func refused(environment: [String: String], message: String) async throws {
        let work = try CaseWorkspace(empty: "tenant-choice")
        try ExampleTenant.copy(into: work)
        let result = await work.run(["apply", "tenant", "--auto-approve"], environment: environment)
        #expect(result.exitCode == 1)
        #expect(result.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: work.path("tenant/.tenantplan")))
    }

    @Test func explicitLocalTenantWins() async throws {
        let work = try CaseWorkspace(empty: "tenant-choice-local")
        try ExampleTenant.copy(into: work)
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json"],
            environment: ["AUTH0_DOMAIN": "", "AUTH0_CLIENT_ID": "cid", "AUTH0_CLIENT_SECRET": "s3cr3t-value"])
        #expect(result.exitCode == 0)
    }
}
