import Auth0Schema
import JSONValues
import PlanModel

/// The kinds of resources tenantplan manages.
public enum ResourceKind: String, Sendable, Hashable, Codable {
    case role, client, connection, organization
}

/// What a plan does to one resource.
public enum Action: String, Sendable, Codable {
    /// `+`: create.
    case create
    /// `~`: change in place (including adoption of an unmarked resource).
    case update
    /// `-`: destroy (refused by `apply` without `--allow-destroy`).
    case delete
    /// `-/+`: delete and create again under the same name (a `strategy` change).
    case replace

    /// The plan symbol.
    public var symbol: String {
        switch self {
        case .create: return "+"
        case .update: return "~"
        case .delete: return "-"
        case .replace: return "-/+"
        }
    }
}

/// How a value is shown in a plan. Secrets are never shown; values longer than ``longValue`` characters (custom
/// scripts, certificates) are shortened to their start and their length.
public enum DisplayValue: Sendable, Equatable, CustomStringConvertible {
    /// Longest value shown whole, in characters.
    public static let longValue = 200

    /// A JSON value, shown compact: `"good"`, `["a","b"]`, `true`.
    case json(JSONValue)
    /// A secret: `(sensitive)`.
    case sensitive
    /// A secret whose `${env:NAME}` is unset: `(sensitive, from env NAME, unset)`.
    case unsetSecret(String)
    /// An object that is or holds a secret, shown by its structure: member names (which are not secret,
    /// docs/secrets.md) with each member's display, so an added or removed member is visible:
    /// `{"DB_PASS":(sensitive),"HOST":(sensitive)}`. Members are shown in key order.
    case redactedObject([String: DisplayValue])

    /// The value with private key material redacted wherever it sits (``SecretValue/looksSecret(_:)``, the
    /// value half of the one decision, docs/secrets.md): a string holding a private key becomes ``sensitive``,
    /// an object holding one anywhere is shown by its structure (``redactedObject(_:)``), a list holding one is
    /// ``sensitive`` whole. Every value a plan shows passes through here (``FieldChange``), whatever the field:
    /// organization `metadata`, a role's `description`, a connection's `metadata` as much as its `options`.
    public var guarded: DisplayValue {
        switch self {
        case .json(let value): return Self.guarding(value)
        case .redactedObject(let members): return .redactedObject(members.mapValues(\.guarded))
        case .sensitive, .unsetSecret: return self
        }
    }

    private static func guarding(_ value: JSONValue) -> DisplayValue {
        guard holdsKeyMaterial(value) else { return .json(value) }
        if case .object(let members) = value { return .redactedObject(members.mapValues(guarding)) }
        return .sensitive
    }

    private static func holdsKeyMaterial(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): return SecretValue.looksSecret(text)
        case .object(let members): return members.values.contains(where: holdsKeyMaterial)
        case .array(let items): return items.contains(where: holdsKeyMaterial)
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .json(let value):
            let text = value.compactText
            guard text.count > Self.longValue else { return text }
            return "\(text.prefix(Self.longValue / 2))… (\(text.count) characters)"
        case .sensitive: return "(sensitive)"
        case .unsetSecret(let name): return "(sensitive, from env \(name), unset)"
        case .redactedObject(let members):
            let shown = members.keys.sorted().map { "\(JSONValue.string($0).compactText):\(members[$0]!.description)" }
            return "{" + shown.joined(separator: ",") + "}"
        }
    }
}

/// One line under a resource in a plan.
public struct FieldChange: Sendable, Equatable {
    /// What happens to the field.
    public enum Kind: String, Sendable, Equatable {
        /// `+ path: after`.
        case add
        /// `~ path: before -> after`.
        case change
        /// `- path: before`.
        case remove
        /// No change; shown for information (`options.client_secret: (sensitive, from env X, unset)`).
        case info
        /// `= path (not managed here: kept)`: a live relationship the YAML does not list, kept because tenantplan
        /// does not manage its other end (an enabled connection to a connection neither declared nor marked).
        case keep
    }

    /// What happens.
    public let kind: Kind
    /// The field or relationship: `display_name`, `options.passwordPolicy`, `enabled connection "acme-entra"`.
    public let subject: String
    /// The value before, if shown; private key material never (``DisplayValue/guarded``).
    public let before: DisplayValue?
    /// The value after, if shown.
    public let after: DisplayValue?
    /// Flags of a relationship, shown in parentheses: `assign_membership_on_login: false, show_as_button: true`.
    public let flags: String?
    /// A reviewer's warning in brackets: `security: login: sso-only`.
    public let annotation: String?

    /// Creates a field change.
    public init(
        _ kind: Kind, _ subject: String, before: DisplayValue? = nil, after: DisplayValue? = nil,
        flags: String? = nil, annotation: String? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.before = before?.guarded
        self.after = after?.guarded
        self.flags = flags
        self.annotation = annotation
    }
}

/// Why `apply` needs an explicit flag for a change.
public enum Refusal: Sendable, Equatable {
    /// Destroys a resource: needs `--allow-destroy`.
    case destroy
    /// Breaks user identities (users would be duplicated or lost): needs `--allow-identity-change`.
    case identityChange(String)

    /// The `apply` flag that allows the change: `--allow-destroy`, `--allow-identity-change`.
    public var flag: String {
        switch self {
        case .destroy: return "--allow-destroy"
        case .identityChange: return "--allow-identity-change"
        }
    }
}

/// What a plan does to one resource: the action, the field-level changes, the keys kept, and the requests.
public struct ResourceChange: Sendable, Equatable {
    /// The kind.
    public let kind: ResourceKind
    /// The resource's name (its natural key).
    public let name: String
    /// Extra label after the name, e.g. the connection strategy `(waad)`.
    public let label: String?
    /// The action.
    public let action: Action
    /// Where the resource is declared (the line of its `name`); `nil` for a destroy.
    public let location: SourceLocation?
    /// The live id, when the resource exists.
    public let liveID: String?
    /// Field-level changes, in display order.
    public let fields: [FieldChange]
    /// Live keys the YAML does not mention, kept as they are: `options.mfa`.
    public let kept: [String]
    /// Notes for the reviewer (adoption, replacement consequences).
    public let notes: [String]
    /// Flags `apply` needs for this change.
    public let refusals: [Refusal]
    /// The requests that carry the change out.
    public let requests: [PlannedRequest]

    /// Creates a resource change.
    public init(
        kind: ResourceKind, name: String, label: String? = nil, action: Action, location: SourceLocation?,
        liveID: String?, fields: [FieldChange] = [], kept: [String] = [], notes: [String] = [],
        refusals: [Refusal] = [], requests: [PlannedRequest]
    ) {
        self.kind = kind
        self.name = name
        self.label = label
        self.action = action
        self.location = location
        self.liveID = liveID
        self.fields = fields
        self.kept = kept
        self.notes = notes
        self.refusals = refusals
        self.requests = requests
    }

    /// `organization "acme"`, `connection "acme-entra" (waad)`.
    public var address: String {
        var text = "\(kind.rawValue) \"\(name)\""
        if let label { text += " (\(label))" }
        return text
    }
}
