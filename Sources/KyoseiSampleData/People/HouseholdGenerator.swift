import KyoseiDomain

/// Builds the members of one household from its index alone: the shape, then each member's
/// name, birth date, status, card, period of stay and dates, all drawn from generators seeded by
/// (city seed, household index). The same index always gives the same people, so a snapshot, a
/// later delta and a test can each rebuild exactly the household they need.
struct HouseholdGenerator: Sendable {
    let seed: UInt64
    let asOf: LocalDate
    let gazetteer: CityGazetteer
    let scrambler: IdentifierScrambler

    init(seed: UInt64, asOf: LocalDate, municipality: MunicipalityCode) {
        self.seed = seed
        self.asOf = asOf
        gazetteer = CityGazetteer.of(municipality)
        scrambler = IdentifierScrambler(seed: seed)
    }

    /// A member before category, card and dates are settled.
    private struct Draft {
        let relationship: Relationship
        let sex: Sex
        let birth: LocalDate
        let name: SampleName
        let status: StatusOfResidence?
    }

    /// Birth date and name the two people of the ambiguous pair share.
    static let ambiguousBirthDate = GeneratedValue.date(1996, 7, 14)

    func household(_ index: Int) -> [SampleResident] {
        let shape = HouseholdShape.of(household: index, seed: seed, asOf: asOf)
        var rng = SplitMix64(seed, .household, UInt64(index))
        let drafts = members(of: shape, index: index, rng: &rng)
        var addressRng = SplitMix64(seed, .address, UInt64(index))
        let dormitory = shape.kind == .single && [.titp1, .titp2, .titp3, .esd, .ssw1, .trainee].contains(shape.headStatus)
        let address = SampleAddress.draw(in: gazetteer, rng: &addressRng, dormitory: dormitory)
        return settle(drafts, shape: shape, index: index, address: address, rng: &rng)
    }

    /// A new address for the household (an ADDRESS_CHANGE, a move within the city).
    func newAddress(for index: Int, salt: UInt64) -> SampleAddress {
        var rng = SplitMix64(seed ^ salt, .deltaAddress, UInt64(index))
        return SampleAddress.draw(in: gazetteer, rng: &rng, dormitory: false)
    }

    // MARK: - Members

    private func members(of shape: HouseholdShape, index: Int, rng: inout SplitMix64) -> [Draft] {
        let profile = shape.profile
        let pool = profile.pool
        if HouseholdShape.ambiguousPair.contains(index) { return [ambiguousHead()] }

        let headSex: Sex
        let headAges: ClosedRange<Int>
        switch shape.kind {
        case .single:
            headSex = rng.chance(profile.singleMaleShare) ? .male : .female
            headAges = shape.registration == .specialPermanent ? 40...90
                : shape.headStatus.map(StatusRules.singleAges) ?? 20...50
        case .singleParent:
            headSex = rng.chance(0.8) ? .female : .male
            headAges = 24...50
        case .spouseOfJapanese:
            headSex = rng.chance(0.75) ? .female : .male
            headAges = 25...60
        case .elderlyCouple:
            headSex = rng.chance(0.85) ? .male : .female
            headAges = 65...92
        case .couple, .family, .extended:
            headSex = rng.chance(0.8) ? .male : .female
            headAges = shape.registration == .specialPermanent ? 35...75
                : shape.headStatus.map(StatusRules.headAges) ?? 25...50
        }
        let headAge = rng.int(in: headAges)
        let head = Draft(relationship: shape.kind == .spouseOfJapanese ? .spouse : .head, sex: headSex,
                         birth: birthDate(age: headAge, rng: &rng),
                         name: NameBuilder.fresh(pool, sex: headSex, nikkei: rng.chance(profile.nikkeiShare), rng: &rng),
                         status: shape.headStatus)
        var drafts = [head]

        var spouse: Draft?
        if [.couple, .family, .extended, .elderlyCouple].contains(shape.kind) {
            let sex: Sex = headSex == .male ? .female : .male
            let offset = headSex == .male ? rng.int(in: -7...2) : rng.int(in: -2...7)
            let age = max(shape.kind == .elderlyCouple ? 62 : 19, headAge + offset)
            let status = shape.headStatus.map { StatusRules.spouse(of: $0, rng: &rng) }
            let partner = Draft(relationship: .spouse, sex: sex, birth: birthDate(age: age, rng: &rng),
                                name: NameBuilder.spouse(of: head.name, pool, sex: sex, rng: &rng), status: status)
            spouse = partner
            drafts.append(partner)
        }

        let parents = [head] + (spouse.map { [$0] } ?? [])
        let father = parents.first { $0.sex == .male }?.name
        let mother = parents.first { $0.sex == .female }?.name
        let youngestParentAge = parents.map { asOf.dayNumber - $0.birth.dayNumber }.min().map { $0 / 365 } ?? headAge
        let maxChildAge = max(0, min(youngestParentAge - 18, 24))
        let hasChildren = [.family, .singleParent, .extended, .spouseOfJapanese].contains(shape.kind)
        let childCount = hasChildren ? shape.children : 0
        let newborn = childCount > 0 && (index % 97 == 13 || rng.chance(0.02))
        for child in 0..<childCount {
            let sex: Sex = rng.chance(0.51) ? .male : .female
            let birth: LocalDate
            let age: Int
            if newborn && child == childCount - 1 {
                birth = asOf.adding(days: -rng.int(in: 0...58))
                age = 0
            } else {
                let lowest = shape.kind == .spouseOfJapanese ? min(3, maxChildAge) : 0
                age = rng.int(in: lowest...maxChildAge)
                birth = birthDate(age: age, rng: &rng)
            }
            let status = shape.headStatus.map { StatusRules.child(of: $0, age: age, rng: &rng) }
            let name = NameBuilder.child(father: shape.kind == .spouseOfJapanese ? nil : father, mother: mother, pool,
                                         sex: sex, rng: &rng)
            drafts.append(Draft(relationship: .child, sex: sex, birth: birth, name: name, status: status))
        }

        if let relative = shape.relative {
            let sex: Sex = rng.chance(0.5) ? .male : .female
            let age: Int
            let name: SampleName
            let status: StatusOfResidence?
            switch relative {
            case .parent:
                age = min(95, headAge + rng.int(in: 22...35))
                name = NameBuilder.fresh(pool, sex: sex, nikkei: false, rng: &rng)
                status = shape.headStatus.map { StatusRules.parent(of: $0, rng: &rng) }
            case .sibling:
                age = max(18, headAge + rng.int(in: -8...8))
                name = NameBuilder.child(father: head.name, mother: nil, pool, sex: sex, rng: &rng)
                status = profile.familyStatuses.pick(using: &rng)
            default:
                age = rng.int(in: 18...60)
                name = NameBuilder.fresh(pool, sex: sex, nikkei: false, rng: &rng)
                status = StatusRules.inForce(profile.singleStatuses.pick(using: &rng), asOf: asOf, rng: &rng)
            }
            drafts.append(Draft(relationship: relative, sex: sex, birth: birthDate(age: age, rng: &rng), name: name,
                                status: status))
        }
        return drafts
    }

    /// NGUYEN VAN NAM, born 1996-07-14, male, Vietnamese: written identically in two households.
    private func ambiguousHead() -> Draft {
        let tokens = [("NGUYEN", SampleName.Role.family), ("VAN", .middle), ("NAM", .given)].map { latin, role in
            SampleName.Token(latin: latin, readings: KatakanaTable.readings(latin, in: .vietnamese), chosen: 0,
                             kanji: nil, role: role, isParticle: false)
        }
        let name = SampleName(tokens: tokens, kanaStyle: .middleDots, kanjiRegistered: false, commonName: nil)
        return Draft(relationship: .head, sex: .male, birth: Self.ambiguousBirthDate, name: name,
                     status: .engineerHumanities)
    }

    /// A birth date for an age; never the ambiguous pair's, so that exactly two residents share it
    /// with their name.
    private func birthDate(age: Int, rng: inout SplitMix64) -> LocalDate {
        let date = asOf.adding(years: -age).adding(days: -rng.below(365))
        return date == Self.ambiguousBirthDate ? date.adding(days: 1) : date
    }

    // MARK: - Category, card, dates

    private func settle(_ drafts: [Draft], shape: HouseholdShape, index: Int, address: SampleAddress,
                        rng: inout SplitMix64) -> [SampleResident] {
        let profile = shape.profile
        let years = StatusRules.yearsInCity(shape.registration == .specialPermanent ? nil : shape.headStatus)
        let householdSince = asOf.adding(days: -rng.int(in: (years.lowerBound * 365)...(years.upperBound * 365 + 300)))
        let kanji = shape.registration == .specialPermanent || rng.chance(profile.kanjiShare)
        let commonSurname = commonNameSurname(shape: shape, head: drafts[0], rng: &rng)
        let householdID = scrambler.householdID(index)

        return drafts.enumerated().map { slot, draft in
            let ageInDays = asOf.dayNumber - draft.birth.dayNumber
            let transitional = ageInDays < 30 || (ageInDays < 60 && rng.chance(0.5))
            var category: ResidentCategory
            switch shape.registration {
            case .midLongTerm: category = .midLongTerm
            case .specialPermanent: category = .specialPermanent
            case .temporaryRefuge: category = .temporaryRefuge
            case .provisionalStay: category = .provisionalStay
            }
            if transitional && (category == .midLongTerm || category == .specialPermanent) {
                category = .birthTransitional
            }
            var status: StatusOfResidence?
            var period: PeriodOfStay?
            var expiry: LocalDate?
            if category == .midLongTerm, let drafted = draft.status {
                status = drafted
                let granted = StatusRules.period(drafted, rng: &rng)
                period = granted
                let days = StatusRules.days(in: granted)
                if days > 0 { expiry = asOf.adding(days: days - rng.below(days)) }
            }
            var since = max(draft.birth, householdSince)
            if draft.relationship == .spouse || draft.relationship == .parent || draft.relationship == .other {
                since = min(asOf, since.adding(days: rng.chance(0.3) ? rng.below(900) : 0))
            }
            var name = draft.name
            name.kanjiRegistered = kanji && name.tokens.allSatisfy { $0.kanji != nil }
            name.commonName = commonSurname.map { commonName(surname: $0, for: draft, in: shape, rng: &rng) }
            return SampleResident(
                personID: scrambler.personID(household: index, slot: slot), category: category,
                cardNumber: category.requiresCardNumber
                    ? scrambler.cardNumber(household: index, slot: slot, generation: 0) : nil,
                name: name, kanaRegistered: rng.chance(0.9), birthDate: draft.birth, sex: draft.sex,
                nationality: profile.nationality, status: status, periodOfStay: period, stayExpiry: expiry,
                householdID: householdID, relationship: draft.relationship, postalCode: address.postalCode,
                address: address.text, districtCode: address.district, residentSince: since,
                householdIndex: index, slot: slot, cardGeneration: 0)
        }
    }

    /// The Japanese surname of a household's registered common names, if it has them:
    /// most Special Permanent Residents, some nikkei families, some spouses of Japanese nationals.
    private func commonNameSurname(shape: HouseholdShape, head: Draft, rng: inout SplitMix64) -> String? {
        switch shape.registration {
        case .specialPermanent:
            return rng.chance(0.7) ? rng.pick(JapaneseCommonNames.surnames) : nil
        case .temporaryRefuge, .provisionalStay:
            return nil
        case .midLongTerm:
            if let nikkei = head.name.tokens.first(where: { $0.kanji != nil && NamePool.nikkeiFamilies.contains($0.latin) }),
               rng.chance(0.2) {
                return nikkei.kanji
            }
            if shape.kind == .spouseOfJapanese && head.sex == .female && rng.chance(0.4) {
                return rng.pick(JapaneseCommonNames.surnames)
            }
            if case .sinitic = shape.profile.pool.shape, rng.chance(0.06) {
                return rng.pick(JapaneseCommonNames.surnames)
            }
            return nil
        }
    }

    /// A member's common name: the household's Japanese surname and, for Special Permanent
    /// Residents, a Japanese given name; others keep their own given name in kanji or katakana.
    private func commonName(surname: String, for draft: Draft, in shape: HouseholdShape,
                            rng: inout SplitMix64) -> String {
        let given: String
        if shape.registration == .specialPermanent {
            given = rng.pick(draft.sex == .female ? JapaneseCommonNames.female : JapaneseCommonNames.male)
        } else if let token = draft.name.tokens.first(where: { $0.role == .given }) {
            given = token.kanji ?? token.kana
        } else {
            given = draft.name.tokens[0].kana
        }
        return "\(surname)\u{3000}\(given)"
    }
}
