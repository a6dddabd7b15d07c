import KyoseiDomain

/// The people tests add through the service layer as walk-ins, and the register residents
/// they must or must not be linked to.
public struct SampleWalkIns: Sendable {
    public let walkIns: [WalkIn]
    /// Two register residents (different households) with the same name, birth date, sex and
    /// nationality: NGUYEN VAN NAM, 1996-07-14. Empty in a city of fewer than 18 households.
    public let ambiguousPair: [SampleResident]
    /// The resident the lookalike walk-in resembles, if the city has one.
    public let lookalikeOf: SampleResident?
    /// The later-registered walk-ins as the changed snapshot lists them.
    public let registeredResidents: [SampleResident]
}
