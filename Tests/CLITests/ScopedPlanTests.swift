import Foundation
import JSONValues
import TenantGenerator
import Testing
import TestSupport

/// Scoped plans (issue 4): `--target organization:NAME` and `--changed-since REV` read and plan only the named
/// customers, whatever the tenant's size.
@Suite struct ScopedPlanTests {
    /// The example applied, then acme's and globex's display names and a role's description edited.
    func editedWorkspace() async throws -> CaseWorkspace {
        let work = try await ExampleTenant.applied("scoped")
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Corporation")
        try work.edit("tenant/customers/globex.yaml", line: 5, "display_name: Globex Inc")
        return work
    }

    @Test func targetPlansOnlyThatOrganization() async throws {
        let work = try await editedWorkspace()
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--target", "organization:acme"],
            environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.stdout == """
            tenantplan plan: \(work.path("tenant")) against local tenant \(work.path("live.json"))
              scoped plan: organization acme only (no destroys; a full plan shows drift elsewhere)
              read 1 organization, 1 connection, 1 client, 0 roles in 5 requests

              ~ organization "acme"                                  customers/acme.yaml:4
                  ~ display_name: "Acme Corp" -> "Acme Corporation"

            Plan: 0 to add, 1 to change, 0 to destroy.

            """)
        let live = try work.json()
        #expect(result.requests.map(\.description) == [
            "GET /api/v2/organizations/name/acme",
            "GET /api/v2/organizations/\(live.organizationID("acme"))/enabled_connections?include_totals=true&page=0&per_page=100",
            "GET /api/v2/connections?name=acme-entra&take=100",
            "GET /api/v2/connections/\(live.connectionID("acme-entra"))/clients?take=100",
            "GET /api/v2/clients?take=100",
        ])
    }

    @Test func twoTargets() async throws {
        let work = try await editedWorkspace()
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--target", "organization:globex",
             "--target", "organization:acme", "--detailed-exitcode"],
            environment: ExampleTenant.secrets)
        #expect(result.exitCode == 2)
        #expect(result.planLines.filter { $0.hasPrefix("~") || $0.hasPrefix("scoped") || $0.hasPrefix("read") } == [
            "scoped plan: organizations acme, globex only (no destroys; a full plan shows drift elsewhere)",
            "read 2 organizations, 3 connections, 1 client, 0 roles in 10 requests",
            "~ organization \"acme\"                                  customers/acme.yaml:4",
            "~ display_name: \"Acme Corp\" -> \"Acme Corporation\"",
            "~ organization \"globex\"                                customers/globex.yaml:4",
            "~ display_name: \"Globex Corporation\" -> \"Globex Inc\"",
        ])
    }

    @Test(arguments: [
        (["--target", "organization:hooli"],
         "tenantplan: error: --target organization:hooli: no customer file in TENANT declares organization hooli (see tenantplan --help)\n"),
        (["--target", "connection:acme-entra"],
         "tenantplan: error: --target takes organization:NAME, got 'connection:acme-entra' (see tenantplan --help)\n"),
        (["--target", "organization:acme", "--changed-since", "HEAD"],
         "tenantplan: error: give --target or --changed-since, not both (see tenantplan --help)\n"),
    ])
    func badScope(arguments: [String], message: String) async throws {
        let work = try CaseWorkspace(empty: "scoped-bad")
        try ExampleTenant.copy(into: work)
        try work.write("live.json", "{}")
        let result = await work.run(["plan", "tenant", "--tenant", "local:live.json"] + arguments)
        #expect(result.exitCode == 1)
        #expect(result.requests == [])
        #expect(result.stderr.replacingOccurrences(of: work.path("tenant"), with: "TENANT") == message)
    }

    // MARK: --changed-since

    /// A git repository holding the applied example, committed.
    func repository() async throws -> CaseWorkspace {
        let work = try await ExampleTenant.applied("changed-since")
        try git(work, "init", "-q")
        try git(work, "add", "tenant")
        try git(work, "-c", "user.email=test@example.invalid", "-c", "user.name=test", "commit", "-q", "-m", "example")
        return work
    }

    @Test func changedSincePlansTheChangedCustomers() async throws {
        let work = try await repository()
        try work.edit("tenant/customers/acme.yaml", line: 5, "display_name: Acme Corporation")
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.planLines.prefix(3).dropFirst() == [
            "scoped plan: organization acme only (no destroys; a full plan shows drift elsewhere)",
            "read 1 organization, 1 connection, 1 client, 0 roles in 5 requests",
        ])
        #expect(result.planLines.last == "Plan: 0 to add, 1 to change, 0 to destroy.")
    }

    @Test func nothingChangedReadsNothing() async throws {
        let work = try await repository()
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0)
        #expect(result.requests == [])
        #expect(result.planLines.prefix(3).dropFirst() == [
            "scoped plan: no customer changed (a full plan shows drift elsewhere)",
            "read 0 organizations, 0 connections, 0 clients, 0 roles in 0 requests",
        ])
    }

    @Test func tenantFileChangeMeansAFullPlan() async throws {
        let work = try await repository()
        try work.append("tenant/tenant.yaml", "# a comment")
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0)
        #expect(result.stderr == "tenantplan: note: tenant.yaml changed since HEAD: planning everything\n")
        #expect(result.planLines[1] == "read 3 organizations, 3 connections, 1 client, 2 roles in 8 requests")
    }

    @Test func removedCustomerFileMeansAFullPlan() async throws {
        let work = try await repository()
        try FileManager.default.removeItem(atPath: work.path("tenant/customers/initech.yaml"))
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.stderr == "tenantplan: note: customers/initech.yaml was removed or renamed since HEAD: planning everything\n")
        #expect(result.planLines.contains("- organization \"initech\""))
    }

    @Test func unknownRevision() async throws {
        let work = try await repository()
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "no-such-rev"],
            environment: ExampleTenant.secrets)
        #expect(result.exitCode == 1)
        #expect(result.requests == [])
        #expect(result.stderr == "tenantplan: error: --changed-since no-such-rev: 'no-such-rev' is not a commit of the "
            + "git repository of \(work.path("tenant")) (a shallow clone lacks the history: fetch it, e.g. "
            + "actions/checkout with fetch-depth: 0)\n")
    }

    @Test func notAGitRepository() async throws {
        let work = try await ExampleTenant.applied("changed-since-no-git")
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 1)
        #expect(result.requests == [])
        #expect(result.stderr == "tenantplan: error: --changed-since HEAD: \(work.path("tenant")) is not inside a git "
            + "repository\n")
    }

    /// Found by a new user: a revision starting with '-' reached git as an option (`--output=FILE` wrote a file).
    @Test(arguments: ["--output=written-by-git", "--", "-p"])
    func revisionThatLooksLikeAnOption(revision: String) async throws {
        let work = try await repository()
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since=\(revision)"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 1)
        #expect(result.requests == [])
        #expect(result.stderr == "tenantplan: error: --changed-since takes a git revision (a commit, branch or tag), "
            + "got '\(revision)' (see tenantplan --help)\n")
        #expect(!FileManager.default.fileExists(atPath: work.path("written-by-git")))
        #expect(!FileManager.default.fileExists(atPath: work.path("tenant/written-by-git")))
    }

    /// Found by the second new-user pass: renaming the organization (or its connection) inside the file left the old
    /// one behind, planned as a scoped create of the new name only.
    @Test(arguments: [
        (4, "  name: acme-renamed", "organization \"acme\"", 7),  // the renamed one does not exist: no links to read
        (20, "  - name: acme-entra-v2", "connection \"acme-entra\"", 8),
    ])
    func nameChangedInsideTheFileMeansAFullPlan(line: Int, text: String, gone: String, requests: Int) async throws {
        let work = try await repository()
        var lines = try String(contentsOfFile: work.path("tenant/customers/acme.yaml"), encoding: .utf8)
            .components(separatedBy: "\n")
        #expect(lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix(text.trimmingCharacters(in: .whitespaces).components(separatedBy: ":")[0]))
        lines[line - 1] = text
        if line == 20 {  // the connection is referenced twice more: connections: and invitations:
            lines = lines.map { $0.hasSuffix(": acme-entra") ? $0.replacingOccurrences(of: "acme-entra", with: "acme-entra-v2") : $0 }
        }
        try work.write("tenant/customers/acme.yaml", lines.joined(separator: "\n"))
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD"], environment: ExampleTenant.secrets)
        #expect(result.stderr == "tenantplan: note: customers/acme.yaml no longer declares \(gone) (it did at HEAD): "
            + "planning everything\n")
        #expect(result.planLines[1] == "read 3 organizations, 3 connections, 1 client, 2 roles in \(requests) requests")
        #expect(result.planLines.contains { $0.hasPrefix("- ") && $0.contains(gone) })
    }

    /// Found by a new user: a customer file renamed and committed was planned as the new name only.
    @Test func renamedCustomerFileMeansAFullPlan() async throws {
        let work = try await repository()
        try git(work, "mv", "tenant/customers/initech.yaml", "tenant/customers/initech-renamed.yaml")
        try git(work, "-c", "user.email=test@example.invalid", "-c", "user.name=test", "commit", "-q", "-m", "rename")
        let result = await work.run(
            ["plan", "tenant", "--tenant", "local:live.json", "--changed-since", "HEAD~1"], environment: ExampleTenant.secrets)
        #expect(result.exitCode == 0)
        #expect(result.stderr
            == "tenantplan: note: customers/initech.yaml was removed or renamed since HEAD~1: planning everything\n")
        #expect(result.planLines[1] == "read 3 organizations, 3 connections, 1 client, 2 roles in 8 requests")
    }

    /// Issue 4: at most 3 requests per changed customer plus 5, whatever the tenant's size.
    @Test func requestBoundOnTwoThousandCustomers() async throws {
        let work = try CaseWorkspace(empty: "scoped-2000")
        let generated = try await generate(n: 2_000, into: work.root)
        try git(work, "init", "-q")
        try git(work, "add", "tenant")
        try git(work, "-c", "user.email=test@example.invalid", "-c", "user.name=test", "commit", "-q", "-m", "generated")
        for i in [7, 1_000, 1_999] {
            try work.edit("tenant/customers/customer-\(i).yaml", line: 4, "display_name: Customer \(i) Group")
        }
        let result = await work.run(
            ["plan", generated.directory, "--tenant", "local:live.json", "--changed-since", "HEAD"],
            environment: secretsEnvironment(2_000))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.requests.count == 13)
        #expect(result.requests.count <= 3 * 3 + 5)
        #expect(result.planLines[1] == "scoped plan: organizations customer-1000, customer-1999, customer-7 only (no destroys; a full plan shows drift elsewhere)")
        #expect(result.planLines[2] == "read 3 organizations, 3 connections, 1 client, 0 roles in 13 requests")
        #expect(result.planLines.last == "Plan: 0 to add, 3 to change, 0 to destroy.")
    }

    func git(_ work: CaseWorkspace, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", work.root.path] + arguments
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }
}
