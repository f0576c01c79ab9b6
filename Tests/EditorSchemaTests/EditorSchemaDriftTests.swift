import CLI
import EditorSchema
import Foundation
import Testing
import TestSupport

/// The committed `schema/*.schema.json` are what the code generates, and `tenantplan schema` writes and prints
/// them. After a change to the loader's layouts, `scripts/update-schema` refreshes the committed files.
@Suite struct EditorSchemaDriftTests {
    @Test("the committed schema equals the generated one", arguments: EditorSchema.all.map(\.fileName))
    func committedSchemaIsCurrent(_ fileName: String) throws {
        let entry = try #require(EditorSchema.all.first { $0.fileName == fileName })
        let committed = try String(
            contentsOf: SchemaFiles.folder.appendingPathComponent(fileName), encoding: .utf8)
        #expect(
            committed == EditorSchema.text(entry.schema()),
            "schema/\(fileName) differs from what the loader's layouts generate: run scripts/update-schema")
    }

    @Test func schemaOutWritesBothFiles() async throws {
        let work = try CaseWorkspace(empty: "schema-out")
        let result = await work.run(["schema", "--out", work.path("editor/schemas")])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            wrote \(work.path("editor/schemas"))/tenant.schema.json
            wrote \(work.path("editor/schemas"))/customer.schema.json

            """)
        for entry in EditorSchema.all {
            let written = try String(contentsOfFile: work.path("editor/schemas/\(entry.fileName)"), encoding: .utf8)
            #expect(written == EditorSchema.text(entry.schema()))
        }
    }

    /// Runs `tenantplan ARGS` in process (not through `CaseWorkspace.run`, which makes the word `tenant` a path).
    static func run(_ arguments: [String]) async -> (exitCode: Int32, stdout: String, stderr: String) {
        let stdout = TextBuffer()
        let stderr = TextBuffer()
        let context = CommandContext(
            environment: [:], stdout: stdout, stderr: stderr,
            openTenant: { _ in throw CLIError.unsupported("no tenant in these tests") })
        let code = await TenantplanCLI.run(arguments, context: context)
        return (code, stdout.text, stderr.text)
    }

    @Test(arguments: ["tenant", "customer"])
    func schemaNamePrintsThatSchema(_ name: String) async throws {
        let result = await Self.run(["schema", name])
        let entry = try #require(EditorSchema.all.first { $0.name == name })
        #expect(result.exitCode == 0)
        #expect(result.stdout == EditorSchema.text(entry.schema()))
        #expect(result.stderr == "")
    }

    @Test func schemaNameWithOutWritesOnlyThatOne() async throws {
        let work = try CaseWorkspace(empty: "schema-one")
        let result = await work.run(["schema", "customer", "--out", work.path("s")])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "wrote \(work.path("s"))/customer.schema.json\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path("s")) == ["customer.schema.json"])
    }

    @Test(arguments: [
        ([], "tenantplan: error: schema needs the schema to print (tenant or customer) or --out DIR to write both "
            + "(see tenantplan --help)\n"),
        (["tenants"], "tenantplan: error: unknown schema 'tenants' (expected: tenant, customer) (see tenantplan --help)\n"),
        (["tenant", "customer"], "tenantplan: error: schema takes one schema name (tenant or customer), got tenant "
            + "customer (see tenantplan --help)\n"),
        (["tenant", "--out"], "tenantplan: error: --out needs a value (see tenantplan --help)\n"),
        (["--out", ""], "tenantplan: error: --out needs a directory (see tenantplan --help)\n"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) async throws {
        let result = await Self.run(["schema"] + arguments)
        #expect(result.exitCode == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }

    @Test func outThatIsAFileIsRefused() async throws {
        let work = try CaseWorkspace(empty: "schema-file")
        try work.write("taken", "not a folder\n")
        let result = await Self.run(["schema", "--out", work.path("taken")])
        #expect(result.exitCode == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "tenantplan: error: cannot write the schema into '\(work.path("taken"))': it is not a folder\n")
        #expect(try String(contentsOfFile: work.path("taken"), encoding: .utf8) == "not a folder\n")
    }

    @Test func schemaHelpIsItsOwnUsage() async throws {
        let result = await Self.run(["schema", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            usage: tenantplan schema tenant|customer
                   tenantplan schema [tenant|customer] --out DIR

            Print the JSON Schema (draft 2020-12) of tenant.yaml or of a customer file, or write both as
            DIR/tenant.schema.json and DIR/customer.schema.json. Editors validate and complete YAML with them
            (docs/editor.md). No network. Exit 0 written, 1 error.

            options:
              --out DIR                 write into DIR (created if missing) instead of printing
              --no-color                no colour (also: NO_COLOR set, or output not a terminal)
              -h, --help                this help

            """)
    }
}
