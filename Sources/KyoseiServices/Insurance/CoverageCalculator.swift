import GRDB
import KyoseiDomain
import KyoseiStore

/// Works out, for every registered resident on a date, which obligations they are under and
/// which of those an active enrollment meets. One pass over the residents and one over the
/// active enrollments, so the gap list, the rule and the figures all agree and stay linear.
/// The law's rules decide (`CoverageObligation`, `NHIExclusion`, `AgreementExemption`,
/// `EmploymentInsuranceApplicability`); this type only gathers their facts.
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
        /// Why an obligation the person's age would put them under does not hold (an NHI
        /// exclusion, a certificate of coverage).
        let exemptions: [CoverageObligation: String]
        /// The jobs that put the person in the employer insurances, or may once a fact is
        /// known, with the rule's reason: the employer an `EMPLOYER_INSURANCE_MISSING` case is about.
        let employerInsurance: [(job: Job, applicability: Applicability)]
    }

    /// One job held on the date, as the notifications left it.
    struct Job {
        let employerID: String
        let weeklyHours: Double
        let insured: Bool
        let dispatched: Bool
        let employerInsuredHeadcount: Int?
        /// The employer's employees Kyosei sees in EPI: a floor under its headcount.
        let employerInsuredSeen: Int
        /// The term the hire notification gave, if any.
        let contract: ContractPeriod?
    }

    /// Obligations only count once a roster for them has been applied: before the city loads its
    /// NHI ledger, every resident would look uninsured, which says nothing about anyone.
    /// Employment is evaluated once employment reports have been applied: they are what says
    /// who works how many hours. Employer insurance also needs a roster that would show the
    /// person on NHI, EHI or EPI: without one, "in nothing" would mean only "not loaded yet".
    func evaluatedObligations(in db: Database) throws -> Set<CoverageObligation> {
        let schemes = Set(try CoverageRows.schemesOnFile(in: db).compactMap(InsuranceScheme.init(rawValue:)))
        var evaluated = Set(CoverageObligation.allCases.filter {
            $0 != .employment && $0 != .employer && !schemes.isDisjoint(with: $0.anySchemes)
        })
        if try CoverageRows.anyJobLinked(in: db) {
            evaluated.insert(.employment)
            if !schemes.isDisjoint(with: [.nhi, .ehi, .epi]) { evaluated.insert(.employer) }
        }
        return evaluated
    }

    /// Every job each resident holds on the date, by the notifications; the employers' insured
    /// staff seen on the rosters only when employer insurance is evaluated (`withInsuredSeen`).
    func jobs(withInsuredSeen: Bool, in db: Database) throws -> [Int64: [Job]] {
        var jobs: [Int64: [Job]] = [:]
        let seen = withInsuredSeen ? try insuredSeen(in: db) : [:]
        let rows = try CoverageRows.jobs(on: date, in: db)
        while let row = try rows.next() {
            // The intake checked the term against the hire; one that no longer fits is read as unknown.
            let contract: ContractPeriod? = (row["contract_end"] as LocalDate?).flatMap {
                try? ContractPeriod(start: row["employed_from"], end: $0, renewable: (row["contract_renewable"] as Int?) == 1)
            }
            jobs[row["resident_id"], default: []].append(Job(
                employerID: row["employer_id"], weeklyHours: row["weekly_hours"], insured: (row["employment_insurance"] as Int?) == 1,
                dispatched: (row["dispatched"] as Int?) == 1, employerInsuredHeadcount: row["insured_headcount"],
                employerInsuredSeen: seen[row["employer_id"]] ?? 0, contract: contract))
        }
        return jobs
    }

    /// Per employer, the residents whose one job on the date is there and whom an EPI roster
    /// shows enrolled: insured through that employer, so a floor under its insured headcount
    /// when staff have recorded none. Someone with a second job may be insured through the
    /// other employer and is left out.
    func insuredSeen(in db: Database) throws -> [String: Int] {
        var seen: [String: Int] = [:]
        let rows = try CoverageRows.insuredSeen(on: date, in: db)
        while let row = try rows.next() { seen[row["employer_id"]] = row["insured"] }
        return seen
    }

    func forEachStanding(residents ids: Set<Int64>? = nil, in db: Database, _ body: (Standing) throws -> Void) throws {
        let evaluated = try evaluatedObligations(in: db)
        let work = evaluated.contains(.employment) || evaluated.contains(.employer)
            ? try jobs(withInsuredSeen: evaluated.contains(.employer), in: db) : [:]
        let facts = try InsuranceFacts(in: db, agreements: settings.law.agreements)
        // The active enrollments walk beside the residents in resident order, so only one
        // person's enrollments are held at a time, whatever the size of the city.
        let enrollments = try CoverageRows.enrollments(on: date, in: db)
        var enrollment = try enrollments.next()
        let residents = try CoverageRows.registered(in: db)
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
            let status = (row["status_of_residence"] as String?).flatMap(StatusOfResidence.init(rawValue:))
            var obligations: [CoverageObligation: Bool] = [:]
            var exemptions: [CoverageObligation: String] = [:]
            let employerInsurance = evaluated.contains(.employer)
                ? (work[id] ?? []).map { ($0, employerApplicability($0, birthDate: birth, student: facts.student(id, status: status))) }
                    .filter { $0.1.outcome != .doesNotApply }
                : []
            for obligation in evaluated
            where CoverageObligation.appliesByAge(obligation, birthDate: birth, state: .registered, on: date) {
                if obligation == .pension && held.exempt {
                    exemptions[obligation] = "A roster marks the pension enrollment exempt under a social-security agreement."
                    continue
                }
                // The employer insurances are exempt only when the agreement lifts both branches.
                let lifted = obligation.branches.compactMap { facts.agreementExemption(id, $0, on: date) }
                if lifted.count == obligation.branches.count, let exemption = lifted.first {
                    exemptions[obligation] = exemption.reason
                    continue
                }
                if obligation == .health, let exclusion = NHIExclusion.applying(
                    status: status, designation: facts.designation(id), publicAssistance: facts.publicAssistance(id), on: date),
                    held.schemes.isDisjoint(with: [.ehi, .lateElderly]) {
                    exemptions[obligation] = exclusion.reason
                    continue
                }
                let enrolled = !held.schemes.isDisjoint(with: obligation.schemes(birthDate: birth, on: date))
                if obligation == .employer {
                    if employerInsurance.contains(where: { $0.1.applies }) { obligations[obligation] = enrolled }
                    continue
                }
                guard obligation == .employment else {
                    obligations[obligation] = enrolled
                    continue
                }
                // Employment insurance is per job: each is judged on its own hours, and the
                // person is under the obligation if any job employment insurance covers.
                let covered = (work[id] ?? []).filter { job in
                    EmploymentInsuranceApplicability.evaluate(
                        weeklyHours: job.weeklyHours, on: date, contract: job.contract, student: facts.student(id, status: status),
                        designation: facts.designation(id), law: settings.law).applies
                }
                if covered.isEmpty { continue }
                obligations[obligation] = enrolled || covered.contains { $0.insured }
            }
            try body(Standing(
                residentID: id, birthDate: birth, nationality: nationality, status: status,
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) }, obligations: obligations,
                exemptions: exemptions, employerInsurance: employerInsurance))
        }
    }

    /// Whether one job puts its worker in EHI or EPI (either applying is enough; undetermined
    /// when the employer's insured headcount decides and is not known).
    func employerApplicability(_ job: Job, birthDate: LocalDate, student: StudentStanding) -> Applicability {
        let facts = EmployeeInsuranceFacts(
            birthDate: birthDate, weeklyHours: job.weeklyHours, employerInsuredHeadcount: job.employerInsuredHeadcount,
            employerInsuredSeen: job.employerInsuredSeen, contract: job.contract, student: student, dispatched: job.dispatched)
        let pension = EmployerInsuranceApplicability.evaluate(
            .epi, facts, on: date, law: settings.law)
        let health = EmployerInsuranceApplicability.evaluate(
            .ehi, facts, on: date, law: settings.law)
        return [pension, health].first { $0.applies } ?? [pension, health].first { $0.outcome == .undetermined } ?? pension
    }
}

extension CoverageObligation {
    /// The branches of an agreement that must lift the obligation for a certificate to exempt.
    var branches: [InsuranceScheme.Branch] {
        switch self {
        case .health: [.health]
        case .pension: [.pension]
        case .employment: [.employment]
        case .employer: [.health, .pension]
        }
    }
}
