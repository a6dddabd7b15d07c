import GRDB
import KyoseiDomain
import KyoseiStore

/// The only code that gives, takes and moves seats. It runs inside the caller's write
/// transaction, which `ServiceContext.perform` opens IMMEDIATE: the count of seats taken and the
/// insert are one step for the database, so of two clerks taking the last seat at once exactly
/// one gets it and the other is put on the waitlist.
struct SeatWrites {
    let settings: Settings
    let login: String
    let timestamp: String
    let today: LocalDate

    /// Seats the person if a seat is free, else puts them on the waitlist in their priority group.
    /// A course whose term is over has nothing left to offer, so it takes nobody, seat or waitlist.
    func enroll(_ resident: ResidentRecord, in course: Course, db: Database) throws -> SeatOutcome {
        guard course.endsOn >= today else {
            throw ServiceError.usage("Course \(course.id) ended on \(course.endsOn); nobody can be enrolled in or transferred into a course whose term is over.")
        }
        let residentID = resident.id!
        if let active = try CourseSeatRecord.all().filter(course: course.id).filter(resident: residentID).active().fetchOne(db) {
            let standing = active.state == .enrolled ? "holds a seat in" : "is already on the waitlist of"
            throw ServiceError.usage("\(resident.reference) \(standing) course \(course.id).")
        }
        let taken = try CourseSeatRecord.all().filter(course: course.id).filter(state: .enrolled).fetchCount(db)
        let group = settings.languageWaitlistPriority.firstIndex {
            $0.contains(birthDate: resident.birthDate, residentSince: resident.residentSince, on: today,
                        newcomerWindowDays: settings.languageNewcomerWindowDays)
        }
        let seated = taken < course.capacity
        var seat = CourseSeatRecord(
            courseID: course.id, residentID: residentID, state: seated ? .enrolled : .waitlisted,
            priorityGroup: group.map { settings.languageWaitlistPriority[$0].rawValue },
            priorityRank: group ?? settings.languageWaitlistPriority.count, requestedOn: today, seatedOn: seated ? today : nil,
            requestedBy: login)
        try seat.insert(db)
        try history(residentID, seat: seat.id!, course: course, from: nil, to: seat.state, source: ChangeSource(.staffEdit), db: db)
        guard !seated else {
            try settleReferrals(of: resident, seatedIn: course, db: db)
            return SeatOutcome(outcome: .enrolled, position: nil)
        }
        return SeatOutcome(outcome: .waitlisted, position: try seat.waitlistPosition(in: db))
    }

    /// Takes the person off the course (`state`: withdrawn or transferred). A seat given up goes
    /// at once to the first on the waitlist, who is told on a case; returns that person. A seat in
    /// a course whose term is over goes to nobody: there is nothing left to attend.
    func leave(_ resident: ResidentRecord, course: Course, state: CourseSeatRecord.State, db: Database) throws -> ResidentRecord? {
        guard var seat = try CourseSeatRecord.all().filter(course: course.id).filter(resident: resident.id!).active().fetchOne(db) else {
            throw ServiceError.notFound("\(resident.reference) neither holds a seat in course \(course.id) nor waits for one.")
        }
        let was = seat.state
        seat.state = state
        seat.leftOn = today
        try seat.update(db)
        try history(resident.id!, seat: seat.id!, course: course, from: was, to: state, source: ChangeSource(.staffEdit), db: db)
        guard was == .enrolled, course.endsOn >= today else { return nil }
        guard var next = try CourseSeatRecord.all().filter(course: course.id).inWaitlistOrder().fetchOne(db) else { return nil }
        next.state = .enrolled
        next.seatedOn = today
        next.fromWaitlist = true
        try next.update(db)
        try history(next.residentID, seat: next.id!, course: course, from: .waitlisted, to: .enrolled,
                    source: ChangeSource(.system, reason: "first on the waitlist when \(resident.reference)'s seat came free"), db: db)
        let promoted = try ResidentWrites.fetch(.kyosei(next.residentID), in: db)
        try tellOfSeat(promoted, course: course, db: db)
        try settleReferrals(of: promoted, seatedIn: course, db: db)
        return promoted
    }

    /// A seat taken, waited for, given up or moved is part of the person's story: what course
    /// they were in on a given day.
    private func history(_ residentID: Int64, seat: Int64, course: Course, from old: CourseSeatRecord.State?,
                         to new: CourseSeatRecord.State, source: ChangeSource, db: Database) throws {
        try HistoryWriter.record(
            residentID: residentID, entity: .courseSeat, entityID: String(seat),
            changes: [("course \(course.id)", old?.rawValue, new.rawValue)], by: login, at: timestamp, source: source, in: db)
    }

    /// A seat offered from the waitlist is work for staff: someone has to tell the person.
    private func tellOfSeat(_ resident: ResidentRecord, course: Course, db: Database) throws {
        let what = "course \(course.id) (\(course.title), \(course.kind.rawValue) \(course.level.rawValue), from \(course.startsOn))"
        var record = CaseRecord(
            caseType: .languageReferral, residentID: resident.id!, priority: .normal,
            team: settings.team(forDistrict: resident.districtCode), dueDate: [today.adding(days: 7), course.startsOn].min(),
            title: "Seat from the waitlist in course \(course.id): tell the person",
            cause: "A seat in \(what) came free and went to this person, first on its waitlist.",
            openedAt: "", openedBy: "", updatedAt: "")
        try CaseWrites.open(&record, links: [(entity: .course, id: String(course.id))], note: nil, by: login, at: timestamp, in: db)
    }

    /// A seat ends the referrals it answers: resolved, with the course named, in the same transaction.
    private func settleReferrals(of resident: ResidentRecord, seatedIn course: Course, db: Database) throws {
        let open = try CaseRecord.all().filter(resident: resident.id!).filter(rule: LanguageReferralRule.ruleName).active().fetchAll(db)
        for record in open {
            guard let cause = record.dedupKey.flatMap(LanguageReferralRule.Cause.init(dedupKey:)),
                  cause.isAnswered(by: course.kind) else { continue }
            _ = try CaseWrites.move(record, to: .resolved, outcome: .settled,
                                    note: "Enrolled in course \(course.id) (\(course.kind.rawValue) \(course.level.rawValue)).",
                                    by: login, at: timestamp, in: db)
        }
    }
}
