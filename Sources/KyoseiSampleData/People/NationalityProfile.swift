import KyoseiDomain

/// One nationality of the sample city: its share of residents, its names, how often its
/// households are one worker alone, and the statuses its heads of household hold. The mix is
/// that of an Alliance city: Brazilian and Peruvian nikkei families on Long-Term and Permanent
/// status, Vietnamese and Indonesian technical interns and specified skilled workers, Korean
/// Special Permanent Residents.
struct NationalityProfile: Sendable {
    let nationality: Nationality
    let share: Double
    let pool: NamePool
    /// Share of households that are one person alone (mostly workers and students).
    let singleShare: Double
    let singleMaleShare: Double
    let singleStatuses: Weighted<StatusOfResidence>
    let familyStatuses: Weighted<StatusOfResidence>
    /// Share of households that are Special Permanent Residents.
    let specialPermanentShare: Double
    /// Share of Chinese and Korean names whose kanji the register holds.
    let kanjiShare: Double
    /// Share of households with a Japanese surname (nikkei).
    let nikkeiShare: Double

    init(_ code: String, share: Double, pool: NamePool, single: Double, singleMale: Double,
         singles: [(StatusOfResidence, Double)], families: [(StatusOfResidence, Double)],
         specialPermanent: Double = 0, kanji: Double = 0, nikkei: Double = 0) {
        nationality = GeneratedValue.nationality(code)
        self.share = share
        self.pool = pool
        singleShare = single
        singleMaleShare = singleMale
        singleStatuses = Weighted(singles)
        familyStatuses = Weighted(families)
        specialPermanentShare = specialPermanent
        kanjiShare = kanji
        nikkeiShare = nikkei
    }

    /// Expected members per household, to turn shares of residents into shares of households.
    var expectedHouseholdSize: Double {
        let family = 3.3
        let special = specialPermanentShare * 2.6
        return special + (1 - specialPermanentShare) * (singleShare + (1 - singleShare) * family)
    }

    static let all: [NationalityProfile] = [
        NationalityProfile(
            "BR", share: 30, pool: .brazil, single: 0.22, singleMale: 0.6,
            singles: [(.longTerm, 40), (.permanent, 35), (.spouseJapanese, 8), (.spousePermanent, 7),
                      (.designated, 2), (.engineerHumanities, 5), (.ssw1, 3)],
            families: [(.permanent, 50), (.longTerm, 35), (.spouseJapanese, 8), (.spousePermanent, 5),
                       (.engineerHumanities, 2)],
            nikkei: 0.3),
        NationalityProfile(
            "PH", share: 18, pool: .philippines, single: 0.35, singleMale: 0.4,
            singles: [(.titp1, 10), (.titp2, 12), (.titp3, 4), (.ssw1, 14), (.ssw2, 2), (.nursingCare, 3),
                      (.engineerHumanities, 8), (.permanent, 20), (.spouseJapanese, 15), (.longTerm, 8),
                      (.entertainer, 1), (.designated, 3)],
            families: [(.permanent, 45), (.longTerm, 20), (.spouseJapanese, 15), (.engineerHumanities, 10),
                       (.spousePermanent, 5), (.ssw2, 5)]),
        NationalityProfile(
            "VN", share: 15, pool: .vietnam, single: 0.86, singleMale: 0.58,
            singles: [(.titp1, 18), (.titp2, 20), (.titp3, 6), (.ssw1, 22), (.ssw2, 4), (.engineerHumanities, 15),
                      (.student, 11), (.designated, 2), (.permanent, 2)],
            families: [(.engineerHumanities, 45), (.permanent, 20), (.ssw2, 10), (.spouseJapanese, 8),
                       (.businessManager, 4), (.skilledLabor, 3), (.longTerm, 5), (.hsp1B, 5)]),
        NationalityProfile(
            "CN", share: 12, pool: .china, single: 0.58, singleMale: 0.5,
            singles: [(.engineerHumanities, 25), (.student, 18), (.titp1, 6), (.titp2, 6), (.titp3, 2), (.ssw1, 5),
                      (.permanent, 20), (.spouseJapanese, 8), (.businessManager, 3), (.hsp1B, 3),
                      (.intraCompany, 2), (.skilledLabor, 2)],
            families: [(.permanent, 40), (.engineerHumanities, 25), (.spouseJapanese, 8), (.businessManager, 6),
                       (.hsp1B, 7), (.skilledLabor, 5), (.longTerm, 4), (.professor, 2), (.researcher, 3)],
            specialPermanent: 0.02, kanji: 0.95),
        NationalityProfile(
            "PE", share: 6, pool: .peru, single: 0.2, singleMale: 0.55,
            singles: [(.longTerm, 40), (.permanent, 40), (.spouseJapanese, 8), (.spousePermanent, 7), (.designated, 5)],
            families: [(.permanent, 55), (.longTerm, 35), (.spouseJapanese, 5), (.spousePermanent, 5)],
            nikkei: 0.15),
        NationalityProfile(
            "ID", share: 5, pool: .indonesia, single: 0.86, singleMale: 0.65,
            singles: [(.titp1, 20), (.titp2, 20), (.titp3, 6), (.ssw1, 25), (.ssw2, 3), (.engineerHumanities, 8),
                      (.student, 8), (.designated, 3), (.religious, 1), (.trainee, 1)],
            families: [(.engineerHumanities, 40), (.permanent, 20), (.ssw2, 15), (.spouseJapanese, 10),
                       (.longTerm, 5), (.researcher, 5), (.professor, 5)]),
        NationalityProfile(
            "NP", share: 5, pool: .nepal, single: 0.55, singleMale: 0.65,
            singles: [(.student, 35), (.engineerHumanities, 25), (.skilledLabor, 15), (.ssw1, 10), (.titp1, 5),
                      (.designated, 5), (.businessManager, 5)],
            families: [(.skilledLabor, 35), (.engineerHumanities, 30), (.businessManager, 15), (.permanent, 12),
                       (.ssw2, 3), (.spouseJapanese, 5)]),
        NationalityProfile(
            "KR", share: 4, pool: .korea, single: 0.45, singleMale: 0.45,
            singles: [(.engineerHumanities, 25), (.student, 15), (.permanent, 25), (.spouseJapanese, 20),
                      (.businessManager, 5), (.religious, 3), (.cultural, 2), (.intraCompany, 5)],
            families: [(.permanent, 40), (.engineerHumanities, 25), (.spouseJapanese, 15), (.businessManager, 10),
                       (.intraCompany, 5), (.professor, 5)],
            specialPermanent: 0.55, kanji: 0.8),
        NationalityProfile(
            "TH", share: 1.2, pool: .thailand, single: 0.5, singleMale: 0.45,
            singles: [(.titp1, 15), (.titp2, 15), (.titp3, 5), (.ssw1, 15), (.permanent, 20), (.spouseJapanese, 25),
                      (.engineerHumanities, 5)],
            families: [(.permanent, 50), (.spouseJapanese, 30), (.longTerm, 15), (.engineerHumanities, 5)]),
        NationalityProfile(
            "BO", share: 0.8, pool: .peru, single: 0.2, singleMale: 0.55,
            singles: [(.longTerm, 45), (.permanent, 40), (.spouseJapanese, 10), (.designated, 5)],
            families: [(.permanent, 55), (.longTerm, 40), (.spousePermanent, 5)],
            nikkei: 0.1),
        NationalityProfile(
            "IN", share: 0.8, pool: .india, single: 0.5, singleMale: 0.75,
            singles: [(.engineerHumanities, 45), (.skilledLabor, 25), (.student, 10), (.businessManager, 8),
                      (.intraCompany, 7), (.hsp1B, 5)],
            families: [(.engineerHumanities, 40), (.skilledLabor, 25), (.businessManager, 15), (.hsp1B, 10),
                       (.permanent, 10)]),
        NationalityProfile(
            "US", share: 0.6, pool: .unitedStates, single: 0.55, singleMale: 0.6,
            singles: [(.engineerHumanities, 20), (.instructor, 25), (.professor, 8), (.religious, 10),
                      (.spouseJapanese, 20), (.permanent, 10), (.intraCompany, 5), (.student, 2)],
            families: [(.engineerHumanities, 25), (.intraCompany, 15), (.professor, 10), (.religious, 10),
                       (.permanent, 25), (.spouseJapanese, 15)]),
        NationalityProfile(
            "MM", share: 0.5, pool: .myanmar, single: 0.7, singleMale: 0.55,
            singles: [(.titp1, 20), (.titp2, 15), (.ssw1, 25), (.student, 10), (.engineerHumanities, 10),
                      (.designated, 20)],
            families: [(.designated, 40), (.longTerm, 30), (.engineerHumanities, 20), (.permanent, 10)]),
        NationalityProfile(
            "LK", share: 0.4, pool: .sriLanka, single: 0.65, singleMale: 0.7,
            singles: [(.student, 25), (.engineerHumanities, 20), (.ssw1, 15), (.titp1, 10), (.designated, 15),
                      (.businessManager, 10), (.skilledLabor, 5)],
            families: [(.engineerHumanities, 40), (.businessManager, 25), (.permanent, 20), (.designated, 15)]),
        NationalityProfile(
            "TW", share: 0.3, pool: .china, single: 0.5, singleMale: 0.45,
            singles: [(.engineerHumanities, 35), (.student, 20), (.permanent, 25), (.spouseJapanese, 20)],
            families: [(.permanent, 50), (.engineerHumanities, 30), (.spouseJapanese, 20)],
            specialPermanent: 0.08, kanji: 0.95),
        NationalityProfile(
            "AR", share: 0.2, pool: .peru, single: 0.25, singleMale: 0.55,
            singles: [(.longTerm, 45), (.permanent, 45), (.spouseJapanese, 10)],
            families: [(.permanent, 55), (.longTerm, 45)],
            nikkei: 0.2),
        NationalityProfile(
            "XX", share: 0.2, pool: .myanmar, single: 0.6, singleMale: 0.55,
            singles: [(.designated, 40), (.longTerm, 30), (.permanent, 20), (.spouseJapanese, 10)],
            families: [(.longTerm, 40), (.permanent, 30), (.designated, 30)]),
    ]

    /// Households are drawn by nationality with weights that turn the residents' shares into
    /// households' shares (a nationality of lone workers needs more households per resident).
    static let householdTable = Weighted(all.indices.map { ($0, all[$0].share / all[$0].expectedHouseholdSize) })

    static let vietnam = all.firstIndex { $0.nationality.rawValue == "VN" } ?? 0
}

extension NationalityProfile {
    private static let byNationality: [Nationality: NationalityProfile] = Dictionary(
        all.map { ($0.nationality, $0) }, uniquingKeysWith: { first, _ in first })

    /// The profile of a nationality the city generates (every resident has one).
    static func profile(of nationality: Nationality) -> NationalityProfile {
        guard let profile = byNationality[nationality] else {
            preconditionFailure("no sample profile for nationality \(nationality)")
        }
        return profile
    }
}
