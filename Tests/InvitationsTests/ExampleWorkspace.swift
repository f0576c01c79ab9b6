import Foundation
import JSONValues
import Testing
import TestSupport

/// Scratch copies of the repository's example tenant (`tenants/example-prod`) for invitation tests.
enum ExampleWorkspace {
    /// The environment the example's `${env:}` secrets need for `apply`.
    static let secrets = ExampleTenant.secrets

    /// A workspace with the example in `tenant/`, applied to the local tenant `live.json`.
    static func applied() async throws -> CaseWorkspace { try await ExampleTenant.applied("invitations") }

    /// `invite tenant --tenant local:live.json --organization ORG` followed by `extra`.
    static func invite(_ work: CaseWorkspace, _ organization: String = "acme", _ extra: [String]) async -> CommandResult {
        await work.run(["invite", "tenant", "--tenant", "local:live.json", "--organization", organization] + extra)
    }
}

