import KyoseiDomain

extension SampleCity {
    /// People who are not in the first snapshot: `count` walk-ins (every other one registers
    /// later, every third carries a card), plus the ambiguous one and the lookalike when the
    /// city is big enough to hold the residents they resemble.
    public func walkIns(count: Int = 8) -> SampleWalkIns {
        var walkIns: [WalkIn] = []
        var registered: [SampleResident] = []
        for i in 0..<count {
            let index = (1 << 30) + i
            var person = generator.household(index)[0]
            let card = i % 3 == 0
                ? person.cardNumber ?? generator.scrambler.cardNumber(household: index, slot: 0, generation: 0) : nil
            let registers = i % 2 == 0
            if registers {
                person.category = .midLongTerm
                person.status = .designated
                person.periodOfStay = .duration(years: 1, months: 0, days: 0)
                person.stayExpiry = asOf.adding(days: 395)
                person.cardNumber = card ?? generator.scrambler.cardNumber(household: index, slot: 0, generation: 1)
                person.cardGeneration = card == nil ? 1 : 0
                person.relationship = .head
                person.residentSince = asOf.adding(days: 1)
                person.kanaRegistered = true
                registered.append(person)
            }
            walkIns.append(walkIn(person, kind: registers ? .laterRegistered : .overstayer, card: card,
                                  registeredAs: registers ? person.personID : nil))
        }
        var pair: [SampleResident] = []
        if householdCount > HouseholdShape.ambiguousPair.max() ?? 0 {
            pair = HouseholdShape.ambiguousPair.map { members(ofHousehold: $0)[0] }
            walkIns.append(walkIn(pair[0], kind: .ambiguous, card: nil, registeredAs: nil, resembles: pair.map(\.personID)))
        }
        var lookalikeOf: SampleResident?
        if householdCount > HouseholdShape.lookalike {
            let resident = members(ofHousehold: HouseholdShape.lookalike)[0]
            var rng = SplitMix64(seed, .walkIns, UInt64(HouseholdShape.lookalike))
            var other = resident
            let pool = NationalityProfile.profile(of: resident.nationality).pool
            for _ in 0..<8 where other.nameLatin == resident.nameLatin {
                let fresh = NameBuilder.fresh(pool, sex: resident.sex, nikkei: false, rng: &rng)
                other.name.tokens = resident.name.familyTokens + fresh.tokens.filter { $0.role != .family && $0.role != .secondFamily }
            }
            var address = generator.newAddress(for: HouseholdShape.lookalike, salt: 0x4C4F_4F4B)
            if address.district == resident.districtCode { address = generator.newAddress(for: HouseholdShape.lookalike, salt: 1) }
            LifeEvents.move(&other, to: address)
            walkIns.append(walkIn(other, kind: .lookalike, card: nil, registeredAs: nil, resembles: [resident.personID]))
            lookalikeOf = resident
        }
        return SampleWalkIns(walkIns: walkIns, ambiguousPair: pair, lookalikeOf: lookalikeOf,
                             registeredResidents: registered)
    }

    private func walkIn(_ person: SampleResident, kind: WalkIn.Kind, card: ResidenceCardNumber?,
                        registeredAs: PersonID?, resembles: [PersonID] = []) -> WalkIn {
        WalkIn(kind: kind, nameLatin: person.nameLatin, nameKana: person.name.partnerKana(.plain),
               birthDate: person.birthDate, sex: person.sex, nationality: person.nationality, cardNumber: card,
               postalCode: GeneratedValue.postalCode(person.postalCode), address: person.address,
               districtCode: GeneratedValue.district(person.districtCode),
               registeredAs: registeredAs, resembles: resembles)
    }
}
