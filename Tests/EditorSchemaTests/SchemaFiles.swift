import Foundation
import JSONValues
import Testing
import YAML

/// The repository's committed schemas and tenant directories, and the tools the schema tests share: a YAML file
/// as the JSON an editor validates, the key path of every node, and Python's `jsonschema` run over instances.
enum SchemaFiles {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed schemas: `schema/`.
    static let folder = repository.appendingPathComponent("schema")

    /// Every tenant directory of the repository: the folders of `tenants/`.
    static func tenantDirectories() throws -> [URL] {
        let tenants = repository.appendingPathComponent("tenants")
        return try FileManager.default.contentsOfDirectory(atPath: tenants.path).sorted()
            .map { tenants.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
    }

    /// The YAML files of a tenant directory (relative paths): `tenant.yaml`, then the customer files, sorted.
    static func files(of directory: URL) throws -> [String] {
        let customers = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("customers").path)
        return ["tenant.yaml"]
            + customers.filter { $0.lowercased().hasSuffix(".yaml") || $0.lowercased().hasSuffix(".yml") }.sorted()
            .map { "customers/\($0)" }
    }

    /// The parsed document of `text`.
    static func root(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(Data(text.utf8)).root)
    }

    /// The JSON value an editor's YAML 1.2 (core schema) reading gives: plain `true`/`false`, numbers and null
    /// resolved, quoted scalars strings.
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let text, let style):
            guard style == .plain, node.tag == nil else { return .string(text) }
            if node.isNull { return .null }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            if let number = Int(text) { return .int(number) }
            if let number = Double(text), text.contains(where: \.isNumber) { return .double(number) }
            return .string(text)
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let pairs):
            return .object(Dictionary(pairs.map { ($0.keyText, json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The key path (`organization.name`, `connections.0.show_as_button`) of every key and value node, by the
    /// line and column it starts at: what a loader diagnostic's location names.
    static func keyPaths(_ node: YAMLNode, _ path: [String] = [], into paths: inout [String: String]) {
        let here = path.joined(separator: ".")
        paths["\(node.mark.line):\(node.mark.column)"] = paths["\(node.mark.line):\(node.mark.column)"] ?? here
        switch node.content {
        case .scalar: break
        case .sequence(let items):
            for (index, item) in items.enumerated() { keyPaths(item, path + ["\(index)"], into: &paths) }
        case .mapping(let pairs):
            for pair in pairs {
                paths["\(pair.key.mark.line):\(pair.key.mark.column)"] = (path + [pair.keyText]).joined(separator: ".")
                keyPaths(pair.value, path + [pair.keyText], into: &paths)
            }
        }
    }

    /// Stands for the draft 2020-12 metaschema (`jsonschema`'s own copy) as the schema of a check.
    static let metaschema = URL(fileURLWithPath: "/draft-2020-12")

    /// Validates instances with Python's `jsonschema` (Draft 2020-12).
    /// - Parameter checks: Pairs of a schema file (or ``metaschema``) and an instance file (JSON).
    /// - Returns: Per check, its errors as `path keyword` lines sorted, the path naming the offending key: an
    ///   unexpected key (`additionalProperties`) or a refused key name (`propertyNames`) is appended to the
    ///   mapping's path. `nil` when python3 or its `jsonschema` module is missing (the test then records why and
    ///   stops).
    static func jsonschemaErrors(_ checks: [(schema: URL, instance: URL)]) throws -> [[String]]? {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("python3 has no jsonschema module: install it (scripts/test does: pip or python3-jsonschema)")
                sys.exit(3)
            args = sys.argv[1:]
            for schema_path, instance_path in zip(args[0::2], args[1::2]):
                if schema_path == "/draft-2020-12":
                    schema = jsonschema.Draft202012Validator.META_SCHEMA
                else:
                    schema = json.load(open(schema_path))
                validator = jsonschema.Draft202012Validator(schema)
                lines = []
                for error in validator.iter_errors(json.load(open(instance_path))):
                    path = [str(p) for p in error.absolute_path]
                    if error.validator == "additionalProperties":
                        known = error.schema.get("properties", {})
                        for name in error.instance:
                            if name not in known:
                                lines.append(".".join(path + [name]) + " " + error.validator)
                        continue
                    if "propertyNames" in error.absolute_schema_path:
                        path.append(str(error.instance))
                        lines.append(".".join(path) + " propertyNames")
                        continue
                    lines.append(".".join(path) + " " + error.validator)
                print("\\t".join(sorted(lines)))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + checks.flatMap { [$0.schema.path, $0.instance.path] }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 (\(error)): the schema tests need python3 with the jsonschema module")
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        switch process.terminationStatus {
        case 0: break
        case 127:
            Issue.record("python3 is not installed: the schema tests need it, with the jsonschema module")
            return nil
        case 3:
            Issue.record(Comment(rawValue: output))
            return nil
        default:
            Issue.record("python3 jsonschema failed: \(output)")
            return nil
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(lines.count == checks.count, "unexpected output: \(output)")
        return lines.map { $0.isEmpty ? [] : $0.split(separator: "\t").map(String.init) }
    }
}
