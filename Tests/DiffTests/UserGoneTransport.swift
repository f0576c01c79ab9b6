import ManagementAPI

/// A live tenant whose user at `goneUserPath` was deleted after the member list was read: `GET` of that path
/// answers 404 as Auth0 does (`inexistent_user`); everything else goes to `inner`.
struct UserGoneTransport: ManagementTransport {
    let inner: any ManagementTransport
    let goneUserPath: String

    var tenantDescription: String { inner.tenantDescription }
    var remoteDomain: String? { nil }

    func send(_ request: APIRequest) async throws -> APIResponse {
        guard request.method == .get, request.path == goneUserPath else { return try await inner.send(request) }
        return APIResponse(
            status: 404,
            body: ["statusCode": 404, "error": "Not Found", "message": "The user does not exist.", "errorCode": "inexistent_user"])
    }
}
