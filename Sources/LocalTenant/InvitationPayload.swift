import Auth0Schema
import JSONValues
import ManagementAPI

/// The members of a `POST /api/v2/organizations/{id}/invitations` body
/// (https://auth0.com/docs/api/management/v2/organizations/post-invitations), read out after the request schema
/// `CreateOrganizationInvitationRequestContent` has checked their shape: `inviter.name` of 1 to 300 characters,
/// `invitee.email` an e-mail address, `client_id` a string, `ttl_sec` 0 to its maximum, `roles` 1 or more strings,
/// the metadata objects, no other member. Reading never fails: a member the schema let through absent reads as
/// empty.
struct InvitationPayload: Sendable, Equatable {
    /// `inviter.name`.
    let inviter: String
    /// `invitee.email`.
    let email: String
    /// `client_id`.
    let clientID: String
    /// `connection_id`, when given.
    let connectionID: String?
    /// `roles`: role ids, when given.
    let roleIDs: [String]?
    /// The invitation's lifetime in seconds: `ttl_sec`, or ``Auth0Limits/invitationTTLDefault`` when it is 0 or
    /// absent.
    let ttlSeconds: Int
    /// `app_metadata` and `user_metadata`, those given, as sent.
    let metadata: [String: JSONValue]

    /// Reads the members of `body` (`nil` or not an object reads as an empty body).
    init(_ body: JSONValue?) {
        let body = body?.objectValue ?? [:]
        inviter = body["inviter"]?["name"]?.stringValue ?? ""
        email = body["invitee"]?["email"]?.stringValue ?? ""
        clientID = body["client_id"]?.stringValue ?? ""
        connectionID = body["connection_id"]?.stringValue
        roleIDs = body["roles"]?.arrayValue?.compactMap(\.stringValue)
        let seconds = body["ttl_sec"]?.intValue ?? 0
        ttlSeconds = seconds > 0 ? seconds : Auth0Limits.invitationTTLDefault
        metadata = body.filter { ["app_metadata", "user_metadata"].contains($0.key) }
    }

    /// A create the local tenant refuses after the schema check, with Auth0's answer.
    struct Refusal: Error, Sendable, Equatable {
        /// The error answer (400 with the message of the OpenAPI document's 400 answers).
        let response: APIResponse
    }
}
