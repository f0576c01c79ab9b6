import JSONValues
import ManagementAPI
import Testing
import TestSupport

/// The structural comparison and the id substitution the local-tenant conformance tests rely on.
@Suite struct ShapeComparisonTests {
    @Test func reportsEveryKindOfDifference() {
        let recorded: JSONValue = [
            "id": "con_A", "options": ["mfa": ["active": true], "strategy_version": 2], "realms": ["a", "b"],
            "created_at": "2024-06-07T10:12:31.846Z", "enabled_clients": ["x", "y"], "flag": true,
        ]
        let other: JSONValue = [
            "id": "con_A", "options": ["strategy_version": 3, "extra": "e"], "realms": ["a"],
            "created_at": 5, "enabled_clients": ["y", "x"], "flag": "true",
        ]
        #expect(ShapeComparison.auth0.differences(recorded: recorded, other: other) == [
            "created_at: recorded string, other int",
            "flag: recorded bool, other string",
            "options.extra: only in the other answer",
            "options.mfa: only in the recorded answer",
            "options.strategy_version: recorded 2, other 3",
            "realms: recorded 2 items, other 1",
        ])
        #expect(ShapeComparison.auth0.differences(recorded: nil, other: ["a": 1]) == ["(body): recorded empty, other object"])
        #expect(ShapeComparison.auth0.differences(recorded: ["a": 1], other: nil) == ["(body): recorded object, other empty"])
        #expect(ShapeComparison.auth0.differences(recorded: nil, other: nil) == [])
    }

    @Test func generatedValuesAreComparedByTypeOnly() {
        let recorded: JSONValue = ["deleted_at": "2024-06-07T10:12:31.846Z", "options": ["thumbprints": ["a", "b"]]]
        let same: JSONValue = ["deleted_at": "2026-01-01T00:00:00.000Z", "options": ["thumbprints": ["c"]]]
        #expect(ShapeComparison.auth0.differences(recorded: recorded, other: same) == [])
        let wrong: JSONValue = ["deleted_at": "x", "options": ["thumbprints": [1]]]
        #expect(ShapeComparison.auth0.differences(recorded: recorded, other: wrong) == [
            "options.thumbprints: recorded items string, other items int",
        ])
    }

    @Test func recordedIDsAreLearntAndSubstituted() {
        var ids = RecordedIDMap()
        ids.learn(
            recorded: ["id": "org_SST1yp2pazgSiMYi", "items": [["client_id": "8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4"]], "next": "MjAy"],
            other: ["id": "org_local000000001", "items": [["client_id": "LOCALCLIENT"]], "next": "cDoy"])
        // `next` is too short to substitute safely inside other strings.
        #expect(ids.values == [
            "org_SST1yp2pazgSiMYi": "org_local000000001", "8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4": "LOCALCLIENT",
        ])
        let request = ids.apply(APIRequest(
            .post, "/api/v2/organizations/org_SST1yp2pazgSiMYi/invitations", query: ["from": "org_SST1yp2pazgSiMYi"],
            body: ["client_id": "8rBcP3D2sY21NCNqYkOcIifUGvvcY3z4", "url": "https://x/?organization=org_SST1yp2pazgSiMYi"]))
        #expect(request == APIRequest(
            .post, "/api/v2/organizations/org_local000000001/invitations", query: ["from": "org_local000000001"],
            body: ["client_id": "LOCALCLIENT", "url": "https://x/?organization=org_local000000001"]))
    }
}
