import Foundation
import PlanModel
import Policy
import Testing
import TestSupport

extension CaseWorkspace {
    /// Loads the tenant directory at `folder` (a load with errors fails the test) and checks it on ``Day/today``.
    func check(
        _ folder: String = "tenant", environment: [String: String] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> PolicyReport {
        PolicyEngine().check(
            try loadTenant(folder, environment: environment, sourceLocation: sourceLocation), today: Day.today)
    }
}
