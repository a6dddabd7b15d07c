import Foundation
import KyoseiDomain

extension SampleCity {
    /// A later snapshot of the same city, for benchmarks and reconciliation tests: about
    /// `changedShare` of the rows changed (whole households moved within the city; single
    /// residents with a renewed stay, a new status or a new surname), `missingShare` of the
    /// residents left out (they left the register with no event saying why), and, with
    /// `includeWalkIns`, the walk-ins who have since registered. Deterministic like the rest.
    @discardableResult
    public func writeChangedSnapshot(to directory: URL, sequence: Int, asOf later: LocalDate,
                                     changedShare: Double = 0.02, missingShare: Double = 0.005,
                                     includeWalkIns: Bool = true,
                                     options: RegisterFileOptions = RegisterFileOptions()) throws -> WrittenRegisterFile {
        let scrambler = generator.scrambler
        var changed = 0, missing = 0, added = 0
        let builder = RegisterFileBuilder(
            municipality: municipality, directory: directory, kind: .snapshot, sequence: sequence, asOf: later,
            options: options, expectedRows: residents)
        let result = try builder.write { emit in
            for index in 0..<householdCount {
                let members = members(ofHousehold: index)
                guard !HouseholdShape.reserved.contains(index) else {
                    for member in members { try emit(member, nil, nil) }
                    continue
                }
                var rng = SplitMix64(seed, .changedSnapshot, UInt64(index))
                let address = rng.chance(changedShare * 0.4) ? generator.newAddress(for: index, salt: 0xC4A6) : nil
                for member in members {
                    if rng.chance(missingShare) {
                        missing += 1
                        continue
                    }
                    var resident = member
                    var isChanged = false
                    if let address {
                        LifeEvents.move(&resident, to: address)
                        isChanged = true
                    }
                    if rng.chance(changedShare * 0.6) {
                        isChanged = true
                        let roll = rng.unit()
                        if roll < 0.4, resident.category == .midLongTerm, resident.stayExpiry != nil {
                            LifeEvents.renewStay(&resident, on: later, scrambler: scrambler)
                        } else if roll >= 0.7
                                    || !LifeEvents.changeStatus(&resident, on: later, scrambler: scrambler, rng: &rng) {
                            LifeEvents.changeName(&resident, rng: &rng)
                        }
                    }
                    if isChanged { changed += 1 }
                    try emit(resident, nil, nil)
                }
            }
            if includeWalkIns {
                for resident in walkIns().registeredResidents {
                    added += 1
                    try emit(resident, nil, nil)
                }
            }
        }
        return try result.finish(changes: SnapshotChanges(changedRows: changed, missingRows: missing, addedRows: added))
    }
}
