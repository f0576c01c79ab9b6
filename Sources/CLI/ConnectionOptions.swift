/// How the real Auth0 client paces itself (docs/auth0-http.md): `--max-rps N`, `--parallelism N`, `--verbose`.
/// The embedded local tenant ignores them (it answers in process, one request at a time).
public struct ConnectionOptions: Sendable, Equatable {
    /// The options every command that reads the live tenant accepts.
    static let options: Set<String> = ["max-rps", "parallelism"]
    /// The flags every command that reads the live tenant accepts.
    static let flags: Set<String> = ["verbose"]

    /// Requests per second at most (`--max-rps`, default 5: Auth0's free and trial tenants allow 2 per second
    /// with bursts of 10, paid tenants share their limit with the tenant's own applications).
    public var maxRequestsPerSecond: Double
    /// Requests in flight at most (`--parallelism`, default 4).
    public var parallelism: Int
    /// Log method, path, status and duration of each request to stderr (`--verbose`); never headers or bodies.
    public var verbose: Bool

    /// Creates options with the defaults.
    public init(maxRequestsPerSecond: Double = 5, parallelism: Int = 4, verbose: Bool = false) {
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.parallelism = parallelism
        self.verbose = verbose
    }

    /// Reads `--max-rps` (0.1 to 100 requests per second), `--parallelism` (1 to 16) and `--verbose`.
    /// - Throws: ``CLIError/usage(_:)`` for a value out of range.
    init(_ args: Arguments) throws {
        self.init()
        if let text = args.option("max-rps") {
            guard let value = Double(text), value >= 0.1, value <= 100 else {
                throw CLIError.usage("--max-rps takes requests per second from 0.1 to 100, got '\(text)'")
            }
            maxRequestsPerSecond = value
        }
        if let text = args.option("parallelism") {
            guard let value = Int(text), (1...16).contains(value) else {
                throw CLIError.usage("--parallelism takes a number of requests from 1 to 16, got '\(text)'")
            }
            parallelism = value
        }
        verbose = args.flags.contains("verbose")
    }
}
