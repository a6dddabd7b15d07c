import GRDB
import KyoseiDomain
import KyoseiStore

/// Gathers, in a few set queries, what the MEXT classification needs about every compulsory-age
/// child as of a date, and classifies each with `SchoolStanding`. The population is the register
/// (registered or abroad) plus children who moved out during the school year, who count as
/// departed; the register's head-count leaves those out.
struct SchoolingCensus {
    let asOf: LocalDate
    let year: SchoolYear
    /// The latest term of the school year `asOf` falls in that has begun (August belongs to T1).
    let lastTerm: SchoolTerm

    init(asOf: LocalDate) {
        self.asOf = asOf
        year = SchoolYear(containing: asOf)
        lastTerm = SchoolYear.term(of: asOf).flatMap { SchoolTerm(rawValue: $0.rawValue) } ?? .t1
    }

    func children(in db: Database, residentID: Int64? = nil) throws -> [ChildSchooling] {
        let oldest = try LocalDate(year: year.startYear - 15, month: 4, day: 2)
        let youngest = try LocalDate(year: year.startYear - 6, month: 4, day: 1)
        let people = try SchoolAgeResident.fetchAll(bornFrom: oldest, to: youngest, resident: residentID, in: db)
        var termRows: [Int64: [SchoolTermRowRecord]] = [:]
        if let latest = try SchoolTermRowRecord.latestTerm(reportedBy: year.startYear, lastTerm, in: db) {
            for row in try SchoolTermRowRecord.linked(in: latest.year, latest.term, resident: residentID).fetchAll(db) {
                termRows[row.residentID!, default: []].append(row)
            }
        }
        let absences = try SchoolTermRowRecord.daysAbsent(in: year.startYear, upTo: lastTerm, in: db)
        var confirmations: [Int64: HomeVisitOutcome] = [:]
        for confirmation in try SchoolConfirmationRecord.standing(asOf: asOf, in: db) {
            confirmations[confirmation.residentID] = confirmation.outcome
        }
        return people.compactMap { person in
            let birth = person.birthDate
            guard year.isCompulsoryAge(birthDate: birth) else { return nil }
            let id = person.id
            let state = person.registerState
            let movedOut = person.movedOutAt.map { String($0.prefix(10)) }
            if state == .movedOut, !(movedOut.map { $0 >= year.firstDay.description } ?? false) { return nil }
            let rows = termRows[id] ?? []
            let standing = SchoolStanding(
                departed: state != .registered,
                latestTermRows: rows.map { .init(schoolType: $0.schoolType, enrolled: $0.status == .enrolled) },
                confirmation: confirmations[id])
            let shown = rows.first { $0.status == .enrolled } ?? rows.last
            let days = absences[id] ?? 0
            return ChildSchooling(
                residentID: id, personID: person.personID?.rawValue ?? "K\(id)", nationality: person.nationality.rawValue,
                district: person.districtCode, registerState: state, expectedGrade: year.expectedGrade(forBirthDate: birth),
                grade: shown?.grade, schoolType: shown?.schoolType, mextClass: standing.mextClass, daysAbsentYear: days,
                longTermAbsence: days >= ChildSchooling.longTermAbsenceDays, confirmation: confirmations[id])
        }
    }
}
