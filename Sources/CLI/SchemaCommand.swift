import EditorSchema
import Foundation
import TerminalText

/// `tenantplan schema [tenant|customer] [--out DIR]`: the JSON Schemas (draft 2020-12) editors validate tenant
/// files with (``EditorSchema``; docs/editor.md).
///
/// - `schema tenant` / `schema customer`: that schema on stdout.
/// - `schema --out DIR`: both, as `DIR/tenant.schema.json` and `DIR/customer.schema.json` (DIR is created; files
///   there are replaced), and a line per file on stdout. With a name as well, only that one.
/// - neither: a usage error (exit 1), so a script never gets two schemas run together on stdout.
/// Errors are escaped for the terminal where ``TenantplanCLI`` prints them; the paths written are escaped here.
enum SchemaCommand {
    static func run(_ arguments: [String], context: CommandContext) async throws -> Int32 {
        let args = try Arguments(arguments, flags: [], options: ["out"])
        let names = EditorSchema.all.map(\.name)
        guard args.positional.count <= 1 else {
            throw CLIError.usage("schema takes one schema name (\(names.joined(separator: " or "))), got "
                + args.positional.joined(separator: " "))
        }
        var chosen = EditorSchema.all
        if let name = args.positional.first {
            chosen = chosen.filter { $0.name == name }
            guard !chosen.isEmpty else {
                throw CLIError.usage("unknown schema '\(name)' (expected: \(names.joined(separator: ", ")))")
            }
        }
        guard let out = args.option("out") else {
            guard let one = chosen.first, chosen.count == 1 else {
                throw CLIError.usage(
                    "schema needs the schema to print (\(names.joined(separator: " or "))) or --out DIR to write both")
            }
            context.stdout.write(EditorSchema.text(one.schema()))
            return ExitCode.success
        }
        guard !out.isEmpty else { throw CLIError.usage("--out needs a directory") }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw CLIError.unsupported("cannot write the schema into '\(out)': it is not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for entry in chosen {
                let path = folder.appendingPathComponent(entry.fileName)
                try Data(EditorSchema.text(entry.schema()).utf8).write(to: path, options: .atomic)
                context.stdout.write("wrote \(TerminalText.escaped((out as NSString).appendingPathComponent(entry.fileName)))\n")
            }
        } catch {
            throw CLIError.unsupported("cannot write the schema into '\(out)': \(error.localizedDescription)")
        }
        return ExitCode.success
    }
}
