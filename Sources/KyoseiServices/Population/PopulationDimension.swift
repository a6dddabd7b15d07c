/// What the population report is cut by. Register state counts every record the city holds, so
/// moves and deaths show; the other cuts count the registered population only.
public enum PopulationDimension: String, Sendable, CaseIterable {
    case nationality, status, district, ageBand = "age-band", registerState = "register-state"
}
