import KyoseiDomain

/// The outline of one household: nationality, who lives in it and the head's status. It is
/// drawn from its own generator before any detail so that counting the households a city of N
/// residents needs costs a few draws each, and the full household can be built later from the
/// same index with the same outline.
struct HouseholdShape: Sendable {
    enum Kind: Sendable {
        case single
        case couple
        case family
        case singleParent
        /// A family with a grandparent, sibling or other relative.
        case extended
        /// A foreign spouse of a Japanese national (the Japanese head is not in this register),
        /// sometimes with children from an earlier marriage.
        case spouseOfJapanese
        case elderlyCouple
    }

    enum Registration: Sendable {
        case midLongTerm
        case specialPermanent
        case temporaryRefuge
        case provisionalStay
    }

    let profileIndex: Int
    let registration: Registration
    let kind: Kind
    let headStatus: StatusOfResidence?
    let children: Int
    let relative: Relationship?

    var profile: NationalityProfile { NationalityProfile.all[profileIndex] }

    var size: Int {
        switch kind {
        case .single: 1
        case .couple, .elderlyCouple: 2
        case .family: 2 + children
        case .singleParent: 1 + children
        case .extended: 3 + children
        case .spouseOfJapanese: 1 + children
        }
    }

    /// The households of the ambiguous pair: two unrelated residents with the same name,
    /// birth date, sex and nationality, so an identity match must go to review.
    static let ambiguousPair = [5, 17]

    /// The household whose head a lookalike walk-in resembles (same surname, birth date and sex).
    static let lookalike = 2

    /// Households no event or change touches, so the identity fixtures stay as documented.
    static let reserved: Set<Int> = Set(ambiguousPair + [lookalike])

    static func of(household index: Int, seed: UInt64, asOf: LocalDate) -> HouseholdShape {
        var rng = SplitMix64(seed, .householdShape, UInt64(index))
        if ambiguousPair.contains(index) {
            return HouseholdShape(profileIndex: NationalityProfile.vietnam, registration: .midLongTerm, kind: .single,
                                  headStatus: .engineerHumanities, children: 0, relative: nil)
        }
        let profileIndex = NationalityProfile.householdTable.pick(using: &rng)
        let profile = NationalityProfile.all[profileIndex]
        let children = Weighted([(1, 0.47), (2, 0.38), (3, 0.12), (4, 0.03)]).pick(using: &rng)
        if rng.chance(profile.specialPermanentShare) {
            let kind: Kind = rng.chance(0.3) ? .elderlyCouple : rng.chance(0.25) ? .single : .family
            return HouseholdShape(profileIndex: profileIndex, registration: .specialPermanent, kind: kind,
                                  headStatus: nil, children: min(children, 3), relative: nil)
        }
        if rng.chance(0.0012) {
            let registration: Registration = rng.chance(0.5) ? .temporaryRefuge : .provisionalStay
            let kind: Kind = rng.chance(0.6) ? .single : .family
            return HouseholdShape(profileIndex: profileIndex, registration: registration, kind: kind,
                                  headStatus: nil, children: min(children, 2), relative: nil)
        }
        if rng.chance(profile.singleShare) {
            let status = StatusRules.inForce(profile.singleStatuses.pick(using: &rng), asOf: asOf, rng: &rng)
            return HouseholdShape(profileIndex: profileIndex, registration: .midLongTerm, kind: .single,
                                  headStatus: status, children: 0, relative: nil)
        }
        let status = profile.familyStatuses.pick(using: &rng)
        if status == .spouseJapanese {
            return HouseholdShape(profileIndex: profileIndex, registration: .midLongTerm, kind: .spouseOfJapanese,
                                  headStatus: status, children: rng.chance(0.6) ? 0 : min(children, 2), relative: nil)
        }
        let roll = rng.unit()
        let kind: Kind = roll < 0.28 ? .couple : roll < 0.7 ? .family : roll < 0.8 ? .singleParent
            : roll < 0.9 ? .extended : .elderlyCouple
        let relative: Relationship? = kind == .extended
            ? (rng.chance(0.6) ? .parent : rng.chance(0.75) ? .sibling : .other) : nil
        let cappedChildren = kind == .extended ? min(children, 3) : children
        return HouseholdShape(profileIndex: profileIndex, registration: .midLongTerm, kind: kind,
                              headStatus: kind == .elderlyCouple && status != .permanent && status != .longTerm
                                  ? .permanent : status,
                              children: cappedChildren, relative: relative)
    }
}
