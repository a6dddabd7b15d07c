import GRDB
import KyoseiDomain
import KyoseiStore

/// What a `review link` changes in each source, so the next file keeps the decision: a roster
/// member or student carries the resident from then on (their number is stable), a notification
/// and its episodes point at the resident and the next notification with the same card, birth
/// date and sex follows the decision (`CardHolder`), and a register row's resident takes over
/// the roster links the walk-in had gathered.
enum ReviewLinks {
    /// Points a review's subject (`raisedOn`: the resident it was raised on) at `resident`;
    /// returns what changed, for the audit entry.
    static func link(_ source: ReviewSource, subject: String, raisedOn: Int64, to resident: Int64, stamp: HistoryStamp,
                     in db: Database) throws -> String {
        switch source {
        case .insurance:
            try linkRosterPerson(.insuranceMember, subject, label: "insurance member", rows: ("enrollment", "member_id"),
                                 to: resident, stamp: stamp, in: db)
            return "member=\(subject)"
        case .school:
            try linkRosterPerson(.schoolStudent, subject, label: "school student", rows: ("school_term_row", "student_id"),
                                 to: resident, stamp: stamp, in: db)
            return "student=\(subject)"
        case .employment:
            try stamp.relink(.employmentNotification, subject, label: "employment notification \(subject)", to: resident, in: db)
            try db.execute(sql: "UPDATE employment_notification SET link = 'LINKED', resident_id = ? WHERE id = ?",
                           arguments: [resident, subject])
            try db.execute(sql: """
                UPDATE employment_episode SET resident_id = ? WHERE hire_notification_id = ?2 OR separation_notification_id = ?2
                """, arguments: [resident, subject])
            return "notification=\(subject)"
        case .register:
            guard resident != raisedOn else {
                throw ServiceError.usage("K\(resident) is the register row's own resident; name the walk-in it is, or use `review reject`.")
            }
            for table in ["insurance_member", "enrollment", "school_student", "school_term_row", "employment_notification",
                          "employment_episode"] {
                try db.execute(sql: "UPDATE \(table) SET resident_id = ? WHERE resident_id = ?", arguments: [raisedOn, resident])
            }
            return "walk_in=K\(resident) register=K\(raisedOn)"
        case .attendance:
            throw ServiceError.usage("An attendance review links nothing.")
        }
    }

    /// A roster's person (a member, a student) confirmed as `resident`, with the rows it brought
    /// (enrollments, term rows), in the resident's history.
    private static func linkRosterPerson(_ entity: EntityKind, _ subject: String, label: String, rows: (table: String, key: String),
                                         to resident: Int64, stamp: HistoryStamp, in db: Database) throws {
        try stamp.relink(entity, subject, label: "\(label) \(subject)", to: resident, in: db)
        try db.execute(sql: "UPDATE \(entity.rawValue) SET resident_id = ?, match_outcome = 'CONFIRMED' WHERE id = ?",
                       arguments: [resident, subject])
        try db.execute(sql: "UPDATE \(rows.table) SET resident_id = ? WHERE \(rows.key) = ?", arguments: [resident, subject])
    }

    /// After a `review reject`: a roster's person stays unmatched, a notification stays unlinked.
    static func reject(_ source: ReviewSource, subject: String, stamp: HistoryStamp, in db: Database) throws {
        switch source {
        case .insurance:
            try stamp.relink(.insuranceMember, subject, label: "insurance member \(subject)", to: nil, in: db)
            try db.execute(sql: "UPDATE insurance_member SET resident_id = NULL, match_outcome = 'UNMATCHED' WHERE id = ?",
                           arguments: [subject])
        case .school:
            try stamp.relink(.schoolStudent, subject, label: "school student \(subject)", to: nil, in: db)
            try db.execute(sql: "UPDATE school_student SET resident_id = NULL, match_outcome = 'UNMATCHED' WHERE id = ?",
                           arguments: [subject])
        case .employment:
            try db.execute(sql: "UPDATE employment_notification SET link = 'UNLINKED' WHERE id = ?", arguments: [subject])
        case .register, .attendance:
            break
        }
    }
}
