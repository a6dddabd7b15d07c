import KyoseiDomain

/// The names one nationality draws from and how it puts them together on the residence card.
/// Entries are written `DOS_SANTOS` for a particle bound to its surname and `WANG=王` for a
/// token with its kanji; the pools are ordered from most to least common.
struct NamePool: Sendable {
    /// How the parts of a name follow each other on the card (family name first).
    enum Shape: Sendable {
        /// One or two surnames (with DA/DOS/DE particles), one or two given names.
        case iberian(secondSurname: Double, secondGiven: Double)
        /// Surname, one or two given names, the mother's maiden surname as middle name.
        case filipino
        /// Family name, a middle name (VAN, THI, …), a given name.
        case vietnamese
        /// Family name and a given name of one or two syllables, each with its kanji.
        case sinitic(twoSyllables: Double)
        /// Family name, a given name of one or two tokens, sometimes a middle name.
        case familyGivenMiddle(middle: Double)
        /// One to three names and no family name. Where the pool has surname-like last names
        /// (Indonesian SAPUTRA, LESTARI: the middle pools, by sex) the card writes one first.
        case personalNames(single: Double)
    }

    struct Entry: Sendable {
        let tokens: [String]
        let kanji: String?
    }

    let language: NameLanguage
    let shape: Shape
    let family: [Entry]
    let male: [Entry]
    let female: [Entry]
    let maleMiddle: [Entry]
    let femaleMiddle: [Entry]

    init(_ language: NameLanguage, _ shape: Shape, family: String, male: String, female: String,
         maleMiddle: String = "", femaleMiddle: String = "") {
        self.language = language
        self.shape = shape
        self.family = Self.entries(family)
        self.male = Self.entries(male)
        self.female = Self.entries(female)
        self.maleMiddle = Self.entries(maleMiddle)
        self.femaleMiddle = Self.entries(femaleMiddle)
    }

    func given(for sex: Sex) -> [Entry] { sex == .female ? female : male }
    func middle(for sex: Sex) -> [Entry] { sex == .female ? femaleMiddle : maleMiddle }

    private static func entries(_ text: String) -> [Entry] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word in
            let parts = word.split(separator: "=", maxSplits: 1)
            let tokens = parts[0].split(separator: "_").map(String.init)
            return Entry(tokens: tokens, kanji: parts.count > 1 ? String(parts[1]) : nil)
        }
    }
}
