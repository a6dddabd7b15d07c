import KyoseiDomain

/// Puts names together the way each nationality does, and keeps a family's names related:
/// children carry their parents' surnames in that nationality's order, a Filipino wife takes her
/// husband's surname and keeps her own as middle name, a Brazilian wife often adds her husband's.
enum NameBuilder {
    typealias Token = SampleName.Token

    static let particles: Set<String> = ["DA", "DAS", "DE", "DO", "DOS", "DEL", "LA", "LOS", "DELA", "DELOS"]

    /// A name drawn fresh from the pool. `nikkei` puts a Japanese surname among a Brazilian
    /// or Peruvian's surnames.
    static func fresh(_ pool: NamePool, sex: Sex, nikkei: Bool, rng: inout SplitMix64) -> SampleName {
        var tokens: [Token] = []
        switch pool.shape {
        case let .iberian(secondSurname, secondGiven):
            var groups = [familyGroup(pool, rng: &rng)]
            if rng.chance(secondSurname) { groups.append(familyGroup(pool, rng: &rng)) }
            if nikkei { groups[rng.below(groups.count)] = familyGroup(.nikkei, rng: &rng) }
            if groups.count == 2, groups[0].map(\.latin) == groups[1].map(\.latin) { groups.removeLast() }
            tokens = surnames(groups) + given(pool, sex: sex, rng: &rng)
            if rng.chance(secondGiven) { tokens += secondGivenName(besides: tokens, pool, sex: sex, rng: &rng) }
        case .filipino:
            tokens = familyGroup(pool, rng: &rng) + given(pool, sex: sex, rng: &rng)
            tokens += familyGroup(pool, rng: &rng).map { $0.with(role: .middle) }
        case .vietnamese:
            tokens = vietnameseFamily(pool, rng: &rng)
            tokens += make(pool.language, rng.pick(pool.middle(for: sex)), role: .middle, rng: &rng)
            var givenName = given(pool, sex: sex, rng: &rng)
            for _ in 0..<8 where givenName.map(\.latin) == [tokens[tokens.count - 1].latin] {
                givenName = given(pool, sex: sex, rng: &rng)
            }
            tokens += givenName
        case let .sinitic(twoSyllables):
            tokens = familyGroup(pool, rng: &rng)
            tokens.append(syllableGiven(pool, sex: sex, two: rng.chance(twoSyllables), rng: &rng))
        case let .familyGivenMiddle(middle):
            tokens = familyGroup(pool, rng: &rng) + given(pool, sex: sex, rng: &rng)
            if rng.chance(middle) {
                let middles = pool.middle(for: sex)
                tokens += middles.isEmpty
                    ? secondGivenName(besides: tokens, pool, sex: sex, rng: &rng)
                    : make(pool.language, rng.pick(middles), role: .middle, rng: &rng)
            }
        case let .personalNames(single):
            tokens = personalNames(pool, sex: sex, single: single, rng: &rng)
        }
        return SampleName(tokens: tokens, kanaStyle: rng.chance(0.65) ? .middleDots : .spaces,
                          kanjiRegistered: false, commonName: nil)
    }

    /// A child's name: the parents' surnames in the nationality's order and a given name of
    /// its own. Nationalities without family names give the child a name of its own.
    static func child(father: SampleName?, mother: SampleName?, _ pool: NamePool, sex: Sex,
                      rng: inout SplitMix64) -> SampleName {
        guard let parent = father ?? mother else { return fresh(pool, sex: sex, nikkei: false, rng: &rng) }
        let own = fresh(pool, sex: sex, nikkei: false, rng: &rng)
        let ownGiven = own.tokens.filter { $0.role == .given || $0.role == .middle }
        var tokens: [Token]
        switch pool.shape {
        case .iberian:
            let fromFather = father.map(familyGroups) ?? []
            let fromMother = mother.map(familyGroups) ?? []
            var groups = pool.language == .portuguese
                ? [fromMother.last, fromFather.last].compactMap { $0 }
                : [fromFather.first, fromMother.first].compactMap { $0 }
            if groups.count == 2, groups[0].map(\.latin) == groups[1].map(\.latin) { groups.removeLast() }
            tokens = surnames(groups) + ownGiven
        case .filipino:
            tokens = parent.tokens.filter { $0.role == .family } + own.tokens.filter { $0.role == .given }
            if father != nil, let mother {
                let maiden = mother.tokens.filter { $0.role == .middle }
                tokens += maiden.isEmpty ? mother.tokens.filter { $0.role == .family }.map { $0.with(role: .middle) } : maiden
            }
        case .vietnamese, .sinitic, .familyGivenMiddle:
            tokens = parent.tokens.filter { $0.role == .family } + own.tokens.filter { $0.role != .family }
        case .personalNames:
            return own
        }
        return SampleName(tokens: tokens, kanaStyle: parent.kanaStyle, kanjiRegistered: parent.kanjiRegistered,
                          commonName: nil)
    }

    /// The name of the head's spouse, following the nationality's custom on marriage.
    static func spouse(of head: SampleName, _ pool: NamePool, sex: Sex, rng: inout SplitMix64) -> SampleName {
        var own = fresh(pool, sex: sex, nikkei: false, rng: &rng)
        own.kanaStyle = head.kanaStyle
        guard sex == .female else { return own }
        let given = own.tokens.filter { $0.role == .given || $0.role == .middle }
        switch pool.shape {
        case .iberian where pool.language == .portuguese && rng.chance(0.6):
            if let first = familyGroups(own).first, let husbands = familyGroups(head).last,
               first.map(\.latin) != husbands.map(\.latin) {
                own.tokens = surnames([first, husbands]) + given
            }
        case .filipino:
            let maiden = own.tokens.filter { $0.role == .family }.map { $0.with(role: .middle) }
            own.tokens = head.tokens.filter { $0.role == .family } + own.tokens.filter { $0.role == .given } + maiden
        case .familyGivenMiddle where pool.language == .english && rng.chance(0.6):
            own.tokens = head.tokens.filter { $0.role == .family } + given
        default:
            break
        }
        return own
    }

    /// The name after a registered change (most often marriage): a new last surname, the given
    /// names kept; a Filipina's previous surname becomes her middle name.
    static func withNewFamily(_ name: SampleName, _ pool: NamePool, sex: Sex, rng: inout SplitMix64) -> SampleName {
        var changed = name
        let given = name.tokens.filter { $0.role == .given || $0.role == .middle }
        let current = name.familyTokens.map(\.latin)
        var family = newFamily(pool, sex: sex, rng: &rng)
        for _ in 0..<8 where current.contains(family.last?.latin ?? "") {
            family = newFamily(pool, sex: sex, rng: &rng)
        }
        switch pool.shape {
        case .iberian:
            let groups = familyGroups(name)
            changed.tokens = surnames(groups.count > 1 ? [groups[0], family] : groups + [family]) + given
        case .filipino:
            let previous = name.tokens.filter { $0.role == .family }.map { $0.with(role: .middle) }
            changed.tokens = family + name.tokens.filter { $0.role == .given } + previous
        case .personalNames:
            changed.tokens = family + name.tokens.filter { $0.role != .family }
        case .vietnamese, .sinitic, .familyGivenMiddle:
            changed.tokens = family + given
        }
        return changed
    }

    // MARK: - Parts

    /// The tokens of one pool entry; every token but the last of a multi-token surname is a
    /// particle, and the entry's kanji belongs to its last token.
    static func make(_ language: NameLanguage, _ entry: NamePool.Entry, role: SampleName.Role,
                     rng: inout SplitMix64) -> [Token] {
        entry.tokens.enumerated().map { index, latin in
            let last = index == entry.tokens.count - 1
            return token(latin, language, kanji: last ? entry.kanji : nil, role: role,
                         particle: !last && particles.contains(latin), rng: &rng)
        }
    }

    static func token(_ latin: String, _ language: NameLanguage, kanji: String?, role: SampleName.Role,
                      particle: Bool, rng: inout SplitMix64) -> Token {
        let readings = KatakanaTable.readings(latin, in: language)
        let chosen = readings.count > 1 && rng.chance(0.3) ? rng.below(readings.count) : 0
        return Token(latin: latin, readings: readings, chosen: chosen, kanji: kanji, role: role, isParticle: particle)
    }

    /// A surname for a name change; names without family names take a surname-like last name
    /// (or, for Burmese names, another personal name) instead.
    private static func newFamily(_ pool: NamePool, sex: Sex, rng: inout SplitMix64) -> [Token] {
        if case .personalNames = pool.shape {
            let names = pool.middle(for: sex).isEmpty ? pool.given(for: sex) : pool.middle(for: sex)
            return make(pool.language, rng.skewedPick(names), role: .family, rng: &rng)
        }
        return familyGroup(pool, rng: &rng)
    }

    private static func familyGroup(_ pool: NamePool, rng: inout SplitMix64) -> [Token] {
        make(pool.language, rng.skewedPick(pool.family), role: .family, rng: &rng)
    }

    /// The surname groups of a name in card order (a group is a surname with its particles).
    private static func familyGroups(_ name: SampleName) -> [[Token]] {
        [name.tokens.filter { $0.role == .family }, name.tokens.filter { $0.role == .secondFamily }]
            .filter { !$0.isEmpty }
    }

    /// Surname groups in card order: the first is the family name, the next the second surname.
    private static func surnames(_ groups: [[Token]]) -> [Token] {
        groups.enumerated().flatMap { index, group in
            group.map { $0.with(role: index == 0 ? .family : .secondFamily) }
        }
    }

    private static func given(_ pool: NamePool, sex: Sex, rng: inout SplitMix64) -> [Token] {
        make(pool.language, rng.skewedPick(pool.given(for: sex)), role: .given, rng: &rng)
    }

    /// A second given name (JOAO *CARLOS*), different from the first.
    private static func secondGivenName(besides tokens: [Token], _ pool: NamePool, sex: Sex,
                                        rng: inout SplitMix64) -> [Token] {
        let taken = Set(tokens.map(\.latin))
        for _ in 0..<8 {
            let entry = rng.pick(pool.given(for: sex))
            if entry.tokens.allSatisfy({ !taken.contains($0) }) {
                return make(pool.language, entry, role: .middle, rng: &rng)
            }
        }
        return []
    }

    /// NGUYEN is the family name of close to 40% of Vietnamese; the rest follow by frequency.
    private static func vietnameseFamily(_ pool: NamePool, rng: inout SplitMix64) -> [Token] {
        let entry = rng.chance(0.38) ? pool.family[0] : rng.skewedPick(Array(pool.family.dropFirst()))
        return make(pool.language, entry, role: .family, rng: &rng)
    }

    /// A Chinese or Korean given name of one or two syllables, written as one Latin word
    /// (XIAOMING, MINJUN) with the syllables' kanji and readings put together.
    private static func syllableGiven(_ pool: NamePool, sex: Sex, two: Bool, rng: inout SplitMix64) -> Token {
        let syllables = pool.given(for: sex)
        let first = rng.skewedPick(syllables)
        var parts = [first]
        if two {
            var second = rng.pick(syllables)
            if second.tokens == first.tokens { second = rng.pick(syllables) }
            parts.append(second)
        }
        let readings = parts.map { KatakanaTable.readings($0.tokens[0], in: pool.language) }
        let usual = readings.map { $0[0] }.joined()
        let other = readings.map { $0[$0.count - 1] }.joined()
        return Token(latin: parts.map { $0.tokens[0] }.joined(), readings: usual == other ? [usual] : [usual, other],
                     chosen: usual != other && rng.chance(0.2) ? 1 : 0,
                     kanji: parts.map { $0.kanji ?? "" }.joined(), role: .given, isParticle: false)
    }

    /// Indonesian and Burmese names have no family name. With a surname-like last name
    /// (Indonesian), the card writes it first; otherwise the names stay in their own order.
    private static func personalNames(_ pool: NamePool, sex: Sex, single: Double, rng: inout SplitMix64) -> [Token] {
        let names = pool.given(for: sex)
        var tokens = make(pool.language, rng.skewedPick(names), role: .given, rng: &rng)
        if rng.chance(single) { return tokens }
        if rng.chance(0.4) {
            let second = rng.pick(names)
            if second.tokens[0] != tokens[0].latin { tokens += make(pool.language, second, role: .middle, rng: &rng) }
        }
        let lastNames = pool.middle(for: sex)
        guard !lastNames.isEmpty else {
            let last = rng.pick(names)
            if !tokens.contains(where: { $0.latin == last.tokens[0] }) {
                tokens += make(pool.language, last, role: .middle, rng: &rng)
            }
            return tokens
        }
        return make(pool.language, rng.skewedPick(lastNames), role: .family, rng: &rng) + tokens
    }
}

extension SampleName.Token {
    func with(role: SampleName.Role) -> SampleName.Token {
        SampleName.Token(latin: latin, readings: readings, chosen: chosen, kanji: kanji, role: role, isParticle: isParticle)
    }
}
