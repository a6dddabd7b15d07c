import KyoseiDomain

extension SampleCity {
    /// The twin the partner-roster fixtures give about one resident in a hundred: same
    /// household, family name, birth date and sex, another given name, a person id of its own.
    /// The twin is not in the register files; an identity index built for the roster adds it
    /// next to the resident, so that rows must tell the two apart.
    public func partnerTwin(of resident: SampleResident) -> SampleResident? {
        var rng = SplitMix64(seed: SplitMix64.finalize(seed ^ 0x5457_494E ^ SplitMix64.finalize(personKey(resident))))
        guard rng.chance(0.01) else { return nil }
        var twin = resident
        let pool = NationalityProfile.profile(of: resident.nationality).pool
        for _ in 0..<8 where twin.nameLatin == resident.nameLatin {
            let fresh = NameBuilder.fresh(pool, sex: resident.sex, nikkei: false, rng: &rng)
            twin.name.tokens = resident.name.familyTokens + fresh.tokens.filter { $0.role == .given || $0.role == .middle }
        }
        guard twin.nameLatin != resident.nameLatin else { return nil }
        twin.personID = generator.scrambler.personID(household: resident.householdIndex + (1 << 32), slot: resident.slot)
        twin.cardNumber = resident.cardNumber.map { _ in
            generator.scrambler.cardNumber(household: resident.householdIndex + (1 << 32), slot: resident.slot, generation: 0)
        }
        return twin
    }

    /// The partner-roster rows one resident gives rise to: with probability `share` a row of
    /// their own (most as `PartnerKanaStyle.random` writes them; some with their card, a few
    /// with a wrong date, a conflicting card, or in Latin letters), a row for their twin when
    /// they have one, and with probability `nonResidentShare` a row for someone who is not a
    /// resident (a lookalike sharing their family name, birth date and sex, or a stranger).
    public func partnerRosterRows(for resident: SampleResident, share: Double, nonResidentShare: Double,
                                  seed rosterSeed: UInt64) -> [PartnerRosterRow] {
        let key = personKey(resident)
        var rng = SplitMix64(seed: SplitMix64.finalize(seed ^ rosterSeed ^ SplitMix64.finalize(key ^ 0x524F_5354)))
        var rows: [PartnerRosterRow] = []
        if rng.chance(share) {
            rows.append(row(for: resident, rng: &rng))
            if let twin = partnerTwin(of: resident), rng.chance(0.5) {
                rows.append(PartnerRosterRow(kind: .twin, nameKana: twin.name.partnerKana(.random(seed: rng.next())),
                                             nameLatin: nil, birthDate: twin.birthDate, sex: twin.sex,
                                             cardNumber: nil, personID: twin.personID))
            }
        }
        if rng.chance(nonResidentShare) {
            rows.append(rng.chance(0.6) ? lookalike(of: resident, rng: &rng) : stranger(key: key, rng: &rng))
        }
        return rows
    }

    /// Every row of a roster drawn from the whole city, in resident order; see
    /// `partnerRosterRows(for:share:nonResidentShare:seed:)`.
    public func partnerRoster(share: Double, nonResidentShare: Double, seed rosterSeed: UInt64) -> [PartnerRosterRow] {
        var rows: [PartnerRosterRow] = []
        forEachResident { rows += partnerRosterRows(for: $0, share: share, nonResidentShare: nonResidentShare, seed: rosterSeed) }
        return rows
    }

    private func personKey(_ resident: SampleResident) -> UInt64 {
        IdentifierScrambler.personKey(household: resident.householdIndex, slot: resident.slot)
    }

    private func row(for resident: SampleResident, rng: inout SplitMix64) -> PartnerRosterRow {
        let kana = resident.name.partnerKana(.random(seed: rng.next()))
        let draw = rng.unit()
        if draw < 0.02 {
            return PartnerRosterRow(kind: .wrongDate, nameKana: kana, nameLatin: nil,
                                    birthDate: wrongDate(resident.birthDate, rng: &rng), sex: resident.sex,
                                    cardNumber: nil, personID: resident.personID)
        }
        if draw < 0.03, resident.cardNumber != nil {
            let other = generator.scrambler.cardNumber(household: rng.below(max(householdCount, 1)), slot: 0, generation: 0)
            return PartnerRosterRow(kind: .conflictingCard, nameKana: kana, nameLatin: nil, birthDate: resident.birthDate,
                                    sex: resident.sex, cardNumber: other == resident.cardNumber ? nil : other,
                                    personID: resident.personID)
        }
        if draw < 0.08, let card = resident.cardNumber {
            var latin = resident.name
            latin.tokens = latin.tokens.filter { $0.role != .secondFamily || rng.chance(0.5) }
            return PartnerRosterRow(kind: .latinWithCard, nameKana: nil, nameLatin: latin.latin, birthDate: resident.birthDate,
                                    sex: resident.sex, cardNumber: card, personID: resident.personID)
        }
        let card = rng.chance(0.25) ? resident.cardNumber : nil
        return PartnerRosterRow(kind: .resident, nameKana: kana, nameLatin: nil, birthDate: resident.birthDate,
                                sex: resident.sex, cardNumber: card, personID: resident.personID)
    }

    /// A day off by one to three in the same month, or day and month swapped where that is a date.
    private func wrongDate(_ date: LocalDate, rng: inout SplitMix64) -> LocalDate {
        if rng.chance(0.5), date.day <= 12, date.day != date.month,
           let swapped = try? LocalDate(year: date.year, month: date.day, day: date.month) {
            return swapped
        }
        let shift = rng.int(in: 1...3) * (rng.chance(0.5) ? 1 : -1)
        let day = date.day + shift
        return (try? LocalDate(year: date.year, month: date.month, day: day))
            ?? (try? LocalDate(year: date.year, month: date.month, day: date.day - shift)) ?? date
    }

    private func lookalike(of resident: SampleResident, rng: inout SplitMix64) -> PartnerRosterRow {
        var other = resident
        let pool = NationalityProfile.profile(of: resident.nationality).pool
        for _ in 0..<8 where other.nameLatin == resident.nameLatin {
            let fresh = NameBuilder.fresh(pool, sex: resident.sex, nikkei: false, rng: &rng)
            other.name.tokens = resident.name.familyTokens + fresh.tokens.filter { $0.role == .given || $0.role == .middle }
        }
        return PartnerRosterRow(kind: .lookalike, nameKana: other.name.partnerKana(.random(seed: rng.next())),
                                nameLatin: nil, birthDate: resident.birthDate, sex: resident.sex, cardNumber: nil,
                                personID: nil)
    }

    private func stranger(key: UInt64, rng: inout SplitMix64) -> PartnerRosterRow {
        let person = generator.household(Int(1 << 31) + Int(key % (1 << 28)))[0]
        return PartnerRosterRow(kind: .stranger, nameKana: person.name.partnerKana(.random(seed: rng.next())),
                                nameLatin: nil, birthDate: person.birthDate, sex: person.sex, cardNumber: nil,
                                personID: nil)
    }
}
