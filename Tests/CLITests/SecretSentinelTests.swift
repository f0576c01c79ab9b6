import Auth0Schema
import Foundation
import JSONValues
import Output
import Testing
import TestSupport

/// The sentinel corpus (docs/secrets.md): a connection of every strategy in Auth0's OpenAPI excerpt, every secret
/// field of the catalogue holding a unique sentinel, live and as a YAML literal. Planned (text, JSON, Markdown),
/// saved, exported and checked: no sentinel byte in any output or file, and `plaintext-secret` fires on every
/// literal at its line.
@Suite struct SecretSentinelTests {
    static let marker = "s3nt1nel"
    static let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQ-\(marker)-pem\n-----END PRIVATE KEY-----\n"

    /// The corpus: the live tenant, the tenant directory and the expected `plaintext-secret` findings.
    struct Corpus {
        var live: [JSONValue] = []
        var yaml: [String] = ["tenant:", "  domain: example-prod.eu.auth0.com", "connections:"]
        var findings: [String] = []
        var counter = 0

        /// A unique sentinel, padded to 40 characters: long enough for every secret's `minLength` in Auth0's schema
        /// (`twilio_token`: 32), so the corpus loads.
        mutating func sentinel(_ side: String) -> String {
            counter += 1
            let text = "\(SecretSentinelTests.marker)-\(side)-\(counter)-"
            return text + String(repeating: "x", count: max(0, 40 - text.count))
        }

        /// A secret value for `path`: objects for the object-shaped secrets, a string otherwise.
        mutating func value(strategy: String, path: String, side: String) -> JSONValue {
            switch (strategy, path) {
            case ("samlp", "decryptionKey"): return ["key": .string(sentinel(side)), "cert": .string(sentinel(side))]
            case (_, "configuration"): return ["DB_PASSWORD": .string(sentinel(side)), "DB_USER": .string(sentinel(side))]
            default: return .string(sentinel(side))
            }
        }
    }

    static func setting(_ value: JSONValue, at path: String, in options: inout [String: JSONValue]) {
        let parts = path.split(separator: ".").map(String.init)
        if parts.count == 1 { options[parts[0]] = value; return }
        var inner = options[parts[0]]?.objectValue ?? [:]
        setting(value, at: parts.dropFirst().joined(separator: "."), in: &inner)
        options[parts[0]] = .object(inner)
    }

    /// YAML lines for `value` at `indent`, as literals.
    static func yaml(_ key: String, _ value: JSONValue, indent: String) -> [String] {
        switch value {
        case .object(let members):
            return ["\(indent)\(key):"] + members.keys.sorted().flatMap { yaml($0, members[$0]!, indent: indent + "  ") }
        case .string(let text) where text.contains("\n"):
            return ["\(indent)\(key): |"] + text.split(separator: "\n").map { "\(indent)  \($0)" }
        default:
            return ["\(indent)\(key): \(value.compactText)"]
        }
    }

    static func corpus() -> Corpus {
        var corpus = Corpus()
        let catalogue = SecretCatalogue.excerpt
        for strategy in catalogue.strategies {
            let name = "s-\(strategy)"
            var live: [String: JSONValue] = ["marker": "live"]
            var declared: [String: JSONValue] = ["marker": "wanted"]
            for path in catalogue.paths(strategy: strategy) {
                setting(corpus.value(strategy: strategy, path: path, side: "live"), at: path, in: &live)
                setting(corpus.value(strategy: strategy, path: path, side: "yaml"), at: path, in: &declared)
            }
            // Secrets only the value detector knows: a private key in a field and in a list.
            if strategy == "oidc" {
                live["extra_pem"] = .string(pem)
                declared["extra_pem"] = .string(pem)
                live["pem_list"] = ["public", .string(pem)]
            }
            corpus.live.append([
                "id": .string("con_\(strategy.replacingOccurrences(of: "-", with: ""))"), "name": .string(name),
                "strategy": .string(strategy), "metadata": ["managed_by": "tenantplan"], "options": .object(live),
            ])
            corpus.yaml += ["  - name: \(name)", "    strategy: \(strategy)", "    options:"]
            for key in declared.keys.sorted() {
                var value = declared[key]!
                // One secret from the environment: no finding for it.
                if strategy == "waad", key == "client_secret" { value = "${env:WAAD_SECRET}" }
                let first = corpus.yaml.count + 1
                let lines = yaml(key, value, indent: "      ")
                corpus.yaml += lines.map { $0.replacingOccurrences(of: "\"${env:WAAD_SECRET}\"", with: "${env:WAAD_SECRET}") }
                // Each literal is reported at its own key's line: a nested one (`signing_key.key`) at `key:`.
                for (offset, path) in leafLines(key, value) where value.stringValue?.hasPrefix("${env:") != true {
                    guard path != "marker" else { continue }
                    let line = first + offset
                    corpus.findings.append(
                        "tenant.yaml:\(line): connection '\(name)' has a literal value in options.\(path): the credential "
                            + "is readable by everyone with access to the repository and its history; write ${env:NAME} "
                            + "instead and rotate the credential")
                }
            }
        }
        corpus.yaml += ["policy:", "  rules:", "    plaintext-secret: { severity: warning }", ""]
        return corpus
    }

    /// The leaf paths of `value` at `path`, each with its line offset in ``yaml(_:_:indent:)``'s lines.
    static func leafLines(_ path: String, _ value: JSONValue) -> [(Int, String)] {
        guard case .object(let members) = value else { return [(0, path)] }
        var result: [(Int, String)] = []
        var offset = 1
        for key in members.keys.sorted() {
            result += leafLines("\(path).\(key)", members[key]!).map { (offset + $0.0, $0.1) }
            offset += yaml(key, members[key]!, indent: "").count
        }
        return result
    }

    static let environment = ["WAAD_SECRET": "\(marker)-env-1"]

    func workspace() throws -> (CaseWorkspace, Corpus) {
        let corpus = Self.corpus()
        let work = try CaseWorkspace("sentinels", tenant: corpus.yaml.joined(separator: "\n"))
        let live: JSONValue = ["connections": .array(corpus.live)]
        try work.write("live.json", String(decoding: live.encoded(pretty: true), as: UTF8.self))
        return (work, corpus)
    }

    @Test("plan, plan --out, export and check print and write no sentinel byte")
    func noSentinelAnywhere() async throws {
        let (work, _) = try workspace()
        var outputs: [(String, String)] = []
        for format in PlanFormat.names {  // every registered plan format
            let plan = await work.run(
                ["plan", "tenant", "--tenant", "local:live.json", "--format", format], environment: Self.environment)
            #expect(plan.exitCode == 0, "\(plan.output)")
            #expect(plan.stdout.contains("s-samlp"))
            outputs.append(("plan --format \(format)", plan.output))
        }
        let saved = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--out", work.path("plan.json")], environment: Self.environment)
        #expect(saved.exitCode == 0, "\(saved.output)")
        outputs.append(("plan --out", saved.output))
        outputs.append(("plan.json", String(decoding: try work.data("plan.json"), as: UTF8.self)))
        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 0, "\(export.output)")
        outputs.append(("export", export.output))
        let files = FileManager.default.enumerator(atPath: work.path("out"))?.allObjects as? [String] ?? []
        var exported = ""
        for file in files.sorted() {
            var directory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: work.path("out/\(file)"), isDirectory: &directory),
                  !directory.boolValue else { continue }
            let text = String(decoding: try work.data("out/\(file)"), as: UTF8.self)
            outputs.append(("out/\(file)", text))
            exported += text
        }
        for format in FindingsFormat.names {  // every registered findings format
            let check = await work.run(["check", "tenant", "--format", format], environment: Self.environment)
            #expect(check.exitCode == 0, "\(check.output)")
            outputs.append(("check --format \(format)", check.output))
        }
        for (label, text) in outputs {
            #expect(!text.contains(Self.marker), "\(label) holds a sentinel")
        }
        // Object secrets are exported one variable per string; a secret in a list leaves its key out.
        for reference in [
            "${env:S_SAMLP_DECRYPTION_KEY_KEY}", "${env:S_SAMLP_DECRYPTION_KEY_CERT}", "${env:S_SAMLP_SIGNING_KEY_KEY}",
            "${env:S_SMS_GATEWAY_AUTHENTICATION_SECRET}", "${env:S_APPLE_APP_SECRET}", "${env:S_OAUTH1_CONSUMER_SECRET}",
            "${env:S_AUTH0_CONFIGURATION_DB_PASSWORD}", "${env:S_OIDC_EXTRA_PEM}",
        ] {
            #expect(exported.contains(reference), "export lacks \(reference)")
        }
        #expect(export.output.contains("options.pem_list left out (kept as it is): options.pem_list[1]: a secret inside a list, which ${env:NAME} cannot express"))
    }

    @Test("plaintext-secret fires on every literal, at its line")
    func plaintextSecretOnEveryLiteral() async throws {
        let (work, corpus) = try workspace()
        let check = await work.run(["check", "tenant", "--format", "json"], environment: Self.environment)
        let findings = try JSONValue(data: Data(check.stdout.utf8))["findings"]?.arrayValue ?? []
        let found = findings.filter { $0["rule_id"] == "plaintext-secret" }.map { finding in
            let file = (finding["location"]?["file"]?.stringValue ?? "").replacingOccurrences(of: work.path("tenant") + "/", with: "")
            return "\(file):\(finding["location"]?["line"]?.intValue ?? 0): "
                + (finding["message"]?.stringValue ?? "")
        }
        #expect(check.exitCode == 0, "\(check.output)")
        #expect(found.sorted() == corpus.findings.sorted())
        // 44 client_secret literals (waad's is ${env:}), samlp 3, pingfederate 1, apple 1, sms 2, oauth1 consumer_secret 1,
        // google-apps 2, auth0 configuration 2, and the private key in an oidc field the schema does not know.
        #expect(found.count == 57)
    }
}
