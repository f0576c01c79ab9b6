import Auth0Schema
import Foundation
import JSONValues
@testable import LocalTenant
import ManagementAPI
import Testing
import TestSupport

/// The local tenant's users and organization members (README, "Which tenant"): the member and user reads with the
/// API's paging, their 404s and refusals, the checks of the file's `users` and `organization_members`, answers that
/// validate against Auth0's response schemas, identity provider tokens never answered, and what deleting an
/// organization or a connection does to members and users.
@Suite struct LocalTenantUsersTests {
    /// A stored user on `connection` (database unless `strategy` says otherwise).
    static func user(_ n: Int, connection: String = "Username-Password-Authentication", strategy: String = "auth0")
        -> JSONValue
    {
        let subject = String(format: "%024x", n)
        let enterprise = strategy != "auth0"
        let identityID = enterprise ? "\(connection)|\(subject)" : subject
        return [
            "user_id": .string("\(strategy)|\(identityID)"),
            "email": .string("user\(n)@globex.example"),
            "email_verified": false,
            "name": .string("User \(n)"),
            "nickname": .string("user\(n)"),
            "picture": "https://cdn.auth0.com/avatars/us.png",
            "identities": [[
                "connection": .string(connection), "provider": .string(strategy), "user_id": .string(identityID),
                "isSocial": false,
            ]],
            "app_metadata": ["member_id": .string("G-\(n)")],
            "created_at": "2026-01-01T00:00:00.000Z",
            "updated_at": "2026-01-01T00:00:00.000Z",
        ]
    }

    /// `globex` (`org_G`) with `count` members, users 1…count, plus `initech` (`org_I`) without members.
    static func seed(members count: Int) -> JSONValue {
        let users = (1...max(count, 1)).map { user($0) }
        return [
            "organizations": [
                ["id": "org_G", "name": "globex", "enabled_connections": [["connection_id": "con_DB"]]],
                ["id": "org_I", "name": "initech", "enabled_connections": []],
            ],
            "connections": [
                ["id": "con_DB", "name": "Username-Password-Authentication", "strategy": "auth0"],
                ["id": "con_SAML", "name": "globex-saml", "strategy": "samlp"],
            ],
            "users": .array(users),
            "organization_members": ["org_G": .array(users.prefix(count).map { $0["user_id"]! })],
        ]
    }

    static func get(_ local: LocalTenant, _ path: String, _ query: [String: String] = [:]) async throws -> APIResponse {
        try await local.send(APIRequest(.get, path, query: query))
    }

    static func error(_ status: Int, _ error: String, _ message: String, _ code: String?) -> APIResponse {
        var body: [String: JSONValue] = ["statusCode": .int(status), "error": .string(error), "message": .string(message)]
        if let code { body["errorCode"] = .string(code) }
        return APIResponse(status: status, headers: ["content-type": "application/json; charset=utf-8"], body: .object(body))
    }

    static func member(_ n: Int) -> JSONValue {
        let stored = user(n)
        return ["user_id": stored["user_id"]!, "email": stored["email"]!, "picture": stored["picture"]!, "name": stored["name"]!]
    }

    static func cursor(_ position: Int) -> String { Data("p:\(position)".utf8).base64EncodedString() }

    // MARK: Members

    /// Checkpoint paging reads `ceil(members / take)` pages; each page but the last has `next`.
    @Test(arguments: [
        (250, 100, [100, 100, 50], [cursor(100), cursor(200)]),
        (200, 100, [100, 100], [cursor(100)]),
        (250, nil, [50, 50, 50, 50, 50], [cursor(50), cursor(100), cursor(150), cursor(200)]),
        (1, 100, [1], []),
    ] as [(Int, Int?, [Int], [String])])
    func membersCheckpointPaging(count: Int, take: Int?, sizes: [Int], nexts: [String]) async throws {
        let local = try LocalTenant(json: Self.seed(members: count))
        // Without `take`, a `from` of the first position asks for checkpoint paging with the default of 50.
        var query: [String: String] = take.map { ["take": String($0)] } ?? ["from": Self.cursor(0)]
        var pages: [JSONValue] = []
        var seenNexts: [String] = []
        while true {
            let answer = try await Self.get(local, "/api/v2/organizations/org_G/members", query)
            try #require(answer.status == 200)
            let body = try #require(answer.body)
            pages.append(body)
            #expect(try SchemaValidator.managementAPI.validate(body, schemaNamed: "ListOrganizationMembersPaginatedResponseContent") == [])
            guard let next = body["next"]?.stringValue else { break }
            seenNexts.append(next)
            query["from"] = next
        }
        #expect(pages.map { $0["members"]?.arrayValue?.count ?? -1 } == sizes)
        #expect(seenNexts == nexts)
        #expect(pages.last?.objectValue?.keys.sorted() == ["members"])
        #expect(pages.flatMap { $0["members"]?.arrayValue ?? [] } == (1...count).map(Self.member))
        #expect(await local.servedRequests.count == sizes.count)
    }

    /// Offset paging: `{members, start, limit, total}` with totals, a bare array without, 50 by default, and
    /// Auth0's 400 from the 1,000th record on (checkpoint paging is never capped).
    @Test func membersOffsetPaging() async throws {
        let local = try LocalTenant(json: Self.seed(members: 250))
        let path = "/api/v2/organizations/org_G/members"
        for page in 0..<3 {
            let answer = try await Self.get(local, path, ["page": String(page), "per_page": "100", "include_totals": "true"])
            let start = page * 100
            #expect(answer.body == [
                "members": .array((start + 1...min(start + 100, 250)).map(Self.member)),
                "start": .int(start), "limit": 100, "total": 250,
            ])
            #expect(try SchemaValidator.managementAPI.validate(
                answer.body!, schemaNamed: "ListOrganizationMembersOffsetPaginatedResponseContent") == [])
        }
        let bare = try await Self.get(local, path)
        #expect(bare.body == .array((1...50).map(Self.member)))
        #expect(try SchemaValidator.managementAPI.validate(bare.body!, schemaNamed: "ListOrganizationMembersResponseContent") == [])
        #expect(try await Self.get(local, path, ["page": "9", "per_page": "100"]).body == [])
        #expect(try await Self.get(local, path, ["page": "10", "per_page": "100"]) == Self.error(
            400, "Bad Request", "Requesting page exceeds the allowed maximum of 1000 records", "invalid_query_string"))
    }

    @Test func membersOfAnUnknownOrganizationOrWithoutMembers() async throws {
        let local = try LocalTenant(json: Self.seed(members: 3))
        #expect(try await Self.get(local, "/api/v2/organizations/org_X/members", ["take": "100"]) == Self.error(
            404, "Not Found", "No organization found by that id or name", "inexistent_organization"))
        #expect(try await Self.get(local, "/api/v2/organizations/org_I/members", ["take": "100"]).body == ["members": []])
        #expect(try await Self.get(local, "/api/v2/organizations/org_I/members").body == [])
    }

    /// `fields` selects members; roles are not held, so asking for them is refused rather than answered empty.
    @Test(arguments: [
        (["fields": "user_id,email"], JSONValue.array([["user_id": user(1)["user_id"]!, "email": "user1@globex.example"]])),
        (["fields": "picture,name", "include_fields": "false"],
         .array([["user_id": user(1)["user_id"]!, "email": "user1@globex.example"]])),
        (["fields": "roles"], nil),
        (["fields": "user_id,roles", "include_fields": "false"], nil),
    ] as [([String: String], JSONValue?)])
    func memberFields(query: [String: String], expected: JSONValue?) async throws {
        let local = try LocalTenant(json: Self.seed(members: 1))
        let answer = try await Self.get(local, "/api/v2/organizations/org_G/members", query)
        if let expected {
            #expect(answer.body == expected)
        } else {
            #expect(answer == Self.error(
                400, "Bad Request",
                "The local tenant does not hold organization member roles: fields naming 'roles' is not supported",
                "invalid_query_string"))
        }
    }

    // MARK: Users

    @Test func userReadAnd404() async throws {
        let local = try LocalTenant(json: Self.seed(members: 2))
        let id = try #require(Self.user(2)["user_id"]?.stringValue)
        let encoded = "/api/v2/users/" + id.replacingOccurrences(of: "|", with: "%7C")
        let answer = try await Self.get(local, encoded)
        #expect(answer.status == 200)
        #expect(answer.body == Self.user(2))
        #expect(try SchemaValidator.managementAPI.validate(answer.body!, schemaNamed: "GetUserResponseContent") == [])
        #expect(try await Self.get(local, encoded, ["fields": "user_id,app_metadata"]).body == [
            "user_id": .string(id), "app_metadata": ["member_id": "G-2"],
        ])
        let missing = Self.error(404, "Not Found", "The user does not exist.", "inexistent_user")
        #expect(try await Self.get(local, "/api/v2/users/auth0%7Cnobody") == missing)
        #expect(try await Self.get(local, "/api/v2/users/" + String(id.dropLast())) == missing)
    }

    @Test func usersList() async throws {
        let local = try LocalTenant(json: Self.seed(members: 3))
        let all = try await Self.get(local, "/api/v2/users", ["page": "0", "per_page": "2", "include_totals": "true"])
        #expect(all.body == ["users": [Self.user(1), Self.user(2)], "start": 0, "limit": 2, "length": 2, "total": 3])
        #expect(try SchemaValidator.managementAPI.validate(all.body!, schemaNamed: "ListUsersResponseContent") == [])
        let bare = try await Self.get(local, "/api/v2/users", ["page": "1", "per_page": "2"])
        #expect(bare.body == [Self.user(3)])
        #expect(try SchemaValidator.managementAPI.validate(bare.body!, schemaNamed: "ListUsersResponseContent") == [])
        #expect(try await Self.get(local, "/api/v2/users", ["page": "10", "per_page": "100"]) == Self.error(
            400, "Bad Request",
            "You can only page through the first 1000 records. See "
                + "https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.",
            "invalid_query_string"))
    }

    /// User search is modelled for `q=app_metadata.KEY:"VALUE"` only (a plan's member impact): every other search
    /// parameter is refused, naming it, never ignored.
    @Test(arguments: [
        ["q": "email:\"user1@globex.example\""], ["sort": "created_at:1"], ["connection": "Username-Password-Authentication"],
        ["search_engine": "v3", "per_page": "10"],
        ["q": "app_metadata.member_id:G-1"],  // unquoted
        ["q": "app_metadata.member id:\"G-1\""],  // not a key
        ["q": "app_metadata.member_id:\"G-1\"", "search_engine": "v2"],
        ["q": "app_metadata.member_id:\"G-1\" OR email:\"x\""],
    ])
    func userSearchIsRefused(_ query: [String: String]) async throws {
        let local = try LocalTenant(json: Self.seed(members: 1))
        let parameter = query["search_engine"] == "v2" ? "search_engine" : query.keys.first { $0 != "per_page" }!
        #expect(try await Self.get(local, "/api/v2/users", query) == Self.error(
            400, "Bad Request",
            "The local tenant does not search users: the query parameter '\(parameter)' is not supported; it answers "
                + "page, per_page, include_totals, fields, include_fields and q=app_metadata.KEY:\"VALUE\" (search_engine=v3)",
            "invalid_query_string"))
    }

    /// `q=app_metadata.KEY:"VALUE"`: the users whose `app_metadata.KEY`, as text, is VALUE; `\"` and `\\` escape.
    @Test(arguments: [
        ("app_metadata.member_id:\"G-2\"", ["auth0|000000000000000000000002"]),
        ("app_metadata.member_id:\"G-9\"", []),
        ("app_metadata.other:\"G-2\"", []),
        ("app_metadata.member_id:\"G-\\\"2\"", []),
    ] as [(String, [String])])
    func appMetadataSearch(q: String, found: [String]) async throws {
        let local = try LocalTenant(json: Self.seed(members: 3))
        let answer = try await Self.get(
            local, "/api/v2/users", ["q": q, "search_engine": "v3", "fields": "user_id", "include_fields": "true"])
        #expect(answer.status == 200)
        #expect(answer.body == .array(found.map { ["user_id": .string($0)] }))
    }

    // MARK: Identity provider tokens

    static let tokens = ["ya29.IDP-ACCESS-TOKEN-VALUE", "1//IDP-REFRESH-TOKEN-VALUE", "IDP-TOKEN-SECRET-VALUE"]

    /// A user whose identity holds identity provider tokens (a tenant captured with `read:user_idp_tokens`).
    static func userWithTokens() -> JSONValue {
        var stored = user(1, connection: "google-oauth2", strategy: "google-oauth2").objectValue!
        stored["identities"] = [[
            "connection": "google-oauth2", "provider": "google-oauth2", "user_id": "1234567890", "isSocial": true,
            "access_token": .string(tokens[0]), "refresh_token": .string(tokens[1]),
            "access_token_secret": .string(tokens[2]),
        ]]
        return .object(stored)
    }

    @Test func identityProviderTokensAreNeverAnswered() async throws {
        let stored = Self.userWithTokens()
        let local = try LocalTenant(json: [
            "organizations": [["id": "org_G", "name": "globex"]],
            "users": [stored], "organization_members": ["org_G": [stored["user_id"]!]],
        ])
        let id = try #require(stored["user_id"]?.stringValue)
        var expected = stored.objectValue!
        expected["identities"] = [["connection": "google-oauth2", "provider": "google-oauth2", "user_id": "1234567890", "isSocial": true]]
        let answers = [
            try await Self.get(local, "/api/v2/users/" + id.replacingOccurrences(of: "|", with: "%7C")),
            try await Self.get(local, "/api/v2/users"),
            try await Self.get(local, "/api/v2/organizations/org_G/members", ["take": "10"]),
        ]
        #expect(answers[0].body == .object(expected))
        #expect(answers[1].body == [.object(expected)])
        for answer in answers {
            let text = answer.body?.compactText ?? ""
            #expect(!Self.tokens.contains { text.contains($0) }, "\(text)")
        }
        // Nor in the message refusing a file with such a user.
        let duplicate: JSONValue = ["users": [stored, stored]]
        let error = try #require(throws: LocalTenantError.self) { try LocalTenant(json: duplicate) }
        #expect(error.description == "local tenant file is invalid: users[1] repeats user_id '\(id)' of users[0]")
    }

    // MARK: The file's sections

    /// Each file (JSON text) and the reason it is refused.
    static let invalidSections: [(String, String)] = [
        (#"{"users": ["auth0|1"]}"#, "'users' must be an array of objects"),
        (#"{"users": [{"email": "a@b.example"}]}"#, "users[0] has no string 'user_id'"),
        (#"{"users": [{"user_id": "auth0|1"}, {"user_id": "auth0|1"}]}"#, "users[1] repeats user_id 'auth0|1' of users[0]"),
        (#"{"users": [{"user_id": "auth0|1", "identities": {"connection": "db"}}]}"#, "users[0].identities must be an array"),
        (#"{"users": [{"user_id": "auth0|1", "identities": [{"provider": "auth0", "user_id": "1"}]}]}"#,
         "users[0].identities[0] must be an object with a string 'connection' (the connection's name), a string "
            + "'provider' and a 'user_id'"),
        (#"{"users": [{"user_id": "auth0|1", "identities": [{"connection": "db", "provider": "auth0", "user_id": ""}]}]}"#,
         "users[0].identities[0] must be an object with a string 'connection' (the connection's name), a string "
            + "'provider' and a 'user_id'"),
        (#"{"users": [{"user_id": "auth0|1", "identities": ["db"]}]}"#,
         "users[0].identities[0] must be an object with a string 'connection' (the connection's name), a string "
            + "'provider' and a 'user_id'"),
        (#"{"users": [{"user_id": "auth0|1", "app_metadata": "G-1"}]}"#, "users[0].app_metadata must be an object"),
        (#"{"users": [{"user_id": "auth0|1", "user_metadata": []}]}"#, "users[0].user_metadata must be an object"),
        (#"{"organization_members": []}"#, "'organization_members' must be an object"),
        (#"{"organizations": [{"id": "org_G", "name": "globex"}], "organization_members": {"org_G": "auth0|1"}}"#,
         "organization_members[\"org_G\"] must be an array of user ids (strings)"),
        (#"{"organizations": [{"id": "org_G", "name": "globex"}], "organization_members": {"org_G": [1]}}"#,
         "organization_members[\"org_G\"] must be an array of user ids (strings)"),
        (#"{"users": [{"user_id": "auth0|1"}], "organization_members": {"org_X": ["auth0|1"]}}"#,
         "organization_members[\"org_X\"] names no organization: 'org_X' is not among organizations"),
        (#"{"organizations": [{"id": "org_G", "name": "globex"}], "users": [{"user_id": "auth0|1"}], "#
            + #""organization_members": {"org_G": ["auth0|1", "auth0|2"]}}"#,
         "organization_members[\"org_G\"][1] is 'auth0|2', which is not among users"),
        (#"{"organizations": [{"id": "org_G", "name": "globex"}], "users": [{"user_id": "auth0|1"}], "#
            + #""organization_members": {"org_G": ["auth0|1", "auth0|1"]}}"#,
         "organization_members[\"org_G\"][1] repeats 'auth0|1' of organization_members[\"org_G\"][0]"),
    ]

    @Test(arguments: invalidSections)
    func invalidSectionsAreRefused(_ text: String, _ reason: String) throws {
        let json = try JSONValue(data: Data(text.utf8))
        #expect(throws: LocalTenantError.invalidFile(reason)) { try LocalTenant(json: json) }
    }

    /// The nearest valid files: a user without identities or metadata, an identity with a numeric user id, a
    /// member list that is empty.
    @Test(arguments: [
        #"{"users": [{"user_id": "auth0|1"}]}"#,
        #"{"users": [{"user_id": "ad|corp|7", "identities": [{"connection": "corp", "provider": "ad", "user_id": 7}]}]}"#,
        #"{"organizations": [{"id": "org_G", "name": "globex"}], "organization_members": {"org_G": []}}"#,
    ])
    func nearestValidSectionsOpen(_ text: String) async throws {
        let json = try JSONValue(data: Data(text.utf8))
        let local = try LocalTenant(json: json)
        #expect(await local.snapshotJSON["users"] == (json["users"] ?? []))
        #expect(await local.snapshotJSON["organization_members"] == (json["organization_members"] ?? [:]))
    }

    // MARK: Deletes

    /// Deleting an organization disassociates its members; the users stay.
    @Test func deletingAnOrganizationDisassociatesItsMembers() async throws {
        let local = try LocalTenant(json: Self.seed(members: 3))
        #expect(try await local.send(APIRequest(.delete, "/api/v2/organizations/org_G")).status == 204)
        let snapshot = await local.snapshotJSON
        #expect(snapshot["organization_members"] == [:])
        #expect(snapshot["users"] == [Self.user(1), Self.user(2), Self.user(3)])
        #expect(try await Self.get(local, "/api/v2/users/" + Self.user(1)["user_id"]!.stringValue!).status == 200)
        #expect(try await Self.get(local, "/api/v2/organizations/org_G/members").status == 404)
    }

    /// Deleting a connection deletes the users whose primary identity is on it, with their memberships; a user
    /// with a linked identity on it loses only that identity.
    @Test func deletingAConnectionDeletesItsUsers() async throws {
        var seed = Self.seed(members: 2).objectValue!
        var linked = Self.user(3, connection: "globex-saml", strategy: "samlp").objectValue!
        let samlIdentity = linked["identities"]!.arrayValue![0]
        linked["identities"] = [samlIdentity, Self.user(3)["identities"]!.arrayValue![0]]
        let saml = Self.user(4, connection: "globex-saml", strategy: "samlp")
        seed["users"] = [Self.user(1), Self.user(2), .object(linked), saml]
        seed["organization_members"] = ["org_G": [Self.user(1)["user_id"]!, linked["user_id"]!, saml["user_id"]!]]
        let local = try LocalTenant(json: .object(seed))
        #expect(try await local.send(APIRequest(.delete, "/api/v2/connections/con_DB")).status == 202)
        var unlinked = linked
        unlinked["identities"] = [samlIdentity]
        let snapshot = await local.snapshotJSON
        #expect(snapshot["users"] == [.object(unlinked), saml])
        #expect(snapshot["organization_members"] == ["org_G": [linked["user_id"]!, saml["user_id"]!]])
        #expect(try await Self.get(local, "/api/v2/users/" + Self.user(1)["user_id"]!.stringValue!).status == 404)
    }

    /// Writes to the new sections are journaled as the entries they changed, and a reopened tenant (file plus
    /// journal) equals the live one.
    @Test(arguments: [
        ("/api/v2/organizations/org_G", #"{"delete":true,"key":"org_G","section":"organization_members"}"#),
        ("/api/v2/connections/con_DB", #"{"key":"org_G","put":[],"section":"organization_members"}"#),
    ])
    func journaledDeletesReopenEqual(_ path: String, _ record: String) async throws {
        let work = try CaseWorkspace(empty: "users-journal")
        let seed = Self.seed(members: 3)
        try work.write("t.json", String(decoding: seed.encoded(pretty: true), as: UTF8.self))
        let local = try LocalTenant(path: work.path("t.json"))
        #expect(try await local.send(APIRequest(.delete, path)).status / 100 == 2)
        let live = await local.snapshotJSON
        #expect(live["organization_members"] != seed["organization_members"])
        let journal = try String(contentsOfFile: work.path("t.json.journal"), encoding: .utf8)
        #expect(journal.contains(record), "\(journal)")
        #expect(try await LocalTenant(path: work.path("t.json")).snapshotJSON == live)
        try await local.compact()
        #expect(try work.json("t.json") == live)
        #expect(try await LocalTenant(path: work.path("t.json")).snapshotJSON == live)
    }
}
