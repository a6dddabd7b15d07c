import KyoseiDomain

/// Decides what happens in each nightly delta after the first snapshot, so that the series is
/// consistent: nobody who moved out or died turns up again, a family that left with a re-entry
/// permit comes back in the next delta (RETURN), a baby born in one delta gets a status in the
/// next (CATEGORY_CHANGE). Delta *n* is planned by replaying deltas 1…n−1, which are small, so any
/// delta can be rewritten on its own and comes out byte for byte the same.
struct DeltaPlanner {
    let city: SampleCity
    /// Events of each type per delta (whole-household events write one row per member).
    let eventsPerType: Int

    /// Carried from one delta to the next.
    private struct Carry {
        var used = HouseholdShape.reserved
        var departed: [[SampleResident]] = []
        var newborns: [SampleResident] = []
    }

    /// The rows of delta `number`; `variant` other than 0 gives a different delta with the same
    /// number (a conflicting resend).
    func rows(ofDelta number: Int, variant: UInt64 = 0) -> [DeltaRow] {
        var carry = Carry()
        var rows: [DeltaRow] = []
        for n in 1...number {
            rows = plan(n, variant: n == number ? variant : 0, carry: &carry)
        }
        return rows
    }

    private func plan(_ number: Int, variant: UInt64, carry: inout Carry) -> [DeltaRow] {
        let asOf = city.deltaDate(number)
        let scrambler = city.generator.scrambler
        var rng = SplitMix64(city.seed ^ (variant &* 0x9E37_79B9_7F4A_7C15), .delta, UInt64(number))
        var rows: [DeltaRow] = []
        var departedNow: [[SampleResident]] = []
        var newbornsNow: [SampleResident] = []
        let attempts = 400 + 40 * eventsPerType

        func recent() -> LocalDate { asOf.adding(days: -rng.below(3)) }

        func household(where accept: ([SampleResident]) -> Bool) -> [SampleResident]? {
            for _ in 0..<attempts {
                let index = rng.below(city.householdCount)
                guard !carry.used.contains(index) else { continue }
                let members = city.members(ofHousehold: index)
                if accept(members) {
                    carry.used.insert(index)
                    return members
                }
            }
            return nil
        }

        func add(_ resident: SampleResident, _ event: RegisterEvent, _ date: LocalDate) {
            rows.append(DeltaRow(resident: resident, event: event, date: date))
        }

        let newIndexBase = (1 << 28) + number * 4096 + Int(variant % 2) * 2048
        for j in 0..<eventsPerType {
            // MOVE_IN: a household from another city or from abroad, new to the register.
            let date = recent()
            for var newcomer in city.generator.household(newIndexBase + j) {
                newcomer.residentSince = max(newcomer.birthDate, date)
                add(newcomer, .moveIn, date)
            }

            // BIRTH: a baby into a household with a mother of child-bearing age.
            if let members = household(where: { $0.contains { $0.sex == .female && (18...45).contains($0.birthDate.age(on: asOf)) } }) {
                let baby = newborn(in: members, born: asOf.adding(days: -rng.int(in: 1...10)), rng: &rng)
                add(baby, .birth, baby.birthDate)
                newbornsNow.append(baby)
            }

            // MOVE_OUT: the whole household leaves the city.
            if let members = household(where: { _ in true }) {
                let date = recent()
                for member in members { add(member, .moveOut, date) }
            }

            // DEATH: the oldest member of a household with someone over 60.
            if let members = household(where: { $0.contains { $0.birthDate.age(on: asOf) >= 60 } }) ?? household(where: { _ in true }),
               let oldest = members.min(by: { $0.birthDate < $1.birthDate }) {
                add(oldest, .death, recent())
            }

            // ADDRESS_CHANGE: the household moves within the city.
            if let members = household(where: { _ in true }) {
                let date = recent()
                let address = city.generator.newAddress(for: members[0].householdIndex, salt: UInt64(number))
                for var member in members {
                    LifeEvents.move(&member, to: address)
                    add(member, .addressChange, date)
                }
            }

            // HOUSEHOLD_CHANGE: a grown-up member sets up their own household.
            if let members = household(where: { $0.dropFirst().contains { $0.birthDate.age(on: asOf) >= 18 } }),
               var leaver = members.dropFirst().first(where: { $0.birthDate.age(on: asOf) >= 18 }) {
                let newIndex = (1 << 29) + number * 4096 + j + Int(variant % 2) * 2048
                leaver.householdID = scrambler.householdID(newIndex)
                leaver.relationship = .head
                LifeEvents.move(&leaver, to: city.generator.newAddress(for: newIndex, salt: 0))
                add(leaver, .householdChange, recent())
            }

            // NAME_CHANGE: an adult's registered surname changes (most often on marriage).
            if let members = household(where: { $0.contains { $0.birthDate.age(on: asOf) >= 20 } }),
               var person = members.first(where: { $0.birthDate.age(on: asOf) >= 20 }) {
                LifeEvents.changeName(&person, rng: &rng)
                add(person, .nameChange, recent())
            }

            // STATUS_CHANGE: the next status on the usual path.
            if let members = household(where: { $0.contains(where: Self.canChangeStatus) }),
               var person = members.first(where: Self.canChangeStatus) {
                let date = recent()
                LifeEvents.changeStatus(&person, on: date, scrambler: scrambler, rng: &rng)
                add(person, .statusChange, date)
            }

            // STAY_RENEWAL: someone whose stay expires soon renews it.
            let soon = asOf.adding(days: 90)
            let expiresSoon = { (resident: SampleResident) in Self.renewable(resident) && resident.stayExpiry.map { $0 <= soon } == true }
            if let members = household(where: { $0.contains(where: expiresSoon) })
                ?? household(where: { $0.contains(where: Self.renewable) }),
               var person = members.first(where: expiresSoon) ?? members.first(where: Self.renewable) {
                let date = recent()
                LifeEvents.renewStay(&person, on: date, scrambler: scrambler)
                add(person, .stayRenewal, date)
            }

            // CATEGORY_CHANGE: a baby of the previous delta (or of the snapshot) obtains a status.
            var baby: SampleResident?
            if j < carry.newborns.count {
                baby = carry.newborns[j]
            } else if let members = household(where: { $0.contains { $0.category == .birthTransitional } }) {
                baby = members.first { $0.category == .birthTransitional }
            }
            if var baby {
                let parents = city.members(ofHousehold: baby.householdIndex).prefix(2)
                let date = recent()
                LifeEvents.obtainStatus(&baby, parentStatus: parents.compactMap(\.status).first,
                                        specialPermanent: parents.contains { $0.category == .specialPermanent },
                                        on: date, scrambler: scrambler, rng: &rng)
                add(baby, .categoryChange, date)
            }

            // DEPARTURE_REENTRY: a family leaves Japan with re-entry permits, still registered.
            if let members = household(where: { $0.allSatisfy { $0.category == .midLongTerm || $0.category == .specialPermanent } }) {
                let date = recent()
                for member in members { add(member, .departureReentry, date) }
                departedNow.append(members)
            }

            // RETURN: the family that left in the previous delta is back.
            if j < carry.departed.count {
                let date = recent()
                for member in carry.departed[j] { add(member, .return, date) }
            }

            // DELETED_EX_OFFICIO: the city removes someone living alone whose stay lapsed.
            if let members = household(where: { $0.count == 1 && Self.renewable($0[0]) }) {
                add(members[0], .deletedExOfficio, recent())
            }

            // CORRECTION: a wrongly entered birth date is corrected.
            if let members = household(where: { _ in true }), var person = members.last {
                LifeEvents.correctBirthDate(&person)
                add(person, .correction, recent())
            }
        }
        carry.departed = departedNow
        carry.newborns = newbornsNow
        return rows.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// A baby born into the household: the household's surname, transitional category, no card.
    private func newborn(in members: [SampleResident], born: LocalDate, rng: inout SplitMix64) -> SampleResident {
        let adults = members.filter { $0.birthDate.age(on: born) >= 18 }
        let mother = adults.first { $0.sex == .female }
        let father = adults.first { $0.sex == .male }
        let model = mother ?? members[0]
        let sex: Sex = rng.chance(0.51) ? .male : .female
        var name = NameBuilder.child(father: father?.name, mother: mother?.name,
                                     NationalityProfile.profile(of: model.nationality).pool, sex: sex, rng: &rng)
        name.commonName = nil
        let index = members[0].householdIndex
        return SampleResident(
            personID: city.generator.scrambler.personID(household: index, slot: 7), category: .birthTransitional,
            cardNumber: nil, name: name, kanaRegistered: true, birthDate: born, sex: sex,
            nationality: model.nationality, status: nil, periodOfStay: nil, stayExpiry: nil,
            householdID: members[0].householdID, relationship: .child, postalCode: members[0].postalCode,
            address: members[0].address, districtCode: members[0].districtCode, residentSince: born,
            householdIndex: index, slot: 7, cardGeneration: 0)
    }

    private static func canChangeStatus(_ resident: SampleResident) -> Bool {
        guard resident.category == .midLongTerm, let status = resident.status else { return false }
        return [.titp1, .titp2, .titp3, .esd, .ssw1, .student, .engineerHumanities, .longTerm, .spouseJapanese,
                .spousePermanent, .designated].contains(status)
    }

    private static func renewable(_ resident: SampleResident) -> Bool {
        resident.category == .midLongTerm && resident.stayExpiry != nil
    }
}
