import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a local tenant file lives in, and how files are written there.
///
/// The default local tenant is `DIR/.tenantplan/local-tenant.json` (docs/decisions.md, "The local tenant"); after
/// an apply it holds the connection secrets. The `.tenantplan` folder therefore carries its own `.gitignore`
/// holding `*`, so git ignores everything in it (the `.gitignore` included) in whatever repository the tenant
/// directory is in (https://git-scm.com/docs/gitignore).
enum LocalTenantFolder {
    /// The folder name tenantplan owns: a `.gitignore` is written in a folder of this name only, never in a folder
    /// a user named with `--tenant local:PATH`.
    static let ownedFolderName = ".tenantplan"

    /// The content of the `.gitignore` written in the `.tenantplan` folder.
    static let gitignore = "# Written by tenantplan: the local tenant holds secrets; git ignores this folder.\n*\n"

    /// Creates the folder of the tenant file `path` (owner-only, `0700`, with its parents) if it is missing, and,
    /// when the folder is named `.tenantplan`, writes its `.gitignore` if that is missing (an existing one is
    /// left as it is).
    /// - Throws: ``LocalTenantError/io(path:reason:)`` when the folder or the `.gitignore` cannot be created.
    static func prepare(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LocalTenantError.io(path: path, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        guard folder.lastPathComponent == ownedFolderName else { return }
        let name = folder.appendingPathComponent(".gitignore").path
        let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            // Present already (a file, or a link the user made): kept.
            if errno == EEXIST || errno == ELOOP { return }
            throw LocalTenantError.io(path: path, reason: "cannot write \(name): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(gitignore.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw LocalTenantError.io(path: path, reason: "cannot write \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` as a complete, synced, owner-only (`0600`) file named `temporary` and returns its identity
    /// (``LocalTenantJournal/identity(of:)``). On Linux the bytes are written to an anonymous file
    /// (`open(folder, O_TMPFILE)`) that gets its name (`linkat` through `/proc/self/fd`) only once it is complete,
    /// so a writer killed meanwhile leaves no file with a name; where anonymous files are not supported (the
    /// filesystem, or `/proc` not mounted) the file is written under its name.
    /// - Throws: ``LocalTenantError/io(path:reason:)``; nothing named `temporary` is left then.
    static func writeComplete(_ data: Data, as temporary: String, for path: String) throws -> String {
        unlink(temporary)
        if let identity = try writeAnonymous(data, as: temporary, for: path) { return identity }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LocalTenantError.io(path: path, reason: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        do {
            let identity = try fill(descriptor, with: data, path: path)
            close(descriptor)
            return identity
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    /// The anonymous-file write of ``writeComplete(_:as:for:)``; `nil` when this system cannot make one.
    static func writeAnonymous(_ data: Data, as temporary: String, for path: String) throws -> String? {
        #if os(Linux)
            let folder = URL(fileURLWithPath: temporary).deletingLastPathComponent().path
            let descriptor = open(folder, anonymousFileFlags | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return nil }  // EOPNOTSUPP, EISDIR (older kernels), EINVAL: not here
            defer { close(descriptor) }
            let identity = try fill(descriptor, with: data, path: path)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                if errno == ENOENT, access("/proc/self/fd", F_OK) != 0 { return nil }  // no /proc: named instead
                throw LocalTenantError.io(
                    path: path, reason: "cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            return identity
        #else
            return nil
        #endif
    }

    #if os(Linux)
        /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`; the C macro does not import into Swift).
        static var anonymousFileFlags: Int32 {
            #if arch(x86_64) || arch(i386)
                return 0o20_000_000 | 0o200_000
            #elseif arch(arm64) || arch(arm)
                return 0o20_000_000 | 0o40_000
            #else
                return 0o20_000_000 | O_DIRECTORY
            #endif
        }
    #endif

    /// Writes all of `data` to `descriptor`, `fsync`s and returns the file's identity.
    private static func fill(_ descriptor: Int32, with data: Data, path: String) throws -> String {
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw LocalTenantError.io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        return LocalTenantJournal.identity(of: descriptor)
    }
}
