import Foundation
import JSONValues
import Hashing
import ManagementAPI
import Members
import PlanModel

/// A plan saved by `plan --out FILE` for a later `apply FILE` (the pull-request workflow; documented in
/// docs/saved-plans.md).
///
/// It holds what was reviewed: the intended requests in apply order (bodies with secrets replaced by their
/// `${env:NAME}` or `(sensitive)`, see ``SecretRedactor``), each change's YAML location, a SHA-256 of every input
/// file, and a ``Fingerprint`` of every live object the plan touches. No secret value is ever in it.
///
/// ```json
/// { "format_version": 3, "kind": "tenantplan-saved-plan", "directory": "tenants/example-prod",
///   "target": "example-prod.eu.auth0.com", "scope": null,
///   "input": { "hash": "sha256:…", "files": { "tenant.yaml": "…", "customers/acme.yaml": "…" } },
///   "summary": { "add": 1, "change": 2, "destroy": 0 },
///   "fingerprints": [ { "kind": "organization", "name": "acme", "fields": { "display_name": "0f3c…", … } },
///                     { "kind": "connection", "name": "acme-entra", "absent": true } ],
///   "resource_changes": [ { "address": "organization \"acme\"", "action": "update",
///       "location": "customers/acme.yaml:2", "requires": [],
///       "requests": [ { "operation": "patch_organizations_by_id", "method": "PATCH",
///                       "path": "/api/v2/organizations/org_…", "summary": "…",
///                       "body": { … }, "missing_secrets": [] } ] } ],
///   "member_impact": [ { "organization": "globex", "at_risk": 3, "digest": "sha256:…" } ] }
/// ```
public struct SavedPlan: Sendable, Equatable {
    /// The version of the file's shape; `apply` refuses any other. Version 2 records each request's operation
    /// (``ManagementOperation/id``), and connection PATCHes carry `display_name`; version 3 records the member
    /// impact (``memberImpact``). An older plan is refused with a request to plan again (docs/saved-plans.md).
    public static let formatVersion = 3
    /// The `kind` every saved plan carries, so another JSON file is not mistaken for one.
    public static let kind = "tenantplan-saved-plan"

    /// One request as reviewed. Two requests are equal when their operation, method, path, body and missing
    /// secrets are: ``summary`` is for people reading the file and is never compared, so rewording it (or a
    /// newer tenantplan wording it differently) never makes a saved plan stale.
    public struct Request: Sendable, Equatable {
        /// The operation's OpenAPI `operationId` (``ManagementOperation/id``): `patch_connections_by_id`.
        public let operation: String
        /// `POST`, `PATCH`, `DELETE`.
        public let method: String
        /// The path, with `{{kind:name}}` placeholders for ids created earlier in the same apply.
        public let path: String
        /// What the request does, as `Output` worded it when the plan was saved (`update connection "x"`); read
        /// back as written (empty when absent) and left out of comparisons.
        public let summary: String
        /// The body with secrets redacted; `nil` for none.
        public let body: JSONValue?
        /// `${env:}` names the request needed but that were unset when planning.
        public let missingSecrets: [String]

        /// Equal in everything apply would send; ``summary`` is not compared.
        public static func == (lhs: Request, rhs: Request) -> Bool {
            lhs.operation == rhs.operation && lhs.method == rhs.method && lhs.path == rhs.path
                && lhs.body == rhs.body && lhs.missingSecrets == rhs.missingSecrets
        }
    }

    /// One resource change as reviewed.
    public struct Change: Sendable, Equatable {
        /// `organization "acme"`.
        public let address: String
        /// `create`, `update`, `delete`, `replace`.
        public let action: String
        /// `customers/acme.yaml:2`, or `nil` for a destroy.
        public let location: String?
        /// Flags apply needs: `--allow-destroy`, `--allow-identity-change`.
        public let requires: [String]
        /// The requests, in the order the change lists them.
        public let requests: [Request]
    }

    /// The tenant directory as given to `plan`.
    public let directory: String
    /// What the plan ran against (``ManagementTransport/tenantDescription``).
    public let target: String
    /// The organizations of a scoped plan, or `nil` for a full plan.
    public let scope: [String]?
    /// `sha256:` and the digest over every input file (see ``inputFiles``).
    public let inputHash: String
    /// Input file (relative to the directory) -> SHA-256 of its bytes.
    public let inputFiles: [String: String]
    /// `${env:}` names the configuration refers to that were unset when planning, sorted.
    public let unsetSecrets: [String]
    /// Resources to add, change, destroy.
    public let summary: (add: Int, change: Int, destroy: Int)
    /// One per live object the plan touches, in plan order.
    public let fingerprints: [Fingerprint]
    /// The changes, in plan order.
    public let changes: [Change]
    /// Per organization whose login paths the plan shrinks (``Plan/memberImpacts``), in plan order: who was at
    /// risk when planned, as a fingerprint (``MemberFingerprint``).
    public let memberImpact: [MemberFingerprint]

    /// The members at risk in one organization when the plan was made: their count and
    /// `sha256:` + the SHA-256 of their user ids, sorted, each followed by a newline (`sha256:` of nothing when
    /// none). User ids only: no e-mail address is in the file.
    public struct MemberFingerprint: Sendable, Equatable {
        /// The organization's name.
        public let organization: String
        /// Members at risk.
        public let atRisk: Int
        /// `sha256:…` of the sorted user ids at risk.
        public let digest: String

        /// A fingerprint as read from a file.
        public init(organization: String, atRisk: Int, digest: String) {
            self.organization = organization
            self.atRisk = atRisk
            self.digest = digest
        }

        /// The fingerprint of `impact`.
        public init(_ impact: MemberImpact) {
            organization = impact.change.organization
            atRisk = impact.atRisk.count
            digest = "sha256:" + SHA256.hex(impact.atRisk.map { $0.userID + "\n" }.sorted().joined())
        }
    }

    public static func == (lhs: SavedPlan, rhs: SavedPlan) -> Bool {
        lhs.document == rhs.document
    }

    /// Records `plan`, computed from `tenant` against `live`.
    /// - Parameters:
    ///   - inputFiles: Input file -> SHA-256, from ``InputDigest``.
    ///   - describe: The sentence stored as each request's ``Request/summary`` (`Output`'s `RequestSummary.text`).
    public init(
        plan: Plan, tenant: Tenant, live: LiveSnapshot, directory: String, target: String,
        inputFiles: [String: String], describe: (PlannedRequest) -> String
    ) {
        self.directory = directory
        self.target = target
        scope = plan.read.scope
        self.inputFiles = inputFiles
        inputHash = InputDigest.combined(inputFiles)
        unsetSecrets = Self.unsetSecrets(of: tenant)
        summary = (plan.toAdd, plan.toChange, plan.toDestroy)
        fingerprints = Fingerprint.of(plan.changes.map { ($0.kind, $0.name) }, in: live)
        changes = Self.changes(of: plan, redactor: SecretRedactor(tenant: tenant, live: live), describe: describe)
        memberImpact = plan.memberImpacts.map(MemberFingerprint.init)
    }

    /// The `${env:}` names `tenant` refers to that are unset, sorted.
    public static func unsetSecrets(of tenant: Tenant) -> [String] {
        let names = tenant.allConnections.flatMap { connection in
            connection.options.values.flatMap { $0.value.secrets.filter { $0.value == nil }.map(\.name) }
        }
        return Set(names).sorted()
    }

    /// The changes of `plan` as a saved plan records them.
    /// - Parameter describe: Each request's ``Request/summary``. Comparisons ignore summaries, so the changes a
    ///   staleness check computes need none (the default leaves them empty).
    public static func changes(
        of plan: Plan, redactor: SecretRedactor, describe: (PlannedRequest) -> String = { _ in "" }
    ) -> [Change] {
        plan.changes.map { change in
            Change(
                address: change.address, action: change.action.rawValue, location: change.location?.fileAndLine,
                requires: change.refusals.map(\.flag),
                requests: change.requests.map { request in
                    Request(
                        operation: request.operation.id, method: request.method.rawValue, path: request.path,
                        summary: describe(request),
                        body: request.body.map(redactor.redact), missingSecrets: request.missingSecrets)
                })
        }
    }

    // MARK: File

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> Data { document.encoded(pretty: true) + Data("\n".utf8) }

    var document: JSONValue {
        [
            "format_version": .int(Self.formatVersion),
            "kind": .string(Self.kind),
            "directory": .string(directory),
            "target": .string(target),
            "scope": scope.map { .array($0.map(JSONValue.string)) } ?? .null,
            "input": ["hash": .string(inputHash), "files": .object(inputFiles.mapValues(JSONValue.string))],
            "unset_secrets": .array(unsetSecrets.map(JSONValue.string)),
            "summary": ["add": .int(summary.add), "change": .int(summary.change), "destroy": .int(summary.destroy)],
            "fingerprints": .array(fingerprints.map { print in
                var object: [String: JSONValue] = ["kind": .string(print.kind.rawValue), "name": .string(print.name)]
                if let fields = print.fields {
                    object["fields"] = .object(fields.mapValues(JSONValue.string))
                } else {
                    object["absent"] = true
                }
                return .object(object)
            }),
            "resource_changes": .array(changes.map(Self.document)),
            "member_impact": .array(memberImpact.map { print in
                ["organization": .string(print.organization), "at_risk": .int(print.atRisk), "digest": .string(print.digest)]
            }),
        ]
    }

    static func document(_ change: Change) -> JSONValue {
        [
            "address": .string(change.address), "action": .string(change.action),
            "location": change.location.map(JSONValue.string) ?? .null,
            "requires": .array(change.requires.map(JSONValue.string)),
            "requests": .array(change.requests.map { request in
                [
                    "operation": .string(request.operation),
                    "method": .string(request.method), "path": .string(request.path),
                    "summary": .string(request.summary), "body": request.body ?? .null,
                    "missing_secrets": .array(request.missingSecrets.map(JSONValue.string)),
                ]
            }),
        ]
    }

    /// Reads a saved plan file's bytes.
    /// - Throws: ``SavedPlanError`` when the bytes are not a saved plan of this format version.
    public init(data: Data) throws {
        guard let json = try? JSONValue(data: data) else { throw SavedPlanError.notJSON }
        guard json["kind"]?.stringValue == Self.kind else { throw SavedPlanError.notSavedPlan }
        guard let version = json["format_version"]?.intValue, version == Self.formatVersion else {
            throw SavedPlanError.version(json["format_version"]?.intValue)
        }
        func field<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw SavedPlanError.missing(name) }
            return value
        }
        directory = try field(json["directory"]?.stringValue, "directory")
        target = try field(json["target"]?.stringValue, "target")
        scope = json["scope"]?.arrayValue?.compactMap(\.stringValue)
        inputHash = try field(json["input"]?["hash"]?.stringValue, "input.hash")
        inputFiles = try field(json["input"]?["files"]?.objectValue?.compactMapValues(\.stringValue), "input.files")
        unsetSecrets = json["unset_secrets"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let summary = try field(json["summary"], "summary")
        self.summary = (
            try field(summary["add"]?.intValue, "summary.add"), try field(summary["change"]?.intValue, "summary.change"),
            try field(summary["destroy"]?.intValue, "summary.destroy")
        )
        fingerprints = try field(json["fingerprints"]?.arrayValue, "fingerprints").map { item in
            guard let kind = item["kind"]?.stringValue.flatMap(ResourceKind.init(rawValue:)),
                let name = item["name"]?.stringValue
            else { throw SavedPlanError.missing("fingerprints[].kind/name") }
            return Fingerprint(kind: kind, name: name, fields: item["fields"]?.objectValue?.compactMapValues(\.stringValue))
        }
        changes = try field(json["resource_changes"]?.arrayValue, "resource_changes").map { item in
            Change(
                address: try field(item["address"]?.stringValue, "resource_changes[].address"),
                action: try field(item["action"]?.stringValue, "resource_changes[].action"),
                location: item["location"]?.stringValue,
                requires: item["requires"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                requests: try field(item["requests"]?.arrayValue, "resource_changes[].requests").map { request in
                    Request(
                        operation: try field(request["operation"]?.stringValue, "requests[].operation"),
                        method: try field(request["method"]?.stringValue, "requests[].method"),
                        path: try field(request["path"]?.stringValue, "requests[].path"),
                        summary: request["summary"]?.stringValue ?? "",
                        body: Self.body(request["body"]),
                        missingSecrets: request["missing_secrets"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                })
        }
        memberImpact = try Self.memberImpact(json["member_impact"])
    }

    /// The `member_impact` entries of a saved plan.
    static func memberImpact(_ value: JSONValue?) throws -> [MemberFingerprint] {
        guard let items = value?.arrayValue else { throw SavedPlanError.missing("member_impact") }
        return try items.map { item in
            guard let organization = item["organization"]?.stringValue, let atRisk = item["at_risk"]?.intValue,
                let digest = item["digest"]?.stringValue
            else { throw SavedPlanError.missing("member_impact[].organization/at_risk/digest") }
            return MemberFingerprint(organization: organization, atRisk: atRisk, digest: digest)
        }
    }

    /// A saved request body: `null` (and a missing key) is no body. (JSONValue is `ExpressibleByNilLiteral`, so
    /// a `nil` written next to a JSONValue would become `.null`, not "no body": spelled out here.)
    static func body(_ value: JSONValue?) -> JSONValue? {
        guard let value, value != .null else { return Optional<JSONValue>.none }
        return value
    }
}

/// Why a file is not a saved plan `apply` can use.
public enum SavedPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON at all.
    case notJSON
    /// JSON, but without `"kind": "tenantplan-saved-plan"`.
    case notSavedPlan
    /// A saved plan of another format version.
    case version(Int?)
    /// A required field is missing.
    case missing(String)

    public var description: String {
        switch self {
        case .notJSON: return "is not JSON"
        case .notSavedPlan: return "is not a saved plan (write one with tenantplan plan --out FILE)"
        case .version(let version):
            return "is a saved plan of format version \(version.map(String.init) ?? "?"); this tenantplan reads version "
                + "\(SavedPlan.formatVersion): run plan again"
        case .missing(let field): return "is not a complete saved plan: \(field) is missing"
        }
    }
}
