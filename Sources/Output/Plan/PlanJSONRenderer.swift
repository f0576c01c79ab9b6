import Diff
import JSONValues
import PlanModel
import Policy

/// The `json` format of `tenantplan plan`: a stable, versioned document for CI and review bots
/// (documented in docs/plan-json.md). Secrets never appear: secret fields show as `{"sensitive": true}` (with the
/// `${env:}` name when unset), and request bodies are not included, only each request's method and path.
///
/// ```json
/// { "format_version": 1, "tool": { "name": "tenantplan", "version": "0.1.0" }, "directory": "tenants/example-prod", "target": "…",
///   "read": { "organizations": 3, "connections": 3, "clients": 1, "roles": 2, "requests": 10 },
///   "summary": { "add": 0, "change": 1, "destroy": 0, "unmanaged": { "organizations": 12, … } },
///   "findings": [ { "rule": "…", "severity": "warning", "message": "…", "file": "…", "line": 3, "column": 5 } ],
///   "resource_changes": [ { "address": "connection \"acme-entra\" (waad)", "kind": "connection",
///       "name": "acme-entra", "action": "update", "live_id": "con_…",
///       "location": { "file": "customers/acme.yaml", "line": 20, "column": 11 },
///       "fields": [ { "change": "update", "path": "options.domain_aliases", "before": […], "after": […] } ],
///       "kept": ["options.app_domain"], "notes": [], "requires": ["--allow-destroy"],
///       "requests": [ { "method": "PATCH", "path": "/api/v2/connections/con_…" } ] } ] }
/// ```
public struct PlanJSONRenderer: Sendable {
    /// The version of the document's shape; bumped on any incompatible change.
    public static let formatVersion = 1

    /// The tenant directory as the user named it.
    public let directory: String
    /// What the plan ran against.
    public let target: String

    /// Creates a renderer.
    public init(directory: String, target: String) {
        self.directory = directory
        self.target = target
    }

    /// The document, pretty-printed with sorted keys, ending with a newline.
    /// - Parameter findings: The policy report the plan ran after (its remaining findings are listed).
    public func render(_ plan: Plan, findings: PolicyReport) -> String {
        let document: JSONValue = [
            "format_version": .int(Self.formatVersion),
            "tool": .object(ToolIdentity.json.mapValues(JSONValue.string)),
            "directory": .string(directory),
            "target": .string(target),
            "read": [
                "organizations": .int(plan.read.organizations), "connections": .int(plan.read.connections),
                "clients": .int(plan.read.clients), "roles": .int(plan.read.roles), "requests": .int(plan.read.requests),
                "member_impact_requests": .int(plan.memberImpactRequests),
                "scope": plan.read.scope.map { .array($0.map(JSONValue.string)) } ?? .null,
            ],
            "summary": [
                "add": .int(plan.toAdd), "change": .int(plan.toChange), "destroy": .int(plan.toDestroy),
                "unmanaged": [
                    "organizations": .int(plan.unmanaged.organizations), "connections": .int(plan.unmanaged.connections),
                    "clients": .int(plan.unmanaged.clients), "roles": .int(plan.unmanaged.roles),
                    "enabled_connections": .int(plan.unmanaged.enabledConnections),
                ],
            ],
            "findings": .array(findings.findings.map(Self.finding)),
            "resource_changes": .array(plan.changes.map { Self.change($0, in: plan) }),
            "warnings": .array(plan.warnings.map(Self.warning)),
        ]
        return String(decoding: document.encoded(pretty: true), as: UTF8.self) + "\n"
    }

    static func finding(_ diagnostic: Diagnostic) -> JSONValue {
        var item: [String: JSONValue] = [
            "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
        ]
        if let rule = diagnostic.ruleID { item["rule"] = .string(rule) }
        if let location = diagnostic.location {
            item["file"] = .string(location.file)
            item["line"] = .int(location.line)
            item["column"] = .int(location.column)
        }
        return .object(item)
    }

    /// A ``PlanWarning``: `organization`, `connection`, `strategy`, `message`.
    static func warning(_ warning: PlanWarning) -> JSONValue {
        [
            "organization": .string(warning.organization), "connection": .string(warning.connection),
            "strategy": .string(warning.strategy), "message": .string(warning.message),
        ]
    }

    static func change(_ change: ResourceChange) -> JSONValue {
        var item: [String: JSONValue] = [
            "address": .string(change.address), "kind": .string(change.kind.rawValue), "name": .string(change.name),
            "action": .string(change.action.rawValue),
            "fields": .array(change.fields.map(field)),
            "kept": .array(change.kept.map(JSONValue.string)),
            "notes": .array(change.notes.map(JSONValue.string)),
            "requires": .array(change.refusals.map { .string($0.flag) }),
            "requests": .array(change.requests.map { ["method": .string($0.method.rawValue), "path": .string($0.path)] }),
        ]
        if let label = change.label { item["label"] = .string(label) }
        if let id = change.liveID { item["live_id"] = .string(id) }
        if let location = change.location {
            item["location"] = [
                "file": .string(location.file), "line": .int(location.line), "column": .int(location.column),
            ]
        }
        return .object(item)
    }

    static func field(_ field: FieldChange) -> JSONValue {
        let kinds: [FieldChange.Kind: String] = [
            .add: "add", .change: "update", .remove: "remove", .info: "none", .keep: "keep",
        ]
        var item: [String: JSONValue] = ["change": .string(kinds[field.kind]!), "path": .string(field.subject)]
        if let before = field.before { item["before"] = value(before) }
        if let after = field.after { item["after"] = value(after) }
        if let flags = field.flags { item["flags"] = .string(flags) }
        if let annotation = field.annotation { item["annotation"] = .string(annotation) }
        return .object(item)
    }

    static func value(_ value: DisplayValue) -> JSONValue {
        switch value {
        case .json(let json): return json
        case .sensitive: return ["sensitive": true]
        case .unsetSecret(let name): return ["sensitive": true, "env": .string(name), "unset": true]
        case .redactedObject(let members): return ["sensitive": true, "members": .object(members.mapValues { Self.value($0) })]
        }
    }
}

extension PlanJSONRenderer: PlanRenderer {
    /// `docs/plan-json.md`.
    public static var formatNote: String? { "docs/plan-json.md" }
    /// Findings in the document.
    public static var findingsPlacement: PlanFindingsPlacement { .inPlanDocument }

    /// The `json` entry of ``PlanFormat``.
    public static func render(_ plan: Plan, context: PlanRenderContext) -> String {
        PlanJSONRenderer(directory: context.directory, target: context.target).render(plan, findings: context.findings)
    }
}
