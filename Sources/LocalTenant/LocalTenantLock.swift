import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a local tenant file, held by a command that writes it (`apply`, `invite`,
/// `invitations --revoke-expired`) from before it reads the file until it exits, so two writers never both read
/// the same state and overwrite each other's changes (docs/decisions.md, "The local tenant").
///
/// The lock is `flock(2)` on `FILE.lock` next to the tenant file (created owner-only, `0600`, and left in place):
/// the kernel releases it when the process ends, however it ends, so a killed writer never leaves the file locked.
/// Readers (`plan`, `export`, `invitations` without `--revoke-expired`) take no lock: the file is replaced by a
/// rename, so a reader sees the old file or the new one, never half of one.
///
/// Acquiring it also removes a temporary copy a killed writer left behind (``temporaryPath(for:)``, and the
/// `FILE.tmp-PID` copies of earlier versions): such a copy holds every connection secret. Saves write the copy
/// without a name first (``LocalTenantFolder``), so one is left only where the filesystem has no anonymous files;
/// readers remove it too when no writer holds the lock (``removeStaleCopiesIfIdle(of:)``).
///
/// Releasing it (``release()``, or deinitialising the value) first saves every ``LocalTenant`` this process opened
/// on the file whole and removes its journal (``LocalTenantStore``), so that the file alone holds the tenant
/// whenever no writer holds the lock.
public final class LocalTenantLock: Sendable {
    /// How long a writer waits for another to finish before giving up, in seconds, unless told otherwise.
    public static let defaultTimeout: Double = 30

    /// The tenant file the lock is for.
    public let path: String
    private let descriptor: Mutex<Int32?>

    /// Actions to run before the lock on a file is released, by the file's standardized path.
    private static let beforeRelease = Mutex<[String: [@Sendable () -> Void]]>([:])
    /// The standardized paths whose lock this process holds.
    private static let held = Mutex<Set<String>>([])

    private static func key(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// Runs `action` before this process releases its lock on `path`, if it holds that lock now; otherwise nothing.
    static func whenReleased(path: String, _ action: @escaping @Sendable () -> Void) {
        let key = key(path)
        guard held.withLock({ $0.contains(key) }) else { return }
        beforeRelease.withLock { $0[key, default: []].append(action) }
    }

    /// True when this process holds the lock on `path`.
    static func isHeld(path: String) -> Bool { held.withLock { $0.contains(key(path)) } }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// The lock file of a tenant file: `FILE.lock`.
    public static func lockPath(for path: String) -> String { path + ".lock" }

    /// The one temporary file a save writes before renaming it over the tenant file: `.FILE.tmp` in the same
    /// folder (owner-only), a fixed name so that an interrupted save is found and removed by the next writer.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp").path
    }

    /// Takes the exclusive lock on the tenant file at `path`, creating its folder (owner-only) if needed, with the
    /// `.gitignore` of a `.tenantplan` folder (``LocalTenantFolder/prepare(for:)``).
    /// - Parameters:
    ///   - path: The local tenant file (it need not exist yet).
    ///   - timeout: Seconds to wait while another process holds the lock (``defaultTimeout`` by default).
    ///   - waiting: Called once, with `waiting for the lock on FILE (held by another tenantplan process)...`, when
    ///     the lock is held by another process and this call starts to wait.
    /// - Returns: The held lock.
    /// - Throws: ``LocalTenantError/locked(path:seconds:)`` after `timeout` seconds; ``LocalTenantError/io(path:reason:)``
    ///   when the lock file cannot be created.
    public static func acquire(
        path: String, timeout: Double = defaultTimeout, waiting: (String) -> Void = { _ in }
    ) throws -> LocalTenantLock {
        try LocalTenantFolder.prepare(for: path)
        let lockFile = lockPath(for: path)
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LocalTenantError.io(path: path, reason: "cannot open \(lockFile): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(descriptor)
                throw LocalTenantError.io(path: path, reason: "cannot lock \(lockFile): \(String(cString: strerror(error)))")
            }
            if !announced {
                waiting("waiting for the lock on \(path) (held by another tenantplan process)...")
                announced = true
            }
            guard Date() < deadline else {
                close(descriptor)
                throw LocalTenantError.locked(path: path, seconds: timeout)
            }
            usleep(50_000)
        }
        removeStaleCopies(of: path)
        held.withLock { _ = $0.insert(key(path)) }
        return LocalTenantLock(path: path, descriptor: descriptor)
    }

    /// Saves the local tenants opened on the file under this lock (see above), then releases the lock (closing the
    /// lock file); calling it again does nothing.
    public func release() {
        descriptor.withLock { descriptor in
            guard let held = descriptor else { return }
            let key = Self.key(path)
            for action in Self.beforeRelease.withLock({ $0.removeValue(forKey: key) ?? [] }) { action() }
            _ = Self.held.withLock { $0.remove(key) }
            flock(held, LOCK_UN)
            close(held)
            descriptor = nil
        }
    }

    /// Removes the copies ``removeStaleCopies(of:)`` names when no writer holds the lock now: for commands that
    /// take no lock (`plan`, `export`), which open the tenant file to read it. The lock file must exist already
    /// (a reader never creates it); the lock is tried without waiting and released at once, so a save in
    /// progress (which holds the lock) is never touched and a reader never waits.
    static func removeStaleCopiesIfIdle(of path: String) {
        guard access(temporaryPath(for: path), F_OK) == 0 else { return }
        let descriptor = open(lockPath(for: path), O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return }
        removeStaleCopies(of: path)
        flock(descriptor, LOCK_UN)
    }

    /// Removes ``temporaryPath(for:)`` and `FILE.tmp-PID` copies of earlier versions: left by a writer that was
    /// killed between writing and renaming; only ever removed under the lock.
    static func removeStaleCopies(of path: String) {
        unlink(temporaryPath(for: path))
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + ".tmp-"
        let folder = url.deletingLastPathComponent().path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && !name.dropFirst(prefix.count).isEmpty
            && name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }
}
