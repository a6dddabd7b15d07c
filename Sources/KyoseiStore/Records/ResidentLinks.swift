import GRDB
import KyoseiDomain

/// The rows of other sources that point at a resident: roster members and their enrollments,
/// students and their term rows, employment notifications and their episodes.
public enum ResidentLinks {
    /// Every row pointing at `walkIn` points at `resident` instead: staff found the walk-in is
    /// the register's person.
    public static func move(from walkIn: Int64, to resident: Int64, in db: Database) throws {
        let tables: [any TableRecord.Type] = [InsuranceMemberRecord.self, EnrollmentRecord.self, SchoolStudentRecord.self,
                                              SchoolTermRowRecord.self, EmploymentNotificationRecord.self,
                                              EmploymentEpisodeRecord.self]
        for table in tables { try repoint(table, from: walkIn, to: resident, in: db) }
    }

    private static func repoint<T: TableRecord>(_ table: T.Type, from walkIn: Int64, to resident: Int64, in db: Database) throws {
        let column = Column("resident_id")
        try table.filter(column == walkIn).updateAll(db, column.set(to: resident))
    }

    /// The resident's links, in words, for a reviewer weighing them as a candidate: roster
    /// members and students with their outcome, employers by card, and open reviews other than
    /// `review` that name them.
    public static func described(of resident: Int64, besides review: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT scheme || ' member ' || member_number || ' of ' || source || ' (' || match_outcome || ')'
              FROM insurance_member WHERE resident_id = ?1
            UNION ALL
            SELECT 'school ' || school_code || ' student ' || student_number || ' (' || match_outcome || ')'
              FROM school_student WHERE resident_id = ?1
            UNION ALL
            SELECT DISTINCT 'employment at ' || employer_id || ' (card ' || residence_card_number || ')'
              FROM employment_notification WHERE resident_id = ?1
            UNION ALL
            SELECT 'open review R' || id FROM identity_review
              WHERE state = ?4 AND id <> ?2 AND (resident_id = ?1 OR candidate_ids || ',' LIKE ?3)
            """, arguments: [resident, review, "%K\(resident),%", ReviewState.open])
    }
}
