/// The most keys Auth0 accepts in a metadata map (`maxProperties` of the schema in the Management API v2 OpenAPI
/// document; Auth0 answers 400 to a write past it). The planner refuses an adoption whose marker would pass the
/// limit, and the local tenant refuses such a write, both from these values.
public enum MetadataLimit {
    /// Organization `metadata`: 25 keys (schema `OrganizationMetadata`).
    public static let organization = 25
    /// Connection `metadata`: 10 keys (schema `ConnectionsMetadata`).
    public static let connection = 10
    /// Client `client_metadata`: 10 keys (schema `ClientMetadata`).
    public static let client = 10
}
