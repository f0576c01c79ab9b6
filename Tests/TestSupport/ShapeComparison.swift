import JSONValues

/// Compares a recorded Auth0 answer with another transport's answer to the same request: same key sets and
/// JSON types recursively, same values except for generated ones.
///
/// Each difference is one line naming the JSON path: `options.mfa: only in the recorded answer`,
/// `provisioning_ticket_url: only in the other answer`, `options.strategy_version: recorded 2, other 3`,
/// `organizations: recorded 2 items, other 3`, `created_at: recorded string, other int`. An empty list means the
/// answers agree. Ids are not "generated values" here: ``RecordedIDMap`` substitutes them before comparing.
public struct ShapeComparison: Sendable {
    /// Members whose values the server generates (timestamps, secrets, certificates): only their JSON type is
    /// compared (for arrays, the types of the items, whatever their number).
    public var generatedKeys: Set<String>
    /// Array members whose order carries no meaning (`enabled_clients`): compared as multisets.
    public var unorderedKeys: Set<String>

    /// Creates a comparison.
    public init(generatedKeys: Set<String>, unorderedKeys: Set<String>) {
        self.generatedKeys = generatedKeys
        self.unorderedKeys = unorderedKeys
    }

    /// The comparison used against Auth0's recordings: timestamps (`created_at`, `updated_at`, `expires_at`,
    /// `deleted_at`), secrets and certificates (`client_secret`, `cert`, `kid`), and a waad connection's
    /// server-managed `app_domain`, `thumbprints` and `provisioning_ticket_url` are generated; `enabled_clients`
    /// is unordered.
    public static let auth0 = ShapeComparison(
        generatedKeys: [
            "created_at", "updated_at", "expires_at", "deleted_at", "client_secret", "cert", "kid", "app_domain",
            "thumbprints", "provisioning_ticket_url",
        ],
        unorderedKeys: ["enabled_clients"])

    /// The differences between `recorded` and `other` (`nil` for an empty body), one line each, in path order.
    public func differences(recorded: JSONValue?, other: JSONValue?) -> [String] {
        switch (recorded, other) {
        case (nil, nil): return []
        case (nil, let other?): return ["(body): recorded empty, other \(Self.kind(other))"]
        case (let recorded?, nil): return ["(body): recorded \(Self.kind(recorded)), other empty"]
        case (let recorded?, let other?):
            var lines: [String] = []
            compare(recorded, other, path: "", key: nil, into: &lines)
            return lines
        }
    }

    private func compare(_ recorded: JSONValue, _ other: JSONValue, path: String, key: String?, into lines: inout [String]) {
        let label = path.isEmpty ? "(body)" : path
        if let key, generatedKeys.contains(key) {
            if Self.kind(recorded) != Self.kind(other) {
                lines.append("\(label): recorded \(Self.kind(recorded)), other \(Self.kind(other))")
            } else if case .array(let a) = recorded, case .array(let b) = other,
                Set(a.map(Self.kind)) != Set(b.map(Self.kind)), !a.isEmpty, !b.isEmpty
            {
                lines.append("\(label): recorded items \(Self.kinds(a)), other items \(Self.kinds(b))")
            }
            return
        }
        switch (recorded, other) {
        case (.object(let a), .object(let b)):
            for name in Set(a.keys).union(b.keys).sorted() {
                let child = path.isEmpty ? name : "\(path).\(name)"
                switch (a[name], b[name]) {
                case (let x?, let y?): compare(x, y, path: child, key: name, into: &lines)
                case (_?, nil): lines.append("\(child): only in the recorded answer")
                case (nil, _?): lines.append("\(child): only in the other answer")
                case (nil, nil): break
                }
            }
        case (.array(var a), .array(var b)):
            guard a.count == b.count else {
                lines.append("\(label): recorded \(a.count) items, other \(b.count)")
                return
            }
            if let key, unorderedKeys.contains(key) {
                a.sort { $0.compactText < $1.compactText }
                b.sort { $0.compactText < $1.compactText }
            }
            for (i, (x, y)) in zip(a, b).enumerated() {
                compare(x, y, path: "\(path)[\(i)]", key: nil, into: &lines)
            }
        default:
            if Self.kind(recorded) != Self.kind(other) {
                lines.append("\(label): recorded \(Self.kind(recorded)), other \(Self.kind(other))")
            } else if recorded != other {
                lines.append("\(label): recorded \(recorded.compactText), other \(other.compactText)")
            }
        }
    }

    /// The JSON type's name: `null`, `bool`, `int`, `double`, `string`, `array`, `object`.
    public static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private static func kinds(_ items: [JSONValue]) -> String { Set(items.map(kind)).sorted().joined(separator: "|") }
}
