/// Every distinct phonetic key the index has seen, stored once: a million residents share a
/// few tens of thousands of name parts, so records hold 4-byte key numbers, not strings.
struct KeyTable: Sendable {
    private var numbers: [PhoneticKey: UInt32] = [:]
    private(set) var keys: [[UInt8]] = []
    /// The consonant-class skeleton of each key, for the second blocking pass.
    private(set) var skeletons: [UInt16] = []
    /// Each key's first letter as a run of parts may start with it (`NameComparator.startBits`)
    /// and its length, for the screen that spares a stranger the search for runs.
    private(set) var starts: [UInt32] = []
    private(set) var lengths: [UInt32] = []
    /// How many stored name parts read each key, for `CommonKeyPairs`.
    private(set) var uses: [UInt32] = []
    /// Sets of other readings of one spelling (`NameParser.Part.alternates`: the letters read
    /// as romaji, a second tradition), each stored once and numbered, set 0 empty: a part
    /// carries its set's number, since a million residents share a few tens of thousands of
    /// spellings. A set belongs to the spelling, not to its key: two spellings with one key
    /// (CHAN read in Polish, FANG in pinyin) are read differently letter by letter.
    private(set) var alternateSets: [[UInt32]] = [[]]
    private var alternateSetNumbers: [[UInt32]: UInt32] = [[]: 0]
    /// Of each set, its keys' `starts` together and its shortest key's length (none: `UInt32.max`).
    private(set) var alternateStarts: [UInt32] = [0]
    private(set) var alternateShortest: [UInt32] = [.max]

    /// Which pairs of the most used keys can be near, once every resident is in (`findCommonPairs`).
    private(set) var common = CommonKeyPairs()

    mutating func findCommonPairs() { common = CommonKeyPairs(keys: self, uses: uses) }

    mutating func intern(_ key: PhoneticKey) -> UInt32 {
        if let number = numbers[key] { return number }
        let number = UInt32(keys.count)
        numbers[key] = number
        keys.append(key.bytes)
        skeletons.append(Self.skeleton(key.bytes))
        starts.append(key.bytes.first.map(NameComparator.startBits) ?? 0)
        lengths.append(UInt32(key.bytes.count))
        uses.append(0)
        return number
    }

    /// The number of the set of `readings` other than `key` itself.
    mutating func internAlternates(_ readings: [PhoneticKey], besides key: UInt32) -> UInt32 {
        var numbers: [UInt32] = []
        for reading in readings {
            let number = intern(reading)
            if number != key, !numbers.contains(number) { numbers.append(number) }
        }
        if let known = alternateSetNumbers[numbers] { return known }
        let set = UInt32(alternateSets.count)
        alternateSets.append(numbers)
        alternateSetNumbers[numbers] = set
        alternateStarts.append(numbers.reduce(0) { $0 | starts[Int($1)] })
        alternateShortest.append(numbers.map { lengths[Int($0)] }.min() ?? .max)
        return set
    }

    /// A part as the index keeps it, its keys numbered.
    mutating func store(_ part: NameParser.Part) -> StoredPart {
        var stored = StoredPart(key: intern(part.key), joined: part.joined.map { intern($0) } ?? StoredPart.none,
                                spoken: part.spoken.map { intern($0) } ?? StoredPart.none)
        if !part.alternates.isEmpty { stored.alternates = internAlternates(part.alternates, besides: stored.key) }
        uses[Int(stored.key)] += 1
        if stored.joined != StoredPart.none { uses[Int(stored.joined)] += 1 }
        if stored.spoken != StoredPart.none { uses[Int(stored.spoken)] += 1 }
        for number in alternateSets[Int(stored.alternates)] { uses[Int(number)] += 1 }
        return stored
    }

    func number(of key: PhoneticKey) -> UInt32? { numbers[key] }

    /// The first three consonants by class (K/G, S/Z, T/D, N/M, B/P/W, H/R): a key that a
    /// voicing slip, an R heard as H or a changed vowel leave the same.
    static func skeleton(_ key: [UInt8]) -> UInt16 {
        var value: UInt16 = 0
        var taken = 0
        for c in key where taken < 3 {
            let cls: UInt16
            switch c {
            case 0x4B, 0x47: cls = 1
            case 0x53, 0x5A: cls = 2
            case 0x54, 0x44: cls = 3
            case 0x4E, 0x4D: cls = 4
            case 0x42, 0x50, 0x57: cls = 5
            case 0x48, 0x52: cls = 6
            default: continue
            }
            value = value << 3 | cls
            taken += 1
        }
        return value | UInt16(taken) << 12
    }
}
