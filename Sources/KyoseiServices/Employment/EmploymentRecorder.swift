import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Keeps one file's notifications: the employer, the notification linked to its resident (or
/// not), the episode it opens or closes, and what the checks find. One per file, inside the
/// import's transaction.
struct EmploymentRecorder {
    let fileID: Int64
    let fileName: String
    let checks: EmploymentChecks
    private let resolver = IdentityResolver.cardFirst
    private var reviews: IdentityReviewWriter
    /// Residents whose notifications were linked or questioned, for the audit entry.
    private(set) var touched = Set<Int64>()
    private var knownEmployers = Set<String>()

    init(fileID: Int64, fileName: String, checks: EmploymentChecks, reviews: IdentityReviewWriter) {
        self.fileID = fileID
        self.fileName = fileName
        self.checks = checks
        self.reviews = reviews
    }

    /// Records one notification; false when an earlier file already recorded it.
    mutating func record(_ row: EmploymentReportRow, line: Int, in db: Database, counts: inout NotificationCounts) throws -> Bool {
        let employer = row.employerID.description
        if try isAlreadyRecorded(row, in: db) {
            counts.duplicates += 1
            return false
        }
        try ensureEmployer(row, in: db)
        let resolution = try resolver.resolve(IncomingPerson(row), in: db)
        let holder = try resolution.residentID.map { try CardHolder.find(id: $0, in: db) } ?? nil
        let link: EmploymentNotificationRecord.Link = switch resolution.outcome {
        case .matched: .linked
        case .review: .review
        case .unmatched: .unlinked
        }
        var notification = EmploymentNotificationRecord(
            fileID: fileID, line: line, reportType: row.reportType.rawValue, reportDate: row.reportDate, employerID: employer,
            establishmentName: row.establishmentName, establishmentAddress: row.establishmentAddress,
            residenceCardNumber: row.cardNumber, nameLatin: row.nameLatin, birthDate: row.birthDate, sex: row.sex,
            nationality: row.nationality, statusOfResidence: row.status, stayExpiryDate: row.stayExpiry,
            otherActivityPermission: row.otherActivityPermission, eventDate: row.eventDate,
            employmentInsurance: row.employmentInsurance, weeklyHours: row.weeklyHours, dispatched: row.dispatched,
            occupation: row.occupation, link: link, residentID: link == .linked ? holder?.id : nil,
            contractEnd: row.contractEnd, contractRenewable: row.contractEnd == nil ? nil : row.contractRenewable)
        try notification.insert(db)
        let id = notification.id!
        switch link {
        case .linked: counts.linked += 1
        case .unlinked: counts.unlinked += 1
        case .review:
            counts.review += 1
            try openReview(for: notification, resolution, in: db)
        }
        if let resident = resolution.residentID ?? resolution.candidates.first { touched.insert(resident) }

        let fact = link == .linked ? try InsuranceFactRecord.fetchOne(db, key: holder!.id) : nil
        let notice = EmploymentNotice(
            isHire: row.reportType == .hire, reportDate: row.reportDate, eventDate: row.eventDate, status: row.status,
            otherActivityPermission: row.otherActivityPermission, weeklyHours: row.weeklyHours,
            employmentInsurance: row.employmentInsurance,
            stayExpiry: row.stayExpiry ?? (link == .linked ? holder?.stayExpiry : nil),
            student: fact?.studentStanding, designation: fact?.designation, contract: row.contract,
            otherJobs: try otherJobs(card: row.cardNumber, employer: employer, on: row.eventDate, in: db))
        var findings = checks.findings(for: notice)
        if let flag = try updateEpisodes(for: notification, in: db, counts: &counts) {
            findings.append(flag)
        }
        for finding in findings {
            var record = EmploymentFindingRecord(notificationID: id, kind: finding.kind, reason: finding.reason)
            try record.insert(db)
            counts.findings[finding.kind.rawValue, default: 0] += 1
        }
        return true
    }

    /// The jobs this card holds at other employers on `date`, for the 28-hour total.
    private func otherJobs(card: ResidenceCardNumber, employer: String, on date: LocalDate, in db: Database) throws -> [ConcurrentJob] {
        try EmploymentEpisodeRecord.held(byCard: card, elsewhereThan: employer, on: date, in: db).map {
            try ConcurrentJob(employer: $0.employerID, from: $0.employedFrom!, until: $0.employedUntil, weeklyHours: $0.weeklyHours!)
        }
    }

    private func isAlreadyRecorded(_ row: EmploymentReportRow, in db: Database) throws -> Bool {
        try EmploymentNotificationRecord.isRecorded(
            employer: row.employerID.description, card: row.cardNumber, reportType: row.reportType.rawValue, eventDate: row.eventDate, in: db)
    }

    private mutating func ensureEmployer(_ row: EmploymentReportRow, in db: Database) throws {
        let id = row.employerID.description
        guard knownEmployers.insert(id).inserted else { return }
        guard try EmployerRecord.fetchOne(db, key: id) == nil else { return }
        let kind: EmployerRecord.Kind = if case .corporate = row.employerID { .corporate } else { .labourInsurance }
        try EmployerRecord(employerID: id, kind: kind, name: row.establishmentName, firstFileID: fileID).insert(db)
    }

    /// The card is on file but the person reported is not its holder as Kyosei knows them: a
    /// human decides, and nothing is linked meanwhile.
    private mutating func openReview(for notification: EmploymentNotificationRecord, _ resolution: Resolution,
                                     in db: Database) throws {
        try reviews.raise(IdentityQuestion(
            residentID: resolution.candidates[0], candidates: resolution.candidates,
            reason: "An employment notification for card \(notification.residenceCardNumber) names \(notification.nameLatin), " + resolution.reason,
            sourceRef: "\(fileName) line \(notification.line)", subjectID: String(notification.id!),
            subjectKey: CardHolder.questionKey(notification.residenceCardNumber, notification.birthDate, notification.sex)), in: db)
    }

    /// A hire opens an episode; a separation closes the open one at that employer. A separation
    /// with no open hire, or a second hire while one is open, is kept and flagged.
    private func updateEpisodes(for n: EmploymentNotificationRecord, in db: Database,
                                counts: inout NotificationCounts) throws -> EmploymentFinding? {
        var open = try EmploymentEpisodeRecord.open(card: n.residenceCardNumber, employer: n.employerID, on: n.eventDate, in: db)
        var flag: EmploymentFinding?
        if n.isHire {
            if let open {
                flag = EmploymentFinding(
                    kind: .hireAlreadyOpen,
                    reason: "A hire on \(n.eventDate) while the hire of \(open.employedFrom!) at this employer has no separation.")
            }
            var episode = EmploymentEpisodeRecord(
                residenceCardNumber: n.residenceCardNumber, residentID: n.residentID, employerID: n.employerID,
                establishmentName: n.establishmentName, employedFrom: n.eventDate, employedUntil: nil, weeklyHours: n.weeklyHours,
                dispatched: n.dispatched, employmentInsurance: n.employmentInsurance, hireNotificationID: n.id,
                separationNotificationID: nil, flag: flag?.kind, contractEnd: n.contractEnd, contractRenewable: n.contractRenewable)
            try episode.insert(db)
            counts.episodesOpened += 1
        } else if open != nil {
            open!.employedUntil = n.eventDate
            open!.separationNotificationID = n.id
            try open!.update(db)
            counts.episodesClosed += 1
        } else {
            flag = EmploymentFinding(
                kind: .separationWithoutHire, reason: "A separation on \(n.eventDate) with no hire at this employer on record.")
            var episode = EmploymentEpisodeRecord(
                residenceCardNumber: n.residenceCardNumber, residentID: n.residentID, employerID: n.employerID,
                establishmentName: n.establishmentName, employedFrom: nil, employedUntil: n.eventDate, weeklyHours: n.weeklyHours,
                dispatched: n.dispatched, employmentInsurance: n.employmentInsurance, hireNotificationID: nil,
                separationNotificationID: n.id, flag: .separationWithoutHire)
            try episode.insert(db)
        }
        return flag
    }
}
