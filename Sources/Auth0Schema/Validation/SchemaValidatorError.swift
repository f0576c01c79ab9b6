/// A misuse of ``SchemaValidator``: the caller asked for something the OpenAPI document does not hold.
public enum SchemaValidatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `components.schemas` has no schema by this name.
    case unknownSchema(String)

    /// `no schema named NAME in components.schemas`.
    public var description: String {
        switch self {
        case .unknownSchema(let name): "no schema named \(name) in components.schemas"
        }
    }
}
