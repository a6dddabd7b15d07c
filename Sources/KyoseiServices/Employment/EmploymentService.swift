import GRDB
import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// Reading what the notifications say: one person's employment, the findings to act on, the
/// employers (the city's outreach list), and the aggregate figures for the report.
public struct EmploymentService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// A person's notifications with their findings, and their employment episodes.
    public func show(_ ref: ResidentRef, by staff: StaffMember) throws -> PersonEmployment {
        try context.performRead(.residentRead, by: staff, action: .employmentShow, entity: .employmentNotification) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let notifications = try EmploymentNotificationRecord.all().filter(resident: resident.id!).inEventOrder().fetchAll(db)
            let episodes = try EmploymentEpisodeRecord.all().filter(resident: resident.id!).inOrder().fetchAll(db)
            let findings = try EmploymentFindingRecord.on(EmploymentNotificationRecord.all().filter(resident: resident.id!)).fetchAll(db)
            audit.residentIDs = [resident.id!]
            return PersonEmployment(
                resident: resident, notifications: notifications, episodes: episodes,
                findings: Dictionary(grouping: findings, by: \.notificationID))
        }
    }

    /// Findings of one kind (or all), on notifications whose event is on or after `since`.
    public func findings(kind: EmploymentFindingKind?, since: LocalDate?, by staff: StaffMember) throws -> [FindingListing] {
        try context.performRead(.residentRead, by: staff, action: .employmentFindings, entity: .employmentFinding, rows: { $0.count }) { db, audit in
            let listings = try EmploymentFindingRecord.listings(kind: kind, since: since, in: db).map {
                FindingListing(kind: $0.kind, reason: $0.reason, notification: $0.notification)
            }
            let residents = Set(listings.compactMap(\.notification.residentID))
            let persons = try Dictionary(uniqueKeysWithValues: ResidentRecord.fetchAll(db, keys: residents).map { ($0.id!, $0) })
            audit.residentIDs = residents.sorted()
            audit.detail = "kind=\(kind?.rawValue ?? "all") since=\(since?.description ?? "-") findings=\(listings.count)"
            return listings.map { listing in
                var l = listing
                l.personID = listing.notification.residentID.flatMap { persons[$0]?.personID?.rawValue }
                return l
            }
        }
    }

    /// Every employer with the counts the city's outreach works from, employer insurance as of
    /// `asOf` (today).
    public func employers(sort: EmployerSort, dispatchOnly: Bool, asOf: LocalDate? = nil, by staff: StaffMember) throws -> [EmployerSummary] {
        try context.performRead(.residentRead, by: staff, action: .employerList, entity: .employer) { db, audit in
            var list = try EmployerSummary.fetchAll(in: db)
            var missing: [String: Int] = [:]
            try CoverageCalculator(settings: context.settings, date: asOf ?? context.clock.today).forEachStanding(in: db) { standing in
                guard standing.obligations[.employer] == false else { return }
                for employer in Set(standing.employerInsurance.filter { $0.applicability.applies }.map(\.job.employerID)) {
                    missing[employer, default: 0] += 1
                }
            }
            for i in list.indices { list[i].employerInsuranceMissingWorkers = missing[list[i].employerID] ?? 0 }
            if dispatchOnly { list = list.filter { $0.dispatchedWorkers > 0 } }
            list.sort(by: sort.areInOrder)
            audit.detail = "employers=\(list.count) sort=\(sort.rawValue) dispatch=\(dispatchOnly)"
            return list
        }
    }

    /// One employer: its counts, its establishments, and its notifications with their findings.
    public func employer(_ id: String, by staff: StaffMember) throws -> EmployerDetail {
        try context.performRead(.residentRead, by: staff, action: .employerShow, entity: .employer) { db, audit in
            guard let summary = try EmployerSummary.fetchAll(in: db, employerID: id).first else {
                throw ServiceError.notFound("No employer \(id) has filed a notification in this database.")
            }
            let notifications = try EmploymentNotificationRecord.all().filter(employer: id).inEventOrder().fetchAll(db)
            let findings = try EmploymentFindingRecord.on(EmploymentNotificationRecord.all().filter(employer: id)).fetchAll(db)
            audit.residentIDs = Array(Set(notifications.compactMap(\.residentID))).sorted()
            audit.detail = "employer=\(id)"
            return EmployerDetail(
                summary: summary, establishments: Array(Set(notifications.map(\.establishmentName))).sorted(),
                notifications: notifications, findings: Dictionary(grouping: findings, by: \.notificationID))
        }
    }

    /// Counts per group of the notifications whose event falls in `period`; aggregates only.
    public func figures(period: ReportPeriod, by dimension: EmploymentDimension, staff: StaffMember) throws -> [String: EmploymentCounts] {
        try context.performRead(.aggregateReport, by: staff, action: .reportEmployment, entity: .employmentNotification) { db, audit in
            let groups = try Self.figures(in: db, from: period.first, to: period.last, by: dimension)
            audit.detail = "period=\(period) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }

    /// The counts by a cut over any days as suppression asks for them (nil if they cannot be read).
    static func counter(in db: Database) -> EarlierTables.Counter {
        { cut, first, last in
            (try? figures(in: db, from: first, to: last, by: EmploymentDimension(rawValue: cut)!))
                .map { EmploymentTable.counts(groupedBy: cut, groups: $0).groups }
        }
    }

    /// The same counts over any days, inside a transaction already open: suppression counts
    /// the days between published periods with them while it publishes the next table.
    static func figures(in db: Database, from first: LocalDate, to last: LocalDate, by dimension: EmploymentDimension) throws
        -> [String: EmploymentCounts] {
        let figures = try EmploymentNotificationRecord.figures(from: first, to: last, in: db)
        var groups: [String: EmploymentCounts] = [:]
        while let figure = try figures.next() {
            let label = switch dimension {
            case .nationality: figure.nationality
            case .status: figure.statusOfResidence
            case .employerSize: EmploymentDimension.sizeBand(workers: figure.workers)
            }
            let hire = figure.reportType == EmploymentNotificationRecord.hireReport
            let insured = figure.employmentInsurance, dispatched = figure.dispatched, late = figure.late
            groups[label, default: EmploymentCounts()] = groups[label, default: EmploymentCounts()] + EmploymentCounts(
                hires: hire ? 1 : 0, separations: hire ? 0 : 1, late: late ? 1 : 0,
                insuredHires: hire && insured ? 1 : 0, dispatchedHires: hire && dispatched ? 1 : 0)
        }
        return groups
    }
}
