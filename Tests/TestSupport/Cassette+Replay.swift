import JSONValues
import ManagementAPI

extension Cassette {
    /// Sends the cassette's requests, in recorded order, to another transport (the embedded local tenant), and
    /// compares each answer with the recorded one.
    ///
    /// Ids the other transport generates replace the recorded ones as answers come back (``RecordedIDMap``):
    /// the recorded `org_…` of a create becomes the other tenant's id in every later path, query (`from=` cursors
    /// included) and body, and in the recorded answers before they are compared.
    /// - Parameters:
    ///   - transport: Where to send the requests.
    ///   - comparison: How answers are compared (``ShapeComparison/auth0`` by default).
    /// - Returns: One step per interaction, in order.
    /// - Throws: Whatever the transport throws (a ``TransportError``).
    public func replay(against transport: any ManagementTransport, comparison: ShapeComparison = .auth0)
        async throws -> [ReplayStep]
    {
        var ids = RecordedIDMap()
        var steps: [ReplayStep] = []
        for interaction in interactions {
            let sent = ids.apply(interaction.request)
            let response = try await transport.send(sent)
            ids.learn(recorded: interaction.response.body, other: response.body)
            var differences: [String] = []
            if response.status != interaction.response.status {
                differences.append("status: recorded \(interaction.response.status), other \(response.status)")
            }
            differences += comparison.differences(
                recorded: interaction.response.body.map { ids.apply($0) }, other: response.body)
            steps.append(ReplayStep(interaction: interaction, sent: sent, response: response, differences: differences))
        }
        return steps
    }
}
