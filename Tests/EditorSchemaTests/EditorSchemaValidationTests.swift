import EditorSchema
import Foundation
import JSONValues
import PlanModel
import Policy
import Testing
import TestSupport

/// Python's `jsonschema` and tenantplan agree: every tenant directory of the repository validates against the
/// committed schemas its modelines name, and an invalid file fails in `jsonschema` at the same keys
/// `tenantplan check` refuses (the loader, the policy settings, and the rule `invitation-ttl` for Auth0's 30-day
/// maximum).
@Suite struct EditorSchemaValidationTests {
    /// The schema file a tenant file is validated with.
    static func schemaFile(for file: String) -> String {
        file.hasPrefix("customers/") ? EditorSchema.customerFileName : EditorSchema.tenantFileName
    }

    @Test func theSchemasAreValidDraft202012Schemas() throws {
        let files = EditorSchema.all.map { SchemaFiles.folder.appendingPathComponent($0.fileName) }
        guard let errors = try SchemaFiles.jsonschemaErrors(files.map { (SchemaFiles.metaschema, $0) })
        else { return }
        #expect(errors == [[], []])
    }

    @Test func everyTenantDirectoryValidates() throws {
        let scratch = try CaseWorkspace(empty: "schema-tenants")
        var checks: [(schema: URL, instance: URL)] = []
        var names: [String] = []
        let directories = try SchemaFiles.tenantDirectories()
        #expect(directories.map(\.lastPathComponent) == ["example-prod"])
        for directory in directories {
            let load = TenantLoader.load(directory: directory.path, environment: [:])
            #expect(load.diagnostics.map(\.description) == [], "\(directory.lastPathComponent) does not load")
            for file in try SchemaFiles.files(of: directory) {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                // The modeline: the first line, naming the committed schema by a path relative to the file.
                let depth = 2 + file.split(separator: "/").count - 1
                let relative = String(repeating: "../", count: depth) + "schema/" + Self.schemaFile(for: file)
                let first = text.prefix { $0 != "\n" }
                #expect(first == "# yaml-language-server: $schema=\(relative)", "\(directory.lastPathComponent)/\(file)")
                let named = directory.appendingPathComponent(file).deletingLastPathComponent()
                    .appendingPathComponent(relative).standardizedFileURL
                #expect(named == SchemaFiles.folder.appendingPathComponent(Self.schemaFile(for: file)).standardizedFileURL)
                #expect(FileManager.default.fileExists(atPath: named.path))
                let name = "\(directory.lastPathComponent)-\(file.replacingOccurrences(of: "/", with: "-")).json"
                try scratch.write(name, SchemaFiles.json(try SchemaFiles.root(text)).compactText)
                checks.append((named, URL(fileURLWithPath: scratch.path(name))))
                names.append("\(directory.lastPathComponent)/\(file)")
            }
        }
        #expect(names == [
            "example-prod/tenant.yaml", "example-prod/customers/acme.yaml", "example-prod/customers/globex.yaml",
            "example-prod/customers/initech.yaml",
        ])
        guard let errors = try SchemaFiles.jsonschemaErrors(checks) else { return }
        for (name, found) in zip(names, errors) {
            #expect(found == [], "\(name) does not validate against its schema")
        }
    }

    /// An invalid variant of an example file: `file` with `old` replaced by `new`, the errors `tenantplan check`
    /// reports, the key paths they are at, and the `jsonschema` errors (`path keyword`).
    struct Invalid: Sendable, CustomTestStringConvertible {
        let label: String
        let file: String
        let old: String
        let new: String
        let messages: [String]
        let paths: [String]
        let keywords: [String]
        var testDescription: String { label }
    }

    static let invalid: [Invalid] = [
        Invalid(
            label: "misspelled key", file: "customers/acme.yaml", old: "  display_name: Acme Corp",
            new: "  display_nmae: Acme Corp",
            messages: [
                "customers/acme.yaml:5:3: error: unknown key 'display_nmae' in organization (expected: name, "
                    + "display_name, metadata, branding)",
            ],
            paths: ["organization.display_nmae"], keywords: ["additionalProperties"]),
        Invalid(
            label: "misspelled top-level key", file: "tenant.yaml", old: "policy:", new: "polcy:",
            messages: [
                "tenant.yaml:30:1: error: unknown key 'polcy' at the top level (expected: tenant, connections, clients, "
                    + "roles, policy)",
            ],
            paths: ["polcy"], keywords: ["additionalProperties"]),
        Invalid(
            label: "misspelled required key", file: "tenant.yaml", old: "  domain: example", new: "  domian: example",
            messages: [
                "tenant.yaml:2:1: error: missing required key 'domain' in tenant",
                "tenant.yaml:3:3: error: unknown key 'domian' in tenant (expected: domain)",
            ],
            paths: ["tenant", "tenant.domian"], keywords: ["required", "additionalProperties"]),
        Invalid(
            label: "login not one of its values", file: "customers/acme.yaml", old: "login: sso-only",
            new: "login: sso_only",
            messages: [
                "customers/acme.yaml:12:8: error: login 'sso_only' is not one of: sso-only, sso-and-password, "
                    + "password-only",
            ],
            paths: ["login"], keywords: ["enum"]),
        Invalid(
            label: "organization name pattern", file: "customers/acme.yaml", old: "  name: acme",
            new: "  name: Acme",
            messages: [
                "customers/acme.yaml:4:9: error: organization.name: 'Acme' does not match Auth0's "
                    + "organization name format (lower-case letters, digits, '-' and '_', 1 to 50 characters); did you mean 'acme'?",
            ],
            paths: ["organization.name"], keywords: ["pattern"]),
        Invalid(
            label: "ttl over Auth0's maximum", file: "customers/acme.yaml", old: "  ttl: 7d", new: "  ttl: 31d",
            messages: [
                "customers/acme.yaml:36:8: error[invitation-ttl]: organization 'acme' invitations live 31d "
                    + "(2678400 s), above Auth0's maximum of 30d (2592000 s): Auth0 rejects every invitation; set the lifetime to at most 30d",
            ],
            paths: ["invitations.ttl"], keywords: ["pattern"]),
        Invalid(
            label: "ttl_sec over Auth0's maximum", file: "customers/acme.yaml", old: "  ttl: 7d",
            new: "  ttl_sec: 2592001",
            messages: [
                "customers/acme.yaml:36:12: error[invitation-ttl]: organization 'acme' invitations live "
                    + "2592001 s, above Auth0's maximum of 30d (2592000 s): Auth0 rejects every invitation; set the lifetime to at most 30d",
            ],
            paths: ["invitations.ttl_sec"], keywords: ["maximum"]),
        Invalid(
            label: "ttl not a duration", file: "customers/acme.yaml", old: "  ttl: 7d", new: "  ttl: 7 days",
            messages: [
                "customers/acme.yaml:36:8: error: invitations.ttl '7 days' is not a duration (expected a "
                    + "positive number with s, m, h or d, e.g. 7d, 12h, 3600s)",
            ],
            paths: ["invitations.ttl"], keywords: ["pattern"]),
        Invalid(
            label: "branding colour", file: "customers/acme.yaml", old: "\"#0059d6\"", new: "\"#0059zz\"",
            messages: [
                "customers/acme.yaml:10:24: error: organization.branding.colors.primary '#0059zz' is not a "
                    + "hex colour (#rgb or #rrggbb)",
            ],
            paths: ["organization.branding.colors.primary"], keywords: ["pattern"]),
        Invalid(
            label: "logo over http", file: "customers/acme.yaml", old: "logo_url: https://", new: "logo_url: http://",
            messages: [
                "customers/acme.yaml:9:15: error: organization.branding.logo_url "
                    + "'http://cdn.example.com/acme.png' must be an https:// URL",
            ],
            paths: ["organization.branding.logo_url"], keywords: ["pattern"]),
        Invalid(
            label: "domain in capitals", file: "tenant.yaml", old: "domain: example-prod", new: "domain: Example-prod",
            messages: [
                "tenant.yaml:3:11: error: tenant.domain 'Example-prod.eu.auth0.com' must be a host name "
                    + "such as example-prod.eu.auth0.com",
            ],
            paths: ["tenant.domain"], keywords: ["pattern"]),
        Invalid(
            label: "app_type not one of Auth0's", file: "tenant.yaml", old: "app_type: regular_web", new: "app_type: web",
            messages: [
                "tenant.yaml:19:15: error: clients[0].app_type: 'web' is not one of: native, spa, "
                    + "regular_web, non_interactive, resource_server, express_configuration, rms, box, cloudbees, concur, dropbox, mscrm, echosign, egnyte, newrelic, office365, salesforce, sentry, sharepoint, slack, springcm, zendesk, zoom, sso_integration, oag",
            ],
            paths: ["clients.0.app_type"], keywords: ["enum"]),
        Invalid(
            label: "flag not a boolean", file: "customers/acme.yaml", old: "show_as_button: true",
            new: "show_as_button: yes",
            messages: [
                "customers/acme.yaml:17:21: error: expected true or false for "
                    + "connections[0].show_as_button, found 'yes'",
            ],
            paths: ["connections.0.show_as_button"], keywords: ["type"]),
        Invalid(
            label: "display name over Auth0's length", file: "customers/acme.yaml",
            old: "display_name: Acme (Entra ID)", new: "display_name: " + String(repeating: "e", count: 129),
            messages: [
                "customers/acme.yaml:22:19: error: enterprise_connections[0].display_name is 129 "
                    + "characters; Auth0 allows at most 128 characters",
            ],
            paths: ["enterprise_connections.0.display_name"], keywords: ["maxLength"]),
        Invalid(
            label: "reserved metadata key", file: "customers/acme.yaml", old: "customer_id: \"c-1042\"",
            new: "managed_by: \"c-1042\"",
            messages: [
                "customers/acme.yaml:7:5: error: organization.metadata.managed_by is reserved for "
                    + "tenantplan's ownership marker",
            ],
            paths: ["organization.metadata.managed_by"], keywords: ["propertyNames"]),
        Invalid(
            label: "unknown policy rule", file: "tenant.yaml", old: "invitation-ttl: { max: 7d }",
            new: "invitation-tll: { max: 7d }",
            messages: [
                "tenant.yaml:32:5: error: unknown rule 'invitation-tll' in policy.rules (did you mean "
                    + "'invitation-ttl'?)",
            ],
            paths: ["policy.rules.invitation-tll"], keywords: ["additionalProperties"]),
        Invalid(
            label: "rule parameter out of range", file: "tenant.yaml", old: "invitation-ttl: { max: 7d }",
            new: "invitation-ttl: { max: 31d }",
            messages: [
                "tenant.yaml:32:28: error: policy.rules.invitation-ttl.max '31d' is out of range (expected "
                    + "1s to 30d)",
            ],
            paths: ["policy.rules.invitation-ttl.max"], keywords: ["pattern"]),
    ]

    /// The example with `old` replaced by `new` in `file`: what `tenantplan check` refuses there (load errors,
    /// policy settings errors, error findings) with the key path of each, and the file's JSON written as
    /// `instance.json` in `work` for `jsonschema`.
    static func variant(_ work: CaseWorkspace, file: String, old: String, new: String) throws
        -> (refused: [Diagnostic], paths: [String], instance: URL)
    {
        try? FileManager.default.removeItem(atPath: work.path("tenant"))
        try ExampleTenant.copy(into: work)
        let original = try String(contentsOfFile: work.path("tenant/\(file)"), encoding: .utf8)
        try #require(original.components(separatedBy: old).count == 2, "'\(old)' is not in \(file) once")
        let text = original.replacingOccurrences(of: old, with: new)
        try work.write("tenant/\(file)", text)
        let load = TenantLoader.load(directory: work.path("tenant"), environment: [:])
        var refused = load.diagnostics.filter { $0.severity == .error }
        if let tenant = load.tenant {
            let report = PolicyEngine().check(tenant, today: Date(timeIntervalSince1970: 1_800_000_000))
            refused += report.settingsDiagnostics.filter { $0.severity == .error }
            refused += report.entries.map(\.diagnostic).filter { $0.severity == .error }
        }
        var keyPaths: [String: String] = [:]
        SchemaFiles.keyPaths(try SchemaFiles.root(text), into: &keyPaths)
        let paths = refused.compactMap(\.location).map { keyPaths["\($0.line):\($0.column)"] ?? "\($0)" }
        let name = "instance-\(UUID().uuidString).json"
        try work.write(name, SchemaFiles.json(try SchemaFiles.root(text)).compactText)
        return (refused, paths, URL(fileURLWithPath: work.path(name)))
    }

    @Test(arguments: invalid)
    func invalidFileFailsOnTheSameKey(_ case: Invalid) async throws {
        let work = try CaseWorkspace(empty: "schema-invalid")
        let variant = try Self.variant(work, file: `case`.file, old: `case`.old, new: `case`.new)
        #expect(variant.refused.map(\.description) == `case`.messages)
        #expect(variant.paths == `case`.paths)
        let schema = SchemaFiles.folder.appendingPathComponent(Self.schemaFile(for: `case`.file))
        guard let errors = try SchemaFiles.jsonschemaErrors([(schema, variant.instance)]) else { return }
        let expected = zip(`case`.paths, `case`.keywords).map { "\($0) \($1)" }.sorted()
        #expect(errors.first == expected)
    }

    /// Values of one kind written at one key, and the ones tenantplan accepts: the schema accepts exactly those.
    struct Neighbours: Sendable, CustomTestStringConvertible {
        let label: String
        let file: String
        let old: String
        /// The replacement, `VALUE` standing for each value.
        let new: String
        let path: String
        let values: [String]
        let accepted: [String]
        var testDescription: String { label }
    }

    static let neighbours: [Neighbours] = [
        Neighbours(
            label: "colours", file: "customers/acme.yaml", old: "\"#0059d6\"", new: "\"VALUE\"",
            path: "organization.branding.colors.primary",
            values: ["#fff", "#FFFFFF", "#0059d6", "#ffff", "#fffffff", "fff", "#ggg", "#12345", "#", "#fff "],
            accepted: ["#fff", "#FFFFFF", "#0059d6"]),
        Neighbours(
            label: "tenant domains", file: "tenant.yaml", old: "example-prod.eu.auth0.com", new: "\"VALUE\"",
            path: "tenant.domain",
            values: [
                "a.b", "example-prod.eu.auth0.com", "x1.y-2.z", "x", "-a.b", "a-.b", "a..b", "A.b", "a_b.c", "a.b.",
                ".a.b", "1.2",
            ],
            accepted: ["a.b", "example-prod.eu.auth0.com", "x1.y-2.z", "1.2"]),
        Neighbours(
            label: "https URLs", file: "customers/acme.yaml", old: "https://cdn.example.com/acme.png",
            new: "\"VALUE\"", path: "organization.branding.logo_url",
            values: ["https://x", "HTTPS://x", "Https://cdn/a.png", "https://", "http://x", "https://a b", "ftp://x", "x"],
            accepted: ["https://x", "HTTPS://x", "Https://cdn/a.png"]),
        Neighbours(
            label: "organization names", file: "customers/acme.yaml", old: "  name: acme", new: "  name: \"VALUE\"",
            path: "organization.name",
            values: [
                "acme", "a_b-c", "0", String(repeating: "a", count: 50), String(repeating: "a", count: 51), "Acme",
                "a b", "a.b", "\u{E1}cme", "",
            ],
            accepted: ["acme", "a_b-c", "0", String(repeating: "a", count: 50)]),
        Neighbours(
            label: "invitation lifetimes", file: "customers/acme.yaml", old: "  ttl: 7d", new: "  ttl: \"VALUE\"",
            path: "invitations.ttl",
            values: [
                "1s", "30d", "007d", "720h", "43200m", "2592000s", "31d", "721h", "43201m", "2592001s", "0s", "0d",
                "7", "d", "-1d", "1.5d", "7D", "7 d", "1w",
            ],
            accepted: ["1s", "30d", "007d", "720h", "43200m", "2592000s"]),
        Neighbours(
            label: "rule max parameter", file: "tenant.yaml", old: "{ max: 7d }", new: "{ max: \"VALUE\" }",
            path: "policy.rules.invitation-ttl.max",
            values: ["1s", "30d", "720h", "31d", "2592001s", "0s", "7", "7D"],
            accepted: ["1s", "30d", "720h"]),
        Neighbours(
            label: "exception dates", file: "tenant.yaml", old: "    invitation-ttl: { max: 7d }",
            new: "    invitation-ttl: { max: 7d }\n  exceptions:\n    - { rule: invitation-ttl, reason: r, expires: \"VALUE\" }",
            path: "policy.exceptions.0.expires",
            values: ["2027-02-28", "2027-2-28", "27-02-28", "2027-02-28T00:00", "2027/02/28"],
            accepted: ["2027-02-28"]),
    ]

    @Test(arguments: neighbours)
    func schemaAcceptsWhatTenantplanAccepts(_ case: Neighbours) async throws {
        let work = try CaseWorkspace(empty: "schema-neighbours")
        var loaderAccepts: [String] = []
        var instances: [(schema: URL, instance: URL)] = []
        let schema = SchemaFiles.folder.appendingPathComponent(Self.schemaFile(for: `case`.file))
        for value in `case`.values {
            let variant = try Self.variant(
                work, file: `case`.file, old: `case`.old, new: `case`.new.replacingOccurrences(of: "VALUE", with: value))
            // Refused elsewhere (a cascade) would make the comparison meaningless.
            #expect(variant.paths.allSatisfy { $0 == `case`.path }, "\(value): \(variant.refused)")
            if variant.paths.isEmpty { loaderAccepts.append(value) }
            instances.append((schema, variant.instance))
        }
        #expect(loaderAccepts == `case`.accepted)
        guard let errors = try SchemaFiles.jsonschemaErrors(instances) else { return }
        let schemaAccepts = zip(`case`.values, errors).filter { $0.1.isEmpty }.map(\.0)
        #expect(schemaAccepts == `case`.accepted)
        for (value, found) in zip(`case`.values, errors) where !found.isEmpty {
            #expect(found.allSatisfy { $0.hasPrefix(`case`.path + " ") }, "\(value): \(found)")
        }
    }
}
