import KyoseiDomain

/// What happens to a resident between two exports, applied to their record: a move, a renewed
/// stay, a new status, a new name, a corrected birth date. Deltas and the changed snapshot both
/// go through here, so a change looks the same whichever file carries it.
enum LifeEvents {
    static func move(_ resident: inout SampleResident, to address: SampleAddress) {
        resident.postalCode = address.postalCode
        resident.address = address.text
        resident.districtCode = address.district
    }

    /// A renewal grants the same period again from the old expiry and issues a new card.
    static func renewStay(_ resident: inout SampleResident, on date: LocalDate, scrambler: IdentifierScrambler) {
        guard let period = resident.periodOfStay, let expiry = resident.stayExpiry else { return }
        let days = StatusRules.days(in: period)
        resident.stayExpiry = max(expiry, date).adding(days: days)
        issueCard(&resident, scrambler: scrambler)
    }

    /// The next status on the usual path (intern → specified skilled worker, student →
    /// engineer, long-term → permanent), with its period from `date` and a new card.
    /// Returns false when the person's status has no usual next step.
    @discardableResult
    static func changeStatus(_ resident: inout SampleResident, on date: LocalDate, scrambler: IdentifierScrambler,
                             rng: inout SplitMix64) -> Bool {
        guard resident.category == .midLongTerm, let current = resident.status,
              let next = nextStatus(after: current, age: resident.birthDate.age(on: date), rng: &rng)
        else { return false }
        grant(next, to: &resident, on: date, rng: &rng)
        issueCard(&resident, scrambler: scrambler)
        return true
    }

    /// A registered change of name: a new (last) surname, the given names kept.
    static func changeName(_ resident: inout SampleResident, rng: inout SplitMix64) {
        let pool = NationalityProfile.profile(of: resident.nationality).pool
        let kanjiRegistered = resident.name.kanjiRegistered
        let commonName = resident.name.commonName
        resident.name = NameBuilder.withNewFamily(resident.name, pool, sex: resident.sex, rng: &rng)
        resident.name.kanjiRegistered = kanjiRegistered && resident.name.tokens.allSatisfy { $0.kanji != nil }
        resident.name.commonName = commonName
    }

    /// A newborn leaves the transitional category: a Special Permanent Resident's child
    /// becomes one too; any other child is granted the status that follows from its parent's.
    static func obtainStatus(_ resident: inout SampleResident, parentStatus: StatusOfResidence?,
                             specialPermanent: Bool, on date: LocalDate, scrambler: IdentifierScrambler,
                             rng: inout SplitMix64) {
        if specialPermanent {
            resident.category = .specialPermanent
        } else {
            resident.category = .midLongTerm
            grant(StatusRules.child(of: parentStatus ?? .longTerm, age: 0, rng: &rng), to: &resident, on: date, rng: &rng)
        }
        resident.cardNumber = scrambler.cardNumber(household: resident.householdIndex, slot: resident.slot,
                                                   generation: resident.cardGeneration)
    }

    /// The most common register correction: day and month swapped on entry, or a wrong day.
    static func correctBirthDate(_ resident: inout SampleResident) {
        let date = resident.birthDate
        if date.day <= 12, date.day != date.month {
            resident.birthDate = GeneratedValue.date(date.year, date.day, date.month)
        } else {
            resident.birthDate = date.adding(days: date.day > 15 ? -10 : 10)
        }
        if resident.residentSince < resident.birthDate { resident.residentSince = resident.birthDate }
    }

    private static func grant(_ status: StatusOfResidence, to resident: inout SampleResident, on date: LocalDate,
                              rng: inout SplitMix64) {
        let period = StatusRules.period(status, rng: &rng)
        let days = StatusRules.days(in: period)
        resident.status = status
        resident.periodOfStay = period
        resident.stayExpiry = days > 0 ? date.adding(days: days) : nil
    }

    private static func issueCard(_ resident: inout SampleResident, scrambler: IdentifierScrambler) {
        resident.cardGeneration += 1
        resident.cardNumber = scrambler.cardNumber(household: resident.householdIndex, slot: resident.slot,
                                                   generation: resident.cardGeneration)
    }

    private static func nextStatus(after status: StatusOfResidence, age: Int, rng: inout SplitMix64) -> StatusOfResidence? {
        switch status {
        case .titp1: .titp2
        case .titp2: rng.chance(0.5) ? .titp3 : .ssw1
        case .titp3, .esd: .ssw1
        case .ssw1: .ssw2
        case .student: .engineerHumanities
        case .engineerHumanities: rng.chance(0.5) ? .permanent : .hsp1B
        case .longTerm, .spouseJapanese, .spousePermanent: .permanent
        case .dependent: age >= 18 ? .engineerHumanities : nil
        case .designated: .longTerm
        default: nil
        }
    }
}
