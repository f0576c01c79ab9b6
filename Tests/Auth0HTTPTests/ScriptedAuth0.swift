import Auth0HTTP
import Foundation
import JSONValues
import LocalTenant
import ManagementAPI
import Synchronization
import TestSupport

/// A loopback Auth0 for fault tests: the token endpoint and the tenant of a ``LoopbackAuth0``, with scripted
/// answers to Management API requests served first, in order, before the tenant answers.
final class ScriptedAuth0: Sendable {
    /// The client secret the tests search outputs for.
    static let secret = "s3cret-Value-That-Must-Never-Print"

    let auth0: LoopbackAuth0
    let server: LoopbackServer
    let clock: RecordingClock
    let log = LogLines()

    /// Starts a server over an in-memory tenant holding `tenantJSON`.
    init(
        _ responses: [LoopbackResponse] = [], tokenResponses: [LoopbackResponse] = [],
        tenantJSON: JSONValue = ExampleData.tenant, scope: String = LoopbackAuth0.allScopes, expiresIn: Int = 86400,
        jitter: Double = 0.5
    ) throws {
        let tenant = try LocalTenant(json: tenantJSON)
        let auth0 = LoopbackAuth0(tenant: tenant, clientSecret: Self.secret, scope: scope, expiresIn: expiresIn)
        let script = ResponseQueue(responses)
        let tokenScript = ResponseQueue(tokenResponses)
        self.auth0 = auth0
        clock = RecordingClock(jitter: jitter)
        server = try LoopbackServer { request in
            if request.path == "/oauth/token" {
                if let scripted = tokenScript.next() { return scripted }
                return await auth0.handle(request)
            }
            if let scripted = script.next() { return scripted }
            return await auth0.handle(request)
        }
    }

    deinit { server.stop() }

    /// The configuration of the client-credentials grant against this server.
    var configuration: Auth0Configuration {
        get throws {
            try Auth0Configuration.fromEnvironment([
                "AUTH0_DOMAIN": server.baseURL, "AUTH0_CLIENT_ID": auth0.clientID, "AUTH0_CLIENT_SECRET": Self.secret,
            ])
        }
    }

    /// The rate-limit notices alone (they also go to ``log``, in order, as the CLI puts both on stderr).
    let notices = LogLines()

    /// A transport against this server: pacing off unless `options` says otherwise, waits recorded, log and
    /// notices collected.
    func transport(_ options: Auth0TransportOptions = Auth0TransportOptions(maxRequestsPerSecond: 0)) throws
        -> Auth0Transport
    {
        let log = log.sink
        let notices = notices.sink
        return Auth0Transport(
            configuration: try configuration, options: options, clock: clock.clock, log: log,
            notices: { line in
                log(line)
                notices(line)
            })
    }

    /// `POST /oauth/token`, as the server records it.
    static let tokenRequest = "POST /oauth/token"
}
