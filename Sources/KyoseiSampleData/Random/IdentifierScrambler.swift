import KyoseiDomain

/// Turns the generator's running keys (household index, member slot, card generation) into
/// identifiers that look issued rather than counted. Each step is a bijection on a fixed number
/// of bits, so distinct keys can never give the same person id, household id or card number:
/// uniqueness holds by construction for a million residents without remembering any of them.
struct IdentifierScrambler: Sendable {
    let seed: UInt64

    /// Person key: household index × 8 + member slot (slots 0–5 members, 6 reserved, 7 newborn).
    static func personKey(household: Int, slot: Int) -> UInt64 { UInt64(household) << 3 | UInt64(slot) }

    func personID(household: Int, slot: Int) -> PersonID {
        let key = Self.personKey(household: household, slot: slot)
        return PersonID(unchecked: String(10_000_000_000 + permute(key, bits: 36)))
    }

    func householdID(_ household: Int) -> HouseholdID {
        HouseholdID(unchecked: String(1_000_000_000 + permute(UInt64(household), bits: 32)))
    }

    /// A card number in the `AB12345678CD` shape. A renewal or change of status issues a new
    /// card, so the generation (0–3) is part of the key.
    func cardNumber(household: Int, slot: Int, generation: Int) -> ResidenceCardNumber {
        let key = Self.personKey(household: household, slot: slot) << 2 | UInt64(generation & 3)
        let scrambled = permute(key, bits: 40)
        let digits = scrambled % 100_000_000
        let rest = Int(scrambled / 100_000_000)
        let decoration = Int(SplitMix64.finalize(key ^ seed) % 26)
        let letters: [Int] = [rest % 26, (rest / 26) % 26, rest / 676, decoration]
        var text = ""
        text.reserveCapacity(12)
        text.append(Self.letter(letters[0]))
        text.append(Self.letter(letters[1]))
        let digitText = String(digits)
        text.append(String(repeating: "0", count: 8 - digitText.count))
        text.append(digitText)
        text.append(Self.letter(letters[2]))
        text.append(Self.letter(letters[3]))
        return GeneratedValue.card(text)
    }

    private static func letter(_ index: Int) -> Character {
        Character(Unicode.Scalar(UInt8(65 + index)))
    }

    /// A seed-keyed bijection on the low `bits` bits: xor with a key, xorshifts and odd
    /// multipliers, each invertible modulo 2^bits.
    private func permute(_ value: UInt64, bits: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << bits) - 1
        var v = (value ^ seed) & mask
        v ^= v >> (bits / 2)
        v = (v &* 0x9E37_79B9_7F4A_7C15) & mask
        v ^= v >> (bits / 2 + 1)
        v = (v &* 0xBF58_476D_1CE4_E5B9) & mask
        v ^= v >> (bits / 3)
        return v
    }
}
