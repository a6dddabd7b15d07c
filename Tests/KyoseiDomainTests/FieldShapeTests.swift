import KyoseiDomain
import PropertyBased
import Testing

/// The register's codes are judged byte by byte, for speed. Here each is held to its rule as
/// the formats state it, worked out over characters, on text made of the code's own characters
/// and of those that look like them: full-width and Arabic-Indic digits, lower case, a letter
/// with a combining accent, a digit that a combining accent joins, a NUL.
@Suite struct FieldShapeTests {
    static let lookalikes: [String] = ["0", "1", "7", "9", "-", "A", "D", "M", "P", "Y", "Z", "b", "１", "٣", "\u{301}", "é", "\u{0}", " "]

    /// Text of up to `pieces` pieces, each drawn from `pieces`.
    static func text(_ pieces: [String], upTo count: Int = 10) -> Generator<String, some SendableSequenceType> {
        Gen.element(of: pieces).map { $0! }.array(of: 0...count).map { $0.joined() }
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    @Test func postalCodeIsThreeDigitsAHyphenAndFour() async {
        await propertyCheck(input: Self.text(Self.lookalikes)) { text in
            let c = Array(text)
            let rule = c.count == 8 && c[3] == "-" && c.indices.allSatisfy { $0 == 3 || Self.isDigit(c[$0]) }
            #expect(((try? PostalCode(text)) != nil) == rule, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func districtCodeIsLettersThenDigits() async {
        await propertyCheck(input: Self.text(Self.lookalikes)) { text in
            let c = Array(text)
            let letters = c.prefix { $0.isASCII && $0.isUppercase }.count
            let rule = letters > 0 && letters < c.count && c.count <= 8 && c[letters...].allSatisfy(Self.isDigit)
            #expect(((try? DistrictCode(text)) != nil) == rule, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func municipalityCodeIsSixDigitsWithItsCheckDigit() async {
        func judge(_ text: String) {
            let c = Array(text)
            var rule = c.count == 6 && c.allSatisfy(Self.isDigit)
            if rule {
                let d = c.map { $0.wholeNumberValue! }
                let s = 6 * d[0] + 5 * d[1] + 4 * d[2] + 3 * d[3] + 2 * d[4]
                rule = (11 - s % 11) % 10 == d[5]
            }
            #expect(((try? MunicipalityCode(text)) != nil) == rule, "\(text.unicodeScalars.map(\.value))")
        }
        await propertyCheck(input: Self.text(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], upTo: 7)) { judge($0) }
        await propertyCheck(input: Self.text(Self.lookalikes, upTo: 7)) { judge($0) }
    }

    @Test func personAndHouseholdIDsAreDigitsOfTheirLength() async {
        let digits = Self.text(["0", "3", "9", "１", "٣", "\u{301}", "a"], upTo: 12)
        await propertyCheck(input: digits) { text in
            let allDigits = !text.isEmpty && text.allSatisfy(Self.isDigit)
            #expect(((try? PersonID(text)) != nil) == (allDigits && text.count == 11))
            #expect(((try? HouseholdID(text)) != nil) == (allDigits && text.count == 10))
        }
    }

    /// ISO 8601's years, months and days in that order, each at most once, at least one of them
    /// more than nothing.
    @Test func periodOfStayIsADurationInYearsMonthsAndDays() async {
        let units = Self.text(["1Y", "0Y", "12M", "0M", "3D", "0D", "1", "Y", "W", "١", "\u{301}", "P"], upTo: 4)
        func judge(_ text: String) {
            var expected: PeriodOfStay?
            if text.first == "P", text.count > 1 {
                var amounts: [Character: Int] = [:], number = "", order = "YMD"[...], ok = true
                for c in text.dropFirst() {
                    if Self.isDigit(c) { number.append(c); continue }
                    guard let value = Int(number), let at = order.firstIndex(of: c) else { ok = false; break }
                    amounts[c] = value
                    order = order[order.index(after: at)...]
                    number = ""
                }
                if ok, number.isEmpty, amounts.values.contains(where: { $0 > 0 }) {
                    expected = .duration(years: amounts["Y"] ?? 0, months: amounts["M"] ?? 0, days: amounts["D"] ?? 0)
                }
            }
            #expect((try? PeriodOfStay(text)) == expected, "\(text.unicodeScalars.map(\.value))")
        }
        await propertyCheck(input: units.map { "P" + $0 }) { judge($0) }
        await propertyCheck(input: Self.text(Self.lookalikes, upTo: 6)) { judge($0) }
    }

    @Test func aPeriodTooLongToCountIsRefusedAndHugeOnesDoNotOverflow() throws {
        #expect(throws: ValidationError.self) { try PeriodOfStay("P99999999999999999999Y") }
        #expect(try PeriodOfStay("P9223372036854775807Y9223372036854775807M")
            == .duration(years: .max, months: .max, days: 0))
    }

    /// The 249 codes ISO 3166-1 assigns and XX, out of the 676 pairs of letters.
    @Test func nationalityIsOneOfTheAssignedPairsOfLetters() async throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let accepted = letters.flatMap { a in letters.map { b in String([a, b]) } }.filter { (try? Nationality($0)) != nil }
        #expect(accepted.count == 250)
        #expect(Set(["BR", "JP", "VN", "PH", "XX", "GB", "ZW", "AD"]).isSubset(of: accepted))
        #expect(Set(accepted).isDisjoint(with: ["UK", "RB", "ZZ", "EU", "AA"]))
        await propertyCheck(input: Self.text(Self.lookalikes + ["BR", "JP"], upTo: 3)) { text in
            let pair = text.count == 2 && text.allSatisfy { $0.isASCII && $0.isUppercase }
            #expect((try? Nationality(text)) == nil || pair)
            #expect((try? Nationality(text)).map { accepted.contains($0.rawValue) } ?? true)
        }
    }
}
