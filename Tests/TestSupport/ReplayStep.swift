import JSONValues
import ManagementAPI

/// One recorded interaction sent to another transport (see ``Cassette/replay(against:comparison:)``): what was
/// sent, what came back, and how it differs from the recording.
public struct ReplayStep: Sendable {
    /// The recorded interaction.
    public let interaction: RecordedInteraction
    /// The request sent: the recorded one with recorded ids replaced by the other transport's ids.
    public let sent: APIRequest
    /// The other transport's answer.
    public let response: APIResponse
    /// `status: recorded 400, other 200` when the statuses differ, then the body differences of
    /// ``ShapeComparison`` (computed after id substitution); empty when the answers agree.
    public let differences: [String]

    /// Creates a step.
    public init(interaction: RecordedInteraction, sent: APIRequest, response: APIResponse, differences: [String]) {
        self.interaction = interaction
        self.sent = sent
        self.response = response
        self.differences = differences
    }
}
