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
    /// Employment is evaluated once employment reports have been applied: they are what says
    /// who works how many hours.
    func evaluatedObligations(in db: Database) throws -> Set<CoverageObligation> {
        let schemes = Set(try String.fetchAll(db, sql: "SELECT DISTINCT scheme FROM insurance_member").compactMap(InsuranceScheme.init(rawValue:)))
        var evaluated = Set(CoverageObligation.allCases.filter { obligation in
            obligation != .employment && !schemes.isDisjoint(with: obligation.schemes(age: 30, settings: settings).union(obligation.schemes(age: 80, settings: settings)))
        })
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employment_episode WHERE resident_id IS NOT NULL)") ?? false {
            evaluated.insert(.employment)
        }
        return evaluated
    }

    /// Contracted weekly hours of each resident's jobs on the date (the longest one), and whether
    /// the employer reported them in employment insurance.
    private func jobs(in db: Database) throws -> [Int64: (hours: Double, insured: Bool)] {
        var jobs: [Int64: (hours: Double, insured: Bool)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT resident_id, weekly_hours, employment_insurance FROM employment_episode
            WHERE resident_id IS NOT NULL AND weekly_hours IS NOT NULL AND employed_from <= ?
              AND (employed_until IS NULL OR employed_until >= ?)
            """, arguments: [date.description, date.description])
        while let row = try rows.next() {
            let id: Int64 = row["resident_id"]
            let hours: Double = row["weekly_hours"]
            let insured = (row["employment_insurance"] as Int?) == 1
            if hours > jobs[id]?.hours ?? -1 { jobs[id] = (hours, insured || (jobs[id]?.insured ?? false)) }
        }
        return jobs
    }

    func forEachStanding(residents ids: Set<Int64>? = nil, in db: Database, _ body: (Standing) throws -> Void) throws {
        let evaluated = try evaluatedObligations(in: db)
        let work = evaluated.contains(.employment) ? try jobs(in: db) : [:]
        // The active enrollments walk beside the residents in resident order, so only one
        // person's enrollments are held at a time, whatever the size of the city.
        let enrollments = try Row.fetchCursor(db, sql: """
            SELECT resident_id, scheme, agreement_exempt FROM enrollment
            WHERE resident_id IS NOT NULL AND enrolled_from <= ? AND (enrolled_until IS NULL OR enrolled_until >= ?)
            ORDER BY resident_id
            """, arguments: [date.description, date.description])
        var enrollment = try enrollments.next()
        let residents = try Row.fetchCursor(db, sql: """
            SELECT id, birth_date, nationality, status_of_residence, district_code, register_state FROM resident
            WHERE register_state = 'REGISTERED' ORDER BY id
            """)
        while let row = try residents.next() {
            let id: Int64 = row["id"]
            var held: (schemes: Set<InsuranceScheme>, exempt: Bool) = ([], false)
            while let current = enrollment, (current["resident_id"] as Int64) <= id {
                if (current["resident_id"] as Int64) == id, let scheme = InsuranceScheme(rawValue: current["scheme"]) {
                    held.schemes.insert(scheme)
                    if scheme.branch == .pension, current["agreement_exempt"] as Bool { held.exempt = true }
                }
                enrollment = try enrollments.next()
            }
            if let ids, !ids.contains(id) { continue }
            guard let birth = try? LocalDate(row["birth_date"] as String), let nationality = try? Nationality(row["nationality"] as String)
            else { continue }
            let age = birth.age(on: date)
            var obligations: [CoverageObligation: Bool] = [:]
            let job = work[id]
            for obligation in evaluated
            where CoverageObligation.applies(obligation, birthDate: birth, state: .registered, on: date, weeklyHours: job?.hours, settings: settings) {
                if obligation == .pension && held.exempt { continue }
                let enrolled = !held.schemes.isDisjoint(with: obligation.schemes(age: age, settings: settings))
                obligations[obligation] = enrolled || (obligation == .employment && job?.insured == true)
            }
            try body(Standing(
                residentID: id, birthDate: birth, nationality: nationality,
                status: (row["status_of_residence"] as String?).flatMap(StatusOfResidence.init(rawValue:)),
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) }, obligations: obligations))
        }
    }
}
