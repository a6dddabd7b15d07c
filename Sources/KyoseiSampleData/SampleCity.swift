import Foundation
import KyoseiDomain

/// A synthetic city of the Alliance of Cities with High Density of Foreign Citizens, written
/// in the file formats of `formats.md`, for the demo, the tests and the benchmarks.
///
/// Everything is a pure function of (seed, municipality, as-of date, number of residents):
/// household *i* and its members are rebuilt from the seed and *i* alone, so a million
/// residents stream to disk without being held in memory, and two runs write identical bytes.
///
/// ```swift
/// let city = try SampleCity(residents: 10_000, seed: 7, asOf: LocalDate("2026-04-01"))
/// let snapshot = try city.writeSnapshot(to: inbox, sequence: 1)                 // REG-221309-000001.csv + manifest
/// let deltas = try city.writeDeltas(to: inbox, count: 3, firstSequence: 2)      // every event type
/// let refused = try city.writeFaultyFile(.truncated, to: inbox, appliedDeltas: 3)
/// let bench = try city.writeChangedSnapshot(to: other, sequence: 5, asOf: LocalDate("2026-05-01"))
/// let walkIns = city.walkIns()                                                   // people not in the register
/// let kana = resident.name.partnerKana(.random(seed: 42))                        // ｼﾞｮｱﾝ ﾀﾞｼﾙﾊﾞ
/// let summary = try SampleCity.writeDemoInbox(to: inbox, residents: 2_000, seed: 7,
///                                             municipality: city.municipality, asOf: city.asOf)
/// ```
///
/// Each written file comes back as a `WrittenRegisterFile`: its manifest, what intake is
/// expected to do with it (`ExpectedOutcome`) and the line of every bad row (`ExpectedReject`).
public struct SampleCity: Sendable {
    public let residents: Int
    public let seed: UInt64
    public let municipality: MunicipalityCode
    /// The date the city is described as of: ages, stay expiries and the first snapshot's as-of.
    public let asOf: LocalDate
    /// Households the residents live in; the last one may be cut short to make the count exact.
    public let householdCount: Int
    private let lastHouseholdSize: Int
    let generator: HouseholdGenerator

    /// Hamamatsu, the Alliance's founding city.
    public static let hamamatsu = GeneratedValue.municipality("221309")

    public init(residents: Int, seed: UInt64 = 2012, municipality: MunicipalityCode = hamamatsu, asOf: LocalDate) {
        precondition(residents >= 1, "a sample city needs at least one resident")
        self.residents = residents
        self.seed = seed
        self.municipality = municipality
        self.asOf = asOf
        generator = HouseholdGenerator(seed: seed, asOf: asOf, municipality: municipality)
        var counted = 0
        var households = 0
        var lastSize = 0
        while counted < residents {
            let size = HouseholdShape.of(household: households, seed: seed, asOf: asOf).size
            lastSize = min(size, residents - counted)
            counted += size
            households += 1
        }
        householdCount = households
        lastHouseholdSize = lastSize
    }

    /// Calls `body` for every resident in file order, one household at a time.
    public func forEachResident(_ body: (SampleResident) throws -> Void) rethrows {
        for index in 0..<householdCount {
            for resident in members(ofHousehold: index) { try body(resident) }
        }
    }

    /// The members of one of the city's households (index `0..<householdCount`).
    public func members(ofHousehold index: Int) -> [SampleResident] {
        let members = generator.household(index)
        return index == householdCount - 1 ? Array(members.prefix(lastHouseholdSize)) : members
    }

    /// The as-of date of the `number`-th delta after the first snapshot: one per night.
    public func deltaDate(_ number: Int) -> LocalDate { asOf.adding(days: number) }
}
