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
        let log = LogLines()

        func run(_ arguments: [String]) async -> Run {
            let stdout = TextBuffer()
            let stderr = TextBuffer()
            let context = CommandContext(
                environment: environment, stdout: stdout, stderr: stderr,
                openTenant: { selection in
                    guard case .remote = selection else { return try TenantSelection.open(selection) }
                    return try Auth0Transport.fromEnvironment(
                        environment, options: Auth0TransportOptions(maxRequestsPerSecond: 0), log: log.sink)
                })
            let code = await TenantplanCLI.run(arguments, context: context)
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

        let writes = server.requests.filter { !$0.hasPrefix("GET ") && $0 != "POST /oauth/token" }
        #expect(!writes.isEmpty)
        #expect(server.requests.filter { $0 == "POST /oauth/token" }.count == 3)
        let outputs = [plan, apply, replan].flatMap { [$0.stdout, $0.stderr] } + log.all
        for secret in [ScriptedAuth0.secret] + auth0.issuedTokens {
            #expect(outputs.allSatisfy { !$0.contains(secret) })
        }
    }
}
