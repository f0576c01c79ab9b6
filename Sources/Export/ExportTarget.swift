import Foundation

/// The directory an export is written to, and the rule for writing into it.
///
/// `--out` may name a directory that does not exist (it is created, with its parents), an empty one, or one that
/// holds only hidden entries (`.git`, `.tenantplan/`, …). Any other entry makes the export stop before reading
/// the tenant, unless `--force` is given: then `tenant.yaml` is replaced, `customers/*.yaml` and `*.yml` that the
/// export does not write again are removed (organizations deleted since the last export), and everything else
/// is left as it is. Files are written whole through a temporary file and a rename.
struct ExportTarget {
    /// `--out` as given.
    let path: String
    /// `--force`.
    let force: Bool

    /// Checks the directory can be written to under the rule above.
    /// - Throws: ``ExportError/outputIsFile(_:)``, ``ExportError/outputNotEmpty(_:entries:)``,
    ///   ``ExportError/outputBlocked(_:)``.
    func check() throws {
        guard let isDirectory = Self.kind(path) else { return }
        guard isDirectory else { throw ExportError.outputIsFile(path) }
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        guard !visible.isEmpty else { return }
        guard force else { throw ExportError.outputNotEmpty(path, entries: visible) }
        if Self.kind(file("tenant.yaml")) == true { throw ExportError.outputBlocked(file("tenant.yaml")) }
        if Self.kind(file("customers")) == false { throw ExportError.outputBlocked(file("customers")) }
    }

    /// Writes the files (paths relative to the directory) and removes stale customer files.
    /// - Returns: The customer files removed, relative paths, sorted.
    /// - Throws: ``ExportError/writeFailed(path:reason:)``.
    func write(_ files: [(path: String, text: String)]) throws -> [String] {
        let customers = file("customers")
        do {
            try FileManager.default.createDirectory(atPath: customers, withIntermediateDirectories: true)
        } catch {
            throw ExportError.writeFailed(path: customers, reason: error.localizedDescription)
        }
        let writing = Set(files.map(\.path))
        let stale = ((try? FileManager.default.contentsOfDirectory(atPath: customers)) ?? []).filter {
            !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
                && Self.kind(file("customers/\($0)")) == false && !writing.contains("customers/\($0)")
        }.sorted().map { "customers/\($0)" }
        for relative in stale {
            do { try FileManager.default.removeItem(atPath: file(relative)) } catch {
                throw ExportError.writeFailed(path: file(relative), reason: error.localizedDescription)
            }
        }
        for (relative, text) in files {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: file(relative)), options: .atomic)
            } catch {
                throw ExportError.writeFailed(path: file(relative), reason: error.localizedDescription)
            }
        }
        return stale
    }

    /// `relative` inside the directory, as the user would type it.
    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// `true` for a directory, `false` for anything else that exists, `nil` when nothing is there.
    private static func kind(_ path: String) -> Bool? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue
    }
}
