import Diff
import Foundation
import JSONValues
import ManagementAPI
import Members

/// Carries out a ``Plan`` through the seam, in the plan's phase order (README, "What the plan promises").
///
/// - Before any write: refuses destroys without `--allow-destroy`, identity changes without
///   `--allow-identity-change`, removals of enabled connections that would lock members out without
///   `--allow-member-lockout`, and requests that need unset secrets.
/// - A failed request stops its branch: later requests of the same resource, and requests that need the id of a
///   resource whose create failed, are not attempted; independent requests go on.
/// - A create answered 409 is resolved by reading the existing object by its natural key. A create whose answer
///   was lost is never sent blindly again: the natural key is read first, and the create is sent again only if the
///   object is absent. A DELETE answered 404 counts as done.
public struct Applier: Sendable {
    /// The client every request goes through.
    public let client: ManagementClient
    /// How often a create that follows a delete of the same name is retried while Auth0 finishes the delete
    /// (`DELETE /api/v2/connections/{id}` answers 202 and completes asynchronously), and the wait between tries.
    public let replacementRetries: Int
    /// Wait between those tries, in seconds.
    public let replacementRetryDelay: Double

    /// Creates an applier.
    public init(client: ManagementClient, replacementRetries: Int = 30, replacementRetryDelay: Double = 2) {
        self.client = client
        self.replacementRetries = replacementRetries
        self.replacementRetryDelay = replacementRetryDelay
    }

    /// Checks what would stop the apply before any write.
    /// - Throws: ``ApplyRefusal``.
    public static func preflight(_ plan: Plan, options: ApplyOptions) throws {
        let missing = plan.missingSecrets
        if !missing.isEmpty {
            throw ApplyRefusal.missingSecrets(missing.map { "\($0.name) (needed to \($0.change))" })
        }
        let destroys = plan.changes.filter { $0.refusals.contains(.destroy) }.map(\.address)
        if !destroys.isEmpty, !options.allowDestroy { throw ApplyRefusal.destroyNotAllowed(destroys) }
        let identity = plan.changes.flatMap { change in
            change.refusals.compactMap { refusal -> String? in
                if case .identityChange(let reason) = refusal { return "\(change.address): \(reason)" }
                return nil
            }
        }
        if !identity.isEmpty, !options.allowIdentityChange { throw ApplyRefusal.identityChangeNotAllowed(identity) }
        let lockouts = plan.memberLockouts
        if !lockouts.isEmpty, !options.allowMemberLockout {
            throw ApplyRefusal.memberLockoutNotAllowed(lockouts.map { impact in
                "organization \"\(impact.change.organization)\": \(impact.atRisk.count) of "
                    + "\(impact.memberCount) member\(impact.memberCount == 1 ? "" : "s")"
            })
        }
    }

    /// Applies the plan.
    /// - Parameter progress: Called after each request sent with its outcome (`Output` words the line for stderr).
    /// - Returns: What was done, what failed, what was not attempted.
    /// - Throws: ``ApplyRefusal`` before any write.
    public func apply(
        _ plan: Plan, options: ApplyOptions, progress: @Sendable (ApplyProgress) -> Void = { _ in }
    ) async throws -> ApplyReport {
        try Self.preflight(plan, options: options)
        var report = ApplyReport()
        var ids: [String: String] = [:]  // placeholder -> id
        var failedChanges: Set<Int> = []
        var unresolved: Set<String> = []  // placeholders whose create failed

        // Creates that follow a delete of the same name: a 409 means the delete is still pending, not that
        // someone else created the object.
        let replacing = Set(plan.changes.filter { $0.action == .replace }.flatMap { $0.requests.compactMap(\.creates) })
        let ordered = plan.changes.enumerated().flatMap { index, change in
            change.requests.enumerated().map { (change: index, offset: $0.offset, request: $0.element) }
        }.sorted { ($0.request.phase, $0.change, $0.offset) < ($1.request.phase, $1.change, $1.offset) }

        for item in ordered {
            let request = item.request
            let needs = Self.placeholders(in: request)
            if failedChanges.contains(item.change) || !needs.isDisjoint(with: unresolved)
                || needs.contains(where: { ids[$0] == nil })
            {
                report.notAttempted.append(.init(planned: request, request: request.line, detail: nil))
                if let created = request.creates { unresolved.insert(created.placeholder) }
                continue
            }
            let resolved = APIRequest(
                request.method, Self.substitute(path: request.path, needs: needs, ids),
                body: request.body.map { Self.substitute($0, ids) }, operation: request.operation)
            do {
                let detail = try await send(
                    resolved, creates: request.creates, replacing: request.creates.map(replacing.contains) ?? false,
                    ids: &ids)
                let entry = ApplyReport.Entry(planned: request, request: resolved.description, detail: detail)
                report.done.append(entry)
                progress(.done(entry))
            } catch {
                failedChanges.insert(item.change)
                if let created = request.creates { unresolved.insert(created.placeholder) }
                let entry = ApplyReport.Entry(planned: request, request: resolved.description, detail: "\(error)")
                report.failed.append(entry)
                progress(.failed(entry))
            }
        }
        return report
    }

    /// Sends one request, resolving 409 on create, lost create responses, and 404 on delete.
    /// - Parameter replacing: The create follows a delete of the same name in this apply: a 409 is retried.
    /// - Returns: A note for the report, if any.
    private func send(
        _ request: APIRequest, creates: CreatedResource?, replacing: Bool, ids: inout [String: String]
    ) async throws -> String? {
        if replacing, let creates {
            var attempt = 0
            while true {
                do {
                    let body = try await client.call(request)
                    guard let id = Self.id(of: creates.kind, in: body) else {
                        throw ApplyError.noIDInResponse(request.description)
                    }
                    ids[creates.placeholder] = id
                    return attempt == 0 ? nil : "created after waiting for the delete to finish (\(attempt) retries)"
                } catch let error as ManagementAPIError where error.status == 409 && attempt < replacementRetries {
                    attempt += 1
                    try await Task.sleep(nanoseconds: UInt64(replacementRetryDelay * 1_000_000_000))
                }
            }
        }
        do {
            let body = try await client.call(request)
            if let creates {
                guard let id = Self.id(of: creates.kind, in: body) else {
                    throw ApplyError.noIDInResponse(request.description)
                }
                ids[creates.placeholder] = id
            }
            return nil
        } catch let error as ManagementAPIError where error.status == 409 && creates != nil {
            guard let creates, let id = try await existingID(creates) else { throw error }
            ids[creates.placeholder] = id
            return "already existed (409): used the existing \(creates.kind.rawValue) \(id)"
        } catch let error as ManagementAPIError where error.status == 404 && request.method == .delete {
            return "already gone (404)"
        } catch let error as TransportError where creates != nil {
            // The create may or may not have happened: read by natural key before sending it again.
            guard let creates else { throw error }
            if let id = try await existingID(creates) {
                ids[creates.placeholder] = id
                return "response lost; found the created \(creates.kind.rawValue) \(id) by name"
            }
            let body = try await client.call(request)
            guard let id = Self.id(of: creates.kind, in: body) else { throw ApplyError.noIDInResponse(request.description) }
            ids[creates.placeholder] = id
            return "response lost; not found by name, created again"
        }
    }

    /// The id of an existing object by its natural key (name).
    private func existingID(_ resource: CreatedResource) async throws -> String? {
        switch resource.kind {
        case .organization: return try await client.organization(named: resource.name)?.id
        case .connection: return try await client.connection(named: resource.name)?.id
        case .client: return try await client.listClients().first { $0.name == resource.name }?.clientID
        case .role: return try await client.listRoles().first { $0.name == resource.name }?.id
        }
    }

    static func id(of kind: ResourceKind, in body: JSONValue?) -> String? {
        body?[kind == .client ? "client_id" : "id"]?.stringValue
    }

    static func placeholders(in request: PlannedRequest) -> Set<String> {
        var found: Set<String> = []
        func scan(_ text: String) {
            var rest = text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                found.insert(String(rest[open.lowerBound..<close.upperBound]))
                rest = rest[close.upperBound...]
            }
        }
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let text): scan(text)
            case .array(let items): items.forEach(walk)
            case .object(let members): members.values.forEach(walk)
            default: break
            }
        }
        scan(request.path)
        if let body = request.body { walk(body) }
        return found
    }

    /// The path with the placeholders it holds (`needs`) replaced by their encoded ids: looked up, not scanned
    /// for, so an apply of many creates stays linear.
    static func substitute(path: String, needs: Set<String>, _ ids: [String: String]) -> String {
        var path = path
        for placeholder in needs {
            guard let id = ids[placeholder] else { continue }
            path = path.replacingOccurrences(of: placeholder, with: ManagementClient.segment(id))
        }
        return path
    }

    static func substitute(_ value: JSONValue, _ ids: [String: String]) -> JSONValue {
        switch value {
        case .string(let text): return ids[text].map(JSONValue.string) ?? value
        case .array(let items): return .array(items.map { substitute($0, ids) })
        case .object(let members): return .object(members.mapValues { substitute($0, ids) })
        default: return value
        }
    }
}

/// An apply failure that is not an API answer.
public enum ApplyError: Error, Sendable, CustomStringConvertible {
    /// A create was answered without the new object's id.
    case noIDInResponse(String)

    public var description: String {
        switch self {
        case .noIDInResponse(let request): return "\(request): the response carries no id"
        }
    }
}
