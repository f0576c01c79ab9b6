import Auth0Schema
import Foundation
import JSONValues
import Testing
import TestSupport

/// The embedded excerpt is the test resource copy of Auth0's OpenAPI excerpt, and `$ref`s resolve.
@Suite("Management API document")
struct ManagementAPIDocumentTests {
    static let resourceURL = Cassette.directory.appendingPathComponent("auth0-management-api-excerpt.json")

    @Test("the embedded document equals the resource copy (run scripts/embed-openapi-excerpt after replacing it)")
    func embeddedEqualsResource() throws {
        // Through JSONDecoder: the embedded text is read by JSONValue's own reader, which this holds to it too.
        let resource = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.resourceURL))
        #expect(ManagementAPIDocument.excerpt.root == resource)
    }

    @Test func schemaByNameAndReference() throws {
        let document = ManagementAPIDocument.excerpt
        let samlp = try #require(document.schema(named: "CreateConnectionRequestContentSAML"))
        let options = try #require(samlp["allOf"]?.arrayValue?.first?["properties"]?["options"])
        #expect(options == ["$ref": "#/components/schemas/ConnectionOptionsSAML"])
        #expect(document.resolve(options) == document.schema(named: "ConnectionOptionsSAML"))
        #expect(document.resolve(["$ref": "#/components/schemas/NoSuchSchema"]) == nil)
        #expect(document.resolve(["$ref": "https://example.com/other.json"]) == nil)
        #expect(document.resolve(["type": "string"]) == ["type": "string"])
        #expect(ManagementAPIDocument.schemaName(reference: "#/components/schemas/X") == "X")
        #expect(ManagementAPIDocument.schemaName(reference: "#/paths/X") == nil)
    }

    @Test("every strategy of ConnectionIdentityProviderEnum has its create and update options schemas")
    func strategies() throws {
        let document = ManagementAPIDocument.excerpt
        let strategies = try #require(document.schema(named: "ConnectionIdentityProviderEnum")?["enum"]?.arrayValue)
            .compactMap(\.stringValue).sorted()
        let options = document.connectionOptionsSchemas
        #expect(options.keys.sorted() == strategies)
        #expect(options["samlp"] == [["$ref": "#/components/schemas/ConnectionOptionsSAML"]])
        #expect(options["evernote-sandbox"] == [["$ref": "#/components/schemas/ConnectionOptionsEvernote"]])
    }
}
