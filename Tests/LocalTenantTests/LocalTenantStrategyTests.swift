@testable import LocalTenant
import PlanModel
import Testing

/// The local tenant's own list of enterprise strategies (user ids of an accepted invitation carry the connection's
/// name for them) is the one the model uses (`ConnectionKind`); the local tenant does not depend on the model.
@Suite struct LocalTenantStrategyTests {
    @Test func enterpriseStrategiesAreTheModels() {
        #expect(LocalTenantState.enterpriseStrategies == ConnectionKind.enterpriseStrategies)
    }
}
