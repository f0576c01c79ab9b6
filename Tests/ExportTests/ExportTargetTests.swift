import Foundation
import Testing
import TestSupport

/// Where `export` may write, and the errors that stop it before anything is read or written.
@Suite struct ExportTargetTests {
    @Test func nonEmptyOutputIsRefused() async throws {
        let work = try await ExampleExport.applied()
        try work.write("out/README.md", "notes\n")
        try work.write("out/tenant.yaml", "tenant:\n  domain: hand-written.eu.auth0.com\n")
        try work.write("out/.git/HEAD", "ref\n")
        let before = try ExampleExport.files(work, "out")

        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 1)
        #expect(export.stdout == "")
        #expect(ExampleExport.relative(export.stderr, work) == """
            tenantplan: error: --out $WORK/out is not empty (README.md, tenant.yaml); export writes into a new or \
            empty directory, or pass --force to replace tenant.yaml and customers/*.yaml there; nothing was read or \
            written

            """)
        #expect(export.requests == [])
        #expect(try ExampleExport.files(work, "out") == before)
    }

    @Test func outputThatIsAFileIsRefused() async throws {
        let work = try await ExampleExport.applied()
        try work.write("out", "a file\n")
        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 1)
        #expect(export.stdout == "")
        #expect(ExampleExport.relative(export.stderr, work) == """
            tenantplan: error: --out $WORK/out is a file; give a directory to export into

            """)
        #expect(export.requests == [])
        #expect(try ExampleExport.text(work, "out") == "a file\n")
    }

    @Test func missingOutIsAUsageError() async throws {
        let work = try await ExampleExport.applied()
        let export = await work.run(["export", "tenant", "--tenant", "local:live.json"])
        #expect(export.exitCode == 1)
        #expect(export.stderr == """
            tenantplan: error: export needs --out OUTDIR, the directory to write the tenant into (see tenantplan --help)

            """)
    }

    /// Hidden entries (a repository's `.git`, the default local tenant's `.tenantplan/`) do not count.
    @Test func directoryWithOnlyHiddenEntriesIsWritten() async throws {
        let work = try await ExampleExport.applied()
        try work.write("out/.gitkeep", "")
        let export = await work.run(["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(export.exitCode == 0)
        #expect(try ExampleExport.files(work, "out").keys.sorted() == [
            ".gitkeep", "customers/acme.yaml", "customers/globex.yaml", "customers/initech.yaml", "tenant.yaml",
        ])
    }

    /// `--force` replaces tenant.yaml, removes customer files of organizations that no longer exist, and leaves
    /// everything else alone.
    @Test func forceReplacesAPreviousExport() async throws {
        let work = try await ExampleExport.applied()
        try work.write("out/README.md", "notes\n")
        try work.write("out/tenant.yaml", "tenant:\n  domain: old.eu.auth0.com\n")
        try work.write("out/customers/umbrella.yaml", "organization:\n  name: umbrella\nlogin: password-only\n")
        try work.write("out/customers/acme.yml", "organization:\n  name: acme\nlogin: password-only\n")
        try work.write("out/customers/notes.txt", "kept\n")

        let export = await work.run(
            ["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json", "--force"])
        #expect(export.exitCode == 0)
        #expect(ExampleExport.relative(export.stdout, work) == """
            tenantplan export: local tenant $WORK/live.json -> $WORK/out
              read 3 organizations, 3 connections, 1 client, 2 roles in 8 requests
              tenant.domain: example-prod.eu.auth0.com (from $WORK/tenant/tenant.yaml)
              wrote $WORK/out/tenant.yaml (1 shared connection, 1 client, 2 roles) and 3 customer files (2 enterprise connections)
              removed $WORK/out/customers/acme.yml (no such organization)
              removed $WORK/out/customers/umbrella.yaml (no such organization)

            """)
        #expect(try ExampleExport.files(work, "out").keys.sorted() == [
            "README.md", "customers/acme.yaml", "customers/globex.yaml", "customers/initech.yaml",
            "customers/notes.txt", "tenant.yaml",
        ])
        #expect(try ExampleExport.text(work, "out/tenant.yaml") == ExportRoundTripTests.tenantFile)
        #expect(try ExampleExport.text(work, "out/README.md") == "notes\n")
    }

    @Test func forceRefusesAFolderInPlaceOfTenantFile() async throws {
        let work = try await ExampleExport.applied()
        try work.write("out/tenant.yaml/x", "")
        let export = await work.run(
            ["export", "tenant", "--out", work.path("out"), "--tenant", "local:live.json", "--force"])
        #expect(export.exitCode == 1)
        #expect(ExampleExport.relative(export.stderr, work) == """
            tenantplan: error: cannot write the export: $WORK/out/tenant.yaml is in the way (tenant.yaml must be a \
            file, customers a directory); nothing was written

            """)
        #expect(export.requests == [])
    }

    @Test func domainComesFromTheOptionWithoutATenantFile() async throws {
        let work = try await ExampleExport.applied()
        let unknown = await work.run(["export", work.path("nowhere"), "--out", work.path("out"), "--tenant", "local:live.json"])
        #expect(unknown.exitCode == 1)
        #expect(ExampleExport.relative(unknown.stderr, work) == """
            tenantplan: error: export needs the tenant's domain for tenant.domain: a local tenant does not know it, \
            and $WORK/nowhere/tenant.yaml does not name one; pass --domain HOST (e.g. example-prod.eu.auth0.com)

            """)
        #expect(unknown.requests == [])
        #expect(!FileManager.default.fileExists(atPath: work.path("out")))

        let invalid = await work.run(
            ["export", work.path("nowhere"), "--out", work.path("out"), "--tenant", "local:live.json",
             "--domain", "not a host"])
        #expect(invalid.exitCode == 1)
        #expect(invalid.stderr == """
            tenantplan: error: --domain 'not a host' is not a host name such as example-prod.eu.auth0.com

            """)

        let named = await work.run(
            ["export", work.path("nowhere"), "--out", work.path("out"), "--tenant", "local:live.json",
             "--domain", "Staging.EU.auth0.com"])
        #expect(named.exitCode == 0)
        #expect(named.stdout.contains("\n  tenant.domain: staging.eu.auth0.com (from --domain)\n"))
        #expect(try ExampleExport.text(work, "out/tenant.yaml").hasPrefix("tenant:\n  domain: staging.eu.auth0.com\n"))
    }

    /// A missing local tenant is an empty tenant (as for plan): every list is written empty, and planning the
    /// export against it changes nothing.
    @Test func emptyTenantExportsEmptyLists() async throws {
        let work = try CaseWorkspace(empty: "export-empty")
        let export = await work.run(
            ["export", "--out", work.path("out"), "--tenant", "local:live.json", "--domain", "empty.eu.auth0.com"])
        #expect(export.exitCode == 0)
        #expect(ExampleExport.relative(export.stderr, work) == """
            tenantplan: note: local tenant $WORK/live.json does not exist yet: starting from an empty tenant (apply creates the file)

            """)
        #expect(try ExampleExport.files(work, "out").keys.sorted() == ["tenant.yaml"])
        #expect(try ExampleExport.text(work, "out/tenant.yaml") == """
            tenant:
              domain: empty.eu.auth0.com
            connections: []
            clients: []
            roles: []

            """)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: work.path("out/customers"), isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        let plan = await work.run(["plan", work.path("out"), "--tenant", "local:live.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 0)
        #expect(plan.stdout.hasSuffix("Plan: 0 to add, 0 to change, 0 to destroy.\n"))
    }
}
