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
        if let state = try String.fetchOne(
            db, sql: "SELECT state FROM course_seat WHERE course_id = ? AND resident_id = ? AND state IN ('ENROLLED','WAITLISTED')",
            arguments: [course.id, residentID]) {
            let standing = state == "ENROLLED" ? "holds a seat in" : "is already on the waitlist of"
            throw ServiceError.usage("\(resident.reference) \(standing) course \(course.id).")
        }
        let taken = try Int.fetchOne(db, sql: "SELECT count(*) FROM course_seat WHERE course_id = ? AND state = 'ENROLLED'",
                                     arguments: [course.id]) ?? 0
        let group = settings.languageWaitlistPriority.firstIndex {
            $0.contains(birthDate: resident.birthDate, residentSince: resident.residentSince, on: today,
                        newcomerWindowDays: settings.languageNewcomerWindowDays)
        }
        let seated = taken < course.capacity
        let state = seated ? "ENROLLED" : "WAITLISTED"
        try db.execute(sql: """
            INSERT INTO course_seat(course_id, resident_id, state, priority_group, priority_rank, requested_on, seated_on, requested_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [course.id, residentID, state,
                             group.map { settings.languageWaitlistPriority[$0].rawValue },
                             group ?? settings.languageWaitlistPriority.count, today.description,
                             seated ? today.description : nil, login])
        let seat = db.lastInsertedRowID
        try history(residentID, seat: seat, course: course, from: nil, to: state, source: ChangeSource(.staffEdit), db: db)
        guard !seated else {
            try settleReferrals(of: resident, seatedIn: course, db: db)
            return SeatOutcome(outcome: .enrolled, position: nil)
        }
        let position = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM course_seat w, course_seat me
            WHERE me.id = ? AND w.course_id = me.course_id AND w.state = 'WAITLISTED'
              AND (w.priority_rank < me.priority_rank OR (w.priority_rank = me.priority_rank AND w.id <= me.id))
            """, arguments: [seat]) ?? 0
        return SeatOutcome(outcome: .waitlisted, position: position)
    }

    /// Takes the person off the course (`state`: WITHDRAWN or TRANSFERRED). A seat given up goes
    /// at once to the first on the waitlist, who is told on a case; returns that person. A seat in
    /// a course whose term is over goes to nobody: there is nothing left to attend.
    func leave(_ resident: ResidentRecord, course: Course, state: String, db: Database) throws -> ResidentRecord? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT id, state FROM course_seat WHERE course_id = ? AND resident_id = ? AND state IN ('ENROLLED','WAITLISTED')",
            arguments: [course.id, resident.id!]) else {
            throw ServiceError.notFound("\(resident.reference) neither holds a seat in course \(course.id) nor waits for one.")
        }
        try db.execute(sql: "UPDATE course_seat SET state = ?, left_on = ? WHERE id = ?",
                       arguments: [state, today.description, row["id"] as Int64])
        try history(resident.id!, seat: row["id"], course: course, from: row["state"], to: state, source: ChangeSource(.staffEdit), db: db)
        guard row["state"] as String == "ENROLLED", course.endsOn >= today else { return nil }
        guard let next = try Row.fetchOne(db, sql: """
            SELECT id, resident_id FROM course_seat WHERE course_id = ? AND state = 'WAITLISTED'
            ORDER BY priority_rank, id LIMIT 1
            """, arguments: [course.id]) else { return nil }
        try db.execute(sql: "UPDATE course_seat SET state = 'ENROLLED', seated_on = ?, from_waitlist = 1 WHERE id = ?",
                       arguments: [today.description, next["id"] as Int64])
        try history(next["resident_id"], seat: next["id"], course: course, from: "WAITLISTED", to: "ENROLLED",
                    source: ChangeSource(.system, reason: "first on the waitlist when \(resident.reference)'s seat came free"), db: db)
        let promoted = try ResidentWrites.fetch(.kyosei(next["resident_id"]), in: db)
        try tellOfSeat(promoted, course: course, db: db)
        try settleReferrals(of: promoted, seatedIn: course, db: db)
        return promoted
    }

    /// A seat taken, waited for, given up or moved is part of the person's story: what course
    /// they were in on a given day.
    private func history(_ residentID: Int64, seat: Int64, course: Course, from old: String?, to new: String,
                         source: ChangeSource, db: Database) throws {
        try HistoryWriter.record(
            residentID: residentID, entity: "course_seat", entityID: String(seat),
            changes: [("course \(course.id)", old, new)], by: login, at: timestamp, source: source, in: db)
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
        try CaseWrites.open(&record, links: [(entity: "course", id: String(course.id))], note: nil, by: login, at: timestamp, in: db)
    }

    /// A seat ends the referrals it answers: resolved, with the course named, in the same transaction.
    private func settleReferrals(of resident: ResidentRecord, seatedIn course: Course, db: Database) throws {
        let open = try CaseRecord.fetchAll(db, sql: """
            SELECT * FROM cases WHERE resident_id = ? AND rule = ? AND state IN ('OPEN','IN_PROGRESS','WAITING')
            """, arguments: [resident.id!, LanguageReferralRule.ruleName])
        for record in open {
            guard let cause = record.dedupKey.flatMap(LanguageReferralRule.Cause.init(dedupKey:)),
                  cause.isAnswered(by: course.kind) else { continue }
            _ = try CaseWrites.move(record, to: .resolved, outcome: .settled,
                                    note: "Enrolled in course \(course.id) (\(course.kind.rawValue) \(course.level.rawValue)).",
                                    by: login, at: timestamp, in: db)
        }
    }
}
