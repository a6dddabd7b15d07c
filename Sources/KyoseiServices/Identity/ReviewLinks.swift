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
            try stamp.relink(.insuranceMember, subject, label: "insurance member \(subject)", to: resident, in: db)
            try InsuranceMemberRecord.confirm(subject, as: resident, in: db)
            return "member=\(subject)"
        case .school:
            try stamp.relink(.schoolStudent, subject, label: "school student \(subject)", to: resident, in: db)
            try SchoolStudentRecord.confirm(subject, as: resident, in: db)
            return "student=\(subject)"
        case .employment:
            try stamp.relink(.employmentNotification, subject, label: "employment notification \(subject)", to: resident, in: db)
            try EmploymentNotificationRecord.link(subject, to: resident, in: db)
            return "notification=\(subject)"
        case .register:
            guard resident != raisedOn else {
                throw ServiceError.usage("K\(resident) is the register row's own resident; name the walk-in it is, or use `review reject`.")
            }
            try ResidentLinks.move(from: resident, to: raisedOn, in: db)
            return "walk_in=K\(resident) register=K\(raisedOn)"
        case .attendance:
            throw ServiceError.usage("An attendance review links nothing.")
        }
    }

    /// After a `review reject`: a roster's person stays unmatched, a notification stays unlinked.
    static func reject(_ source: ReviewSource, subject: String, stamp: HistoryStamp, in db: Database) throws {
        switch source {
        case .insurance:
            try stamp.relink(.insuranceMember, subject, label: "insurance member \(subject)", to: nil, in: db)
            try InsuranceMemberRecord.unlink(subject, in: db)
        case .school:
            try stamp.relink(.schoolStudent, subject, label: "school student \(subject)", to: nil, in: db)
            try SchoolStudentRecord.unlink(subject, in: db)
        case .employment:
            try EmploymentNotificationRecord.leaveUnlinked(subject, in: db)
        case .register, .attendance:
            break
        }
    }
}
