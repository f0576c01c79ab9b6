import Foundation
import JSONValues
import ManagementAPI

/// The embedded local tenant: an in-process implementation of the Management API v2 endpoints tenantplan
/// uses, with Auth0's observable behaviour, persisted as one JSON file (see ``LocalTenantState``).
///
/// Behaviour followed (Management API v2 reference and the recorded traffic in the project's test resources):
/// every request's query string and body validated against its operation in Auth0's OpenAPI document first, with
/// Auth0's 400 answer (``validationRefusal(_:_:_:)``; docs/auth0-fidelity.md, "Request validation"); generated `org_`/`con_`/`rol_` ids; 201 on create, 200 on update, 204 on delete (202 with `deleted_at` for
/// connections); 404 and 409 error bodies `{statusCode, error, message, errorCode}`; `options` and `metadata`
/// replaced whole on PATCH; `is_signup_enabled` only for database connections with
/// `assign_membership_on_login: true` (400 otherwise); at most 10 enabled connections per organization;
/// `PATCH /connections/{id}/clients` with 1 to 50 entries, delta semantics; `GET /clients/{id}/connections`;
/// the server defaults Auth0 adds to created clients and connections (``ServerDefaults``); organization members and
/// users read with the API's paging, without identity provider tokens (`LocalTenant+Users.swift`); the
/// accept-invitation test switch (``LocalTenantState/acceptInvitations(now:newIdentifier:)``).
///
/// Every write is journaled before it is answered (`FILE.journal`, one line with the objects it changed) and the
/// whole file is saved by renaming a temporary file (`.FILE.tmp`) when the command ends, so an apply costs time in
/// proportion to its requests and a killed run leaves a file and journal that load with every answered write
/// (``LocalTenantStore``). Commands that write hold ``LocalTenantLock`` for their whole run. Requests served are
/// recorded for tests (``servedRequests``).
public actor LocalTenant: ManagementTransport {
    /// Switches for tests and benchmarks.
    public struct Faults: Sendable, Equatable {
        /// After this many requests, every request fails with a ``TransportError`` (no response).
        public var failAfterRequests: Int?
        /// After this many write requests, every write fails with a ``TransportError`` before it takes effect.
        public var failWritesAfter: Int?
        /// Delay added to each request, in milliseconds.
        public var latencyMilliseconds: Int
        /// How many `POST /api/v2/connections` with a deleted connection's name answer 409 afterwards, as while
        /// Auth0 finishes an asynchronous delete.
        public var pendingDeleteConflicts: Int

        /// Creates switches.
        public init(
            failAfterRequests: Int? = nil, failWritesAfter: Int? = nil, latencyMilliseconds: Int = 0,
            pendingDeleteConflicts: Int = 0
        ) {
            self.failAfterRequests = failAfterRequests
            self.failWritesAfter = failWritesAfter
            self.latencyMilliseconds = latencyMilliseconds
            self.pendingDeleteConflicts = pendingDeleteConflicts
        }
    }

    /// The file the tenant is saved to; `nil` keeps it in memory only.
    public nonisolated let path: String?
    public nonisolated let tenantDescription: String
    public nonisolated var remoteDomain: String? { nil }

    /// The tenant and its persistence.
    private let store: LocalTenantStore
    /// The tenant's data, as the endpoint handlers read and change it (inside ``answer(_:)``, under the store's lock).
    var state: LocalTenantState {
        get { store.state }
        _modify { yield &store.state }
    }
    var faults: Faults
    /// Names of deleted connections still answering 409 on create, with the count left.
    var pendingDeletes: [String: Int] = [:]
    private var served: [APIRequest] = []
    /// The `--verbose` sink, one ``RequestLog`` line per request; `nil` for none.
    private var requestLog: (@Sendable (String) -> Void)?
    /// Milliseconds of a monotonic clock, for the logged durations.
    private var milliseconds: @Sendable () -> Int = LocalTenant.monotonicMilliseconds
    private var writes = 0
    var index = Index()

    /// Opens the tenant saved at `path` (and replays its journal, ``LocalTenantStore``); a missing file is an empty
    /// tenant (created on the first write). When this process holds the file's ``LocalTenantLock``, the tenant is
    /// saved whole when the lock is released.
    ///
    /// When the file holds the accept-invitation test switch (`tenantplan_local.accept_invitations`,
    /// ``LocalTenantState/acceptInvitations(now:newIdentifier:)``), it is applied and removed from the file before
    /// the tenant answers anything: journaled like a write when this process holds the lock; otherwise under the
    /// lock taken for the moment (waiting like a writer), on the file read again, saved whole.
    /// - Parameter faults: Switches; when `nil`, the file's `tenantplan_local` section is used.
    /// - Throws: ``LocalTenantError`` when the file or its journal cannot be read or is not in the expected shape,
    ///   or the accept-invitation switch cannot be applied (nothing is written then).
    public init(path: String, faults: Faults? = nil) throws {
        self.path = path
        tenantDescription = "local tenant \(path)"
        let opened = try LocalTenantStore(path: path)
        let store = opened.locked({ opened.state.acceptsInvitations })
            ? try Self.acceptInvitations(opened, path: path) : opened
        self.store = store
        self.faults = faults ?? Self.faults(from: store.state.other["tenantplan_local"])
        index = Index(store.state)
        LocalTenantLock.whenReleased(path: path) { try? store.compact() }
    }

    /// An in-memory tenant (nothing saved), from JSON in the file's shape, with its accept-invitation switch applied.
    /// - Throws: ``LocalTenantError/invalidFile(_:)`` when the JSON is not in the file's shape or the switch cannot
    ///   be applied.
    public init(json: JSONValue, faults: Faults = Faults()) throws {
        path = nil
        tenantDescription = "local tenant (in memory)"
        var loaded = try LocalTenantState(json: json)
        try loaded.acceptInvitations()
        store = LocalTenantStore(state: loaded)
        self.faults = faults
        index = Index(loaded)
    }

    /// Saves the whole tenant file and removes its journal (``LocalTenantStore``), if anything was written since
    /// it was last saved whole; nothing for an in-memory tenant. Commands need not call it: releasing the
    /// ``LocalTenantLock`` does.
    /// - Throws: ``LocalTenantError/io(path:reason:)``; the journal is kept then, and replayed on the next open.
    public func compact() throws { try store.compact() }

    /// Every request served so far, in order (bodies included).
    public var servedRequests: [APIRequest] { served }

    /// The tenant as saved: the file's JSON.
    public var snapshotJSON: JSONValue { store.locked { state.json } }

    /// Changes the fault switches.
    public func setFaults(_ faults: Faults) { self.faults = faults }

    /// One request at a time: the tenant is an actor serving requests in the order they come, so a read sends
    /// one after the other and stays in a fixed order.
    public nonisolated var readConcurrencyLimit: Int { 1 }

    /// Logs each request to `sink` (``setRequestLog(_:clock:)`` with the system's monotonic clock).
    public nonisolated func logRequests(to sink: @escaping @Sendable (String) -> Void) async {
        await setRequestLog(sink)
    }

    /// Logs every request from now on to `sink` (`--verbose`), in the Auth0 client's format (``RequestLog``):
    /// `GET /api/v2/organizations?take=100 -> 200 (0 ms)`.
    /// - Parameter clock: Milliseconds of a monotonic clock; tests pass a fixed one.
    public func setRequestLog(
        _ sink: @escaping @Sendable (String) -> Void,
        clock: @escaping @Sendable () -> Int = LocalTenant.monotonicMilliseconds
    ) {
        requestLog = sink
        milliseconds = clock
    }

    /// Milliseconds since an arbitrary start (the system's monotonic clock).
    public static let monotonicMilliseconds: @Sendable () -> Int = {
        Int(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        let started = milliseconds()
        do {
            let response = try await answer(request)
            requestLog?(RequestLog.line(request.description, status: response.status, milliseconds: milliseconds() - started))
            return response
        } catch let error as TransportError {
            requestLog?(RequestLog.noResponse(request.description, reason: error.reason, milliseconds: milliseconds() - started))
            throw error
        }
    }

    /// Serves one request: latency and fault switches, routing, saving after a successful write.
    private func answer(_ request: APIRequest) async throws -> APIResponse {
        if faults.latencyMilliseconds > 0 {
            try await Task.sleep(nanoseconds: UInt64(faults.latencyMilliseconds) * 1_000_000)
        }
        if let limit = faults.failAfterRequests, served.count >= limit {
            throw TransportError(request: request.description, reason: "injected fault after \(limit) requests")
        }
        served.append(request)
        if request.isWrite {
            if let limit = faults.failWritesAfter, writes >= limit {
                throw TransportError(request: request.description, reason: "injected fault after \(limit) writes")
            }
            writes += 1
        }
        return try store.locked {
            let response = route(request)
            if request.isWrite { try store.journalChanges() }
            return response
        }
    }

    /// Applies the accept-invitation switch of the file `store` was read from and persists the result (see
    /// ``init(path:faults:)``); returns the store to serve from.
    private static func acceptInvitations(_ store: LocalTenantStore, path: String) throws -> LocalTenantStore {
        func apply(_ store: LocalTenantStore) throws {
            try store.locked {
                do { try store.state.acceptInvitations() } catch LocalTenantError.invalidFile(let reason) {
                    throw LocalTenantError.invalidFile("\(path): \(reason)")
                }
                try store.journalChanges()
            }
        }
        if LocalTenantLock.isHeld(path: path) {
            try apply(store)
            return store
        }
        let lock = try LocalTenantLock.acquire(path: path)
        defer { lock.release() }
        let fresh = try LocalTenantStore(path: path)
        try apply(fresh)
        try fresh.compact()
        return fresh
    }

    private static func faults(from json: JSONValue?) -> Faults {
        Faults(
            failAfterRequests: json?["fail_after_requests"]?.intValue,
            failWritesAfter: json?["fail_writes_after"]?.intValue,
            latencyMilliseconds: json?["latency_ms"]?.intValue ?? 0,
            pendingDeleteConflicts: json?["pending_delete_conflicts"]?.intValue ?? 0)
    }
}

/// Positions of objects by id and name, kept in step with the state.
struct Index: Sendable {
    var organizationByID: [String: Int] = [:]
    var organizationByName: [String: Int] = [:]
    var connectionByID: [String: Int] = [:]
    var connectionByName: [String: Int] = [:]
    var clientByID: [String: Int] = [:]
    var roleByID: [String: Int] = [:]
    var userByID: [String: Int] = [:]

    init() {}

    init(_ state: LocalTenantState) {
        for (i, org) in state.organizations.enumerated() {
            if let id = org["id"]?.stringValue { organizationByID[id] = i }
            if let name = org["name"]?.stringValue { organizationByName[name] = i }
        }
        for (i, connection) in state.connections.enumerated() {
            if let id = connection["id"]?.stringValue { connectionByID[id] = i }
            if let name = connection["name"]?.stringValue { connectionByName[name] = i }
        }
        for (i, client) in state.clients.enumerated() {
            if let id = client["client_id"]?.stringValue { clientByID[id] = i }
        }
        for (i, role) in state.roles.enumerated() {
            if let id = role["id"]?.stringValue { roleByID[id] = i }
        }
        for (i, user) in state.users.enumerated() {
            if let id = user["user_id"]?.stringValue { userByID[id] = i }
        }
    }
}
