import Foundation
import KyoseiDomain

extension SampleCity {
    /// A board-of-education roster (`formats.md` §4, `SCH-<school year>-<term>.csv`) for the
    /// city's compulsory-age children: most in public schools at their expected grade, some in
    /// foreign or international schools, some withdrawn, some long absent, some not listed at
    /// all (to be confirmed by staff), names in Latin letters, katakana or both, a few with
    /// their card, and a few children who are not residents. Deterministic in (seed, year, term).
    public func writeSchoolRoster(to directory: URL, year: SchoolYear, term: SchoolYear.Term,
                                  encoding: RegisterFileOptions.Encoding = .utf8) throws -> WrittenSchoolRoster {
        let url = directory.appendingPathComponent("SCH-\(year)-\(term.rawValue).csv")
        let writer = try RegisterCSVWriter(url: url, options: RegisterFileOptions(encoding: encoding))
        try writer.write(["school_code", "school_name", "school_type", "student_number", "name_latin", "name_kana",
                          "birth_date", "sex", "residence_card_number", "grade", "term", "days_in_term", "days_absent",
                          "japanese_support", "status"])
        let daysInTerm = term == .t2 ? 78 : term == .t1 ? 70 : 52
        var counts = WrittenSchoolRoster.Counts()
        try forEachResident { child in
            let grade = year.expectedGrade(forBirthDate: child.birthDate)
            guard (1...9).contains(grade) else { return }
            counts.children += 1
            var rng = SplitMix64(seed: SplitMix64.finalize(seed ^ UInt64(year.startYear) ^ SplitMix64.finalize(UInt64(child.personID.rawValue) ?? 0)))
            let draw = rng.unit()
            guard draw >= 0.06 else {
                counts.unlisted += 1
                return
            }
            let type: SchoolType, status: String
            switch draw {
            case ..<0.11: (type, status) = (.foreignSchool, "ENROLLED"); counts.foreign += 1
            case ..<0.12: (type, status) = (.internationalSchool, "ENROLLED"); counts.foreign += 1
            case ..<0.14: (type, status) = (grade <= 6 ? .publicElementary : .publicJuniorHigh, "WITHDRAWN"); counts.withdrawn += 1
            default: (type, status) = (grade <= 6 ? .publicElementary : .publicJuniorHigh, "ENROLLED"); counts.enrolled += 1
            }
            let school = 1 + rng.below(grade <= 6 ? 40 : 20)
            let namePick = rng.unit()
            let latin = namePick < 0.8 ? child.nameLatin : ""
            let kana = namePick >= 0.5 ? child.name.partnerKana(.random(seed: rng.next())) : ""
            let absent = rng.chance(0.05) ? 15 + rng.below(20) : rng.below(4)
            if absent >= 15 { counts.longAbsent += 1 }
            try writer.write([
                String(format: "%@%03d", type == .publicJuniorHigh ? "J" : type.isCompulsoryEducation ? "E" : "F", school),
                "\(type.isCompulsoryEducation ? "Municipal" : "International") School \(school)", type.rawValue,
                "S" + child.personID.rawValue, latin, kana, child.birthDate.description, child.sex.rawValue,
                rng.chance(0.3) ? child.cardNumber?.rawValue ?? "" : "", String(grade), term.rawValue,
                String(daysInTerm), String(min(absent, daysInTerm)), rng.chance(0.4) ? "Y" : "N", status])
            if rng.chance(0.005) {
                counts.nonResidents += 1
                try writer.write([
                    "E001", "Municipal School 1", SchoolType.publicElementary.rawValue, "X" + child.personID.rawValue,
                    "TORRES VEGA LUCIA", "", child.birthDate.adding(days: 3).description, "2", "", String(grade),
                    term.rawValue, String(daysInTerm), "0", "Y", "ENROLLED"])
            }
        }
        _ = try writer.finish()
        return WrittenSchoolRoster(csvURL: url, rows: writer.rowCount, counts: counts)
    }
}

/// A school roster written for tests and benchmarks, with what it holds.
public struct WrittenSchoolRoster: Sendable {
    public struct Counts: Sendable, Equatable {
        /// Compulsory-age children of the city in that school year.
        public var children = 0
        public var enrolled = 0
        public var foreign = 0
        public var withdrawn = 0
        /// Not on the roster at all.
        public var unlisted = 0
        public var longAbsent = 0
        public var nonResidents = 0
    }

    public let csvURL: URL
    public let rows: Int
    public let counts: Counts
}
