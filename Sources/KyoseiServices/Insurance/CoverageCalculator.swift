import GRDB
import KyoseiDomain
import KyoseiStore

/// Works out, for every registered resident on a date, which obligations they are under and
/// which of those an active enrollment meets. One pass over the residents and one over the
/// active enrollments, so the gap list, the rule and the figures all agree and stay linear.
struct CoverageCalculator {
    let settings: Settings
    let date: LocalDate

    /// A person's standing on the date.
    struct Standing {
        let residentID: Int64
        let birthDate: LocalDate
        let nationality: Nationality
        let status: StatusOfResidence?
        let district: DistrictCode?
        /// Obligation → covered?
        let obligations: [CoverageObligation: Bool]
    }

    /// Obligations only count once a roster for them has been applied: before the city loads its
    /// NHI ledger, every resident would look uninsured, which says nothing about anyone.
    func evaluatedObligations(in db: Database) throws -> Set<CoverageObligation> {
        let schemes = Set(try String.fetchAll(db, sql: "SELECT DISTINCT scheme FROM insurance_member").compactMap(InsuranceScheme.init(rawValue:)))
        return Set(CoverageObligation.allCases.filter { obligation in
            obligation != .employment && !schemes.isDisjoint(with: obligation.schemes(age: 30, settings: settings).union(obligation.schemes(age: 80, settings: settings)))
        })
    }

    func forEachStanding(residents ids: Set<Int64>? = nil, in db: Database, _ body: (Standing) throws -> Void) throws {
        let evaluated = try evaluatedObligations(in: db)
        var active: [Int64: (schemes: Set<InsuranceScheme>, exempt: Bool)] = [:]
        let enrollments = try Row.fetchCursor(db, sql: """
            SELECT resident_id, scheme, agreement_exempt FROM enrollment
            WHERE resident_id IS NOT NULL AND enrolled_from <= ? AND (enrolled_until IS NULL OR enrolled_until >= ?)
            """, arguments: [date.description, date.description])
        while let row = try enrollments.next() {
            let id: Int64 = row["resident_id"]
            guard let scheme = InsuranceScheme(rawValue: row["scheme"]) else { continue }
            var entry = active[id] ?? ([], false)
            entry.schemes.insert(scheme)
            if scheme.branch == .pension, row["agreement_exempt"] as Bool { entry.exempt = true }
            active[id] = entry
        }
        let residents = try Row.fetchCursor(db, sql: """
            SELECT id, birth_date, nationality, status_of_residence, district_code, register_state FROM resident
            WHERE register_state = 'REGISTERED'
            """)
        while let row = try residents.next() {
            let id: Int64 = row["id"]
            if let ids, !ids.contains(id) { continue }
            guard let birth = try? LocalDate(row["birth_date"] as String), let nationality = try? Nationality(row["nationality"] as String)
            else { continue }
            let age = birth.age(on: date)
            let held = active[id] ?? ([], false)
            var obligations: [CoverageObligation: Bool] = [:]
            for obligation in evaluated
            where CoverageObligation.applies(obligation, birthDate: birth, state: .registered, on: date, weeklyHours: nil, settings: settings) {
                if obligation == .pension && held.exempt { continue }
                obligations[obligation] = !held.schemes.isDisjoint(with: obligation.schemes(age: age, settings: settings))
            }
            try body(Standing(
                residentID: id, birthDate: birth, nationality: nationality,
                status: (row["status_of_residence"] as String?).flatMap(StatusOfResidence.init(rawValue:)),
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) }, obligations: obligations))
        }
    }
}
