import Foundation
import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// The catalogue of operations (``ManagementOperation``) is the only place that spells a Management API path, and
/// each entry is held to Auth0's OpenAPI document (the excerpt in Resources/cassettes).
@Suite struct ManagementOperationTests {
    /// Lines of Sources/ outside Sources/ManagementAPI that hold a string literal starting `"/api/v2` (comments
    /// aside), except the client-credentials audience `https://DOMAIN/api/v2/` and the embedded OpenAPI document
    /// itself (`Sources/Auth0Schema/Generated/`, data rather than code).
    @Test func noManagementPathOutsideTheCatalogue() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100)
        var found: [String] = []
        for file in files
        where !file.path.contains("/Sources/ManagementAPI/") && !file.path.contains("/Sources/Auth0Schema/Generated/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), line.contains("\"/api/v2") else { continue }
                found.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        #expect(found == [])
    }

    /// Every entry's path and method exist in the OpenAPI document with the same `operationId`, request schema
    /// and 2xx response schema; its scopes are among those the document lists (`read:connections_options` and
    /// `update:connections_options`, which the document does not list, only as body scopes).
    @Test(arguments: ManagementOperation.all)
    func entryMatchesTheOpenAPIDocument(_ operation: ManagementOperation) throws {
        let excerpt = try Cassette.managementAPIExcerpt()
        let relative = String(operation.template.dropFirst("/api/v2".count))
        let entry = try #require(excerpt["paths"]?[relative]?[operation.method.rawValue.lowercased()], "\(operation)")
        #expect(entry["operationId"]?.stringValue == operation.id)
        let request = entry["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.stringValue
        #expect(request == operation.requestSchema.map { "#/components/schemas/\($0)" })
        let responses = entry["responses"]?.objectValue ?? [:]
        let success = responses.keys.filter { $0.hasPrefix("2") }.sorted()
        let schema = success.lazy.compactMap { responses[$0]?["content"]?["application/json"]?["schema"] }.first
        let references = ([schema?["$ref"]] + (schema?["oneOf"]?.arrayValue ?? []).map { $0["$ref"] })
            .compactMap { $0?.stringValue }
        if let name = operation.responseSchema {
            #expect(references.contains("#/components/schemas/\(name)"), "\(operation): \(references)")
        } else {
            #expect(references == [], "\(operation)")
        }
        let listed = Set((entry["security"]?.arrayValue ?? []).flatMap {
            $0["oAuth2ClientCredentials"]?.arrayValue?.compactMap(\.stringValue) ?? []
        })
        #expect(Set(operation.scopes).isSubset(of: listed), "\(operation): \(listed.sorted())")
        let parameters = Set((entry["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        switch operation.paging {
        case .none: break
        case .offset: #expect(parameters.isSuperset(of: ["page", "per_page", "include_totals"]))
        case .checkpoint: #expect(parameters.isSuperset(of: ["from", "take"]))
        case .checkpointOrOffset: #expect(parameters.isSuperset(of: ["page", "per_page", "from", "take"]))
        }
    }

    @Test func pathsAreBuiltFromTemplatesWithEncodedSegments() {
        #expect(ManagementOperation.listOrganizations.path() == "/api/v2/organizations")
        #expect(ManagementOperation.getOrganizationByName.path("a b/c") == "/api/v2/organizations/name/a%20b%2Fc")
        #expect(ManagementOperation.updateEnabledConnection.path("org_1", "con_2")
            == "/api/v2/organizations/org_1/enabled_connections/con_2")
        #expect(ManagementOperation.updateConnectionClients.path("{{connection:acme-entra}}")
            == "/api/v2/connections/{{connection:acme-entra}}/clients")
    }

    @Test func routingMatchesTemplatesLiteralsFirst() {
        let byName = ManagementOperation.route(.get, path: "/api/v2/organizations/name/acme%20corp")
        #expect(byName?.operation == .getOrganizationByName)
        #expect(byName?.parameters == ["acme corp"])
        let link = ManagementOperation.route(.patch, path: "/api/v2/organizations/org_1/enabled_connections/con_2")
        #expect(link?.operation == .updateEnabledConnection)
        #expect(link?.parameters == ["org_1", "con_2"])
        #expect(ManagementOperation.route(.get, path: "/api/v2/organizations/org_1")?.operation == .getOrganization)
        #expect(ManagementOperation.route(.delete, path: "/api/v2/organizations") == nil)
        #expect(ManagementOperation.knowsPath("/api/v2/organizations"))
        #expect(ManagementOperation.route(.get, path: "/api/v2/organizations/org_1/members")?.operation == .listOrganizationMembers)
        #expect(ManagementOperation.route(.post, path: "/api/v2/organizations/org_1/members") == nil)
        #expect(ManagementOperation.route(.get, path: "/api/v2/organizations/org_1/members/u_1/roles") == nil)
        #expect(ManagementOperation.route(.get, path: "/api/v2/connections//clients") == nil)
        #expect(APIRequest(.delete, "/api/v2/roles/rol_1").operation == .deleteRole)
        #expect(APIRequest(.get, "/api/v2/users").operation == .listUsers)
        #expect(APIRequest(.get, "/api/v2/users/auth0%7C1").operation == .getUser)
        #expect(ManagementOperation.route(.get, path: "/api/v2/users/auth0%7C1")?.parameters == ["auth0|1"])
        #expect(APIRequest(.patch, "/api/v2/users/auth0%7C1").operation == nil)
    }

    /// A path parameter is percent-decoded when it holds an escape, kept as written when the escape is broken.
    @Test(arguments: [
        ("/api/v2/organizations/org_1", ["org_1"]), ("/api/v2/organizations/a%2Fb", ["a/b"]),
        ("/api/v2/organizations/%C3%A9", ["é"]), ("/api/v2/organizations/org%zz", ["org%zz"]),
        ("/api/v2/organizations/100%", ["100%"]), ("/api/v2/organizations/a+b", ["a+b"]),
    ] as [(String, [String])])
    func pathParametersAreDecoded(_ path: String, _ parameters: [String]) {
        #expect(ManagementOperation.route(.get, path: path)?.operation == .getOrganization)
        #expect(ManagementOperation.route(.get, path: path)?.parameters == parameters)
        #expect(ManagementOperation.getOrganization.match(.get, path: path) == parameters)
        #expect(ManagementOperation.getOrganization.match(.delete, path: path) == nil)
    }

    /// The catalogue's operation ids are unique, and each method and template pair appears once.
    @Test func entriesAreUnique() {
        #expect(Set(ManagementOperation.all.map(\.id)).count == ManagementOperation.all.count)
        #expect(Set(ManagementOperation.all.map(\.description)).count == ManagementOperation.all.count)
    }
}

extension ManagementOperationTests {
    /// docs/auth0-fidelity.md lists the catalogue exactly (its "Operations" table is ``ManagementOperation/markdownTable``).
    @Test func fidelityDocumentListsTheCatalogue() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/auth0-fidelity.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        #expect(text.contains(ManagementOperation.markdownTable), "expected table:\n\(ManagementOperation.markdownTable)")
    }
}
