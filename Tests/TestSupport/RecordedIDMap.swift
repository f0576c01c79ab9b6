import JSONValues
import ManagementAPI

/// Recorded ids and cursors mapped to the ones another transport generated, learnt as answers come back, so a
/// recorded request sequence can be sent to a tenant that made up its own ids.
///
/// An id is learnt from the members ``idKeys`` (`id`, `client_id`, `connection_id`, `organization_id`,
/// `ticket_id`, `next`) found at the same place in a recorded answer and in the other answer. Substitution
/// replaces every occurrence of a learnt recorded value inside strings (paths, query values, bodies, and URLs
/// such as `invitation_url` that embed ids).
public struct RecordedIDMap: Sendable, Equatable {
    /// Recorded value -> the other transport's value.
    public private(set) var values: [String: String] = [:]

    /// The members whose string values are ids or cursors.
    public static let idKeys: Set<String> = ["id", "client_id", "connection_id", "organization_id", "ticket_id", "next"]

    /// An empty map.
    public init() {}

    /// Learns the ids of `other` that stand where `recorded` has different ones. Arrays are walked item by item
    /// only when both have the same length; ids shorter than 8 characters are ignored (too short to substitute
    /// safely inside other strings).
    public mutating func learn(recorded: JSONValue?, other: JSONValue?) {
        switch (recorded, other) {
        case (.object(let a)?, .object(let b)?):
            for (key, x) in a {
                guard let y = b[key] else { continue }
                if Self.idKeys.contains(key), let from = x.stringValue, let to = y.stringValue, from != to,
                    from.count >= 8, values[from] == nil
                {
                    values[from] = to
                } else {
                    learn(recorded: x, other: y)
                }
            }
        case (.array(let a)?, .array(let b)?) where a.count == b.count:
            for (x, y) in zip(a, b) { learn(recorded: x, other: y) }
        default:
            break
        }
    }

    /// `text` with every learnt recorded id replaced (longest first, so no id is replaced inside a longer one).
    public func apply(_ text: String) -> String {
        var result = text
        for from in values.keys.sorted(by: { $0.count > $1.count }) where result.contains(from) {
            result = result.replacingOccurrences(of: from, with: values[from]!)
        }
        return result
    }

    /// `value` with ids substituted in every string (object keys are left alone).
    public func apply(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(apply(text))
        case .array(let items): return .array(items.map(apply))
        case .object(let members): return .object(members.mapValues(apply))
        default: return value
        }
    }

    /// `request` with ids substituted in its path, query values and body.
    public func apply(_ request: APIRequest) -> APIRequest {
        APIRequest(
            request.method, apply(request.path), query: request.query.mapValues(apply),
            body: request.body.map { apply($0) })
    }
}
