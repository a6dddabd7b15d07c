import GRDB
import KyoseiDomain

/// A person's place in a course: a seat, a place on the waitlist, or one given up. At most one
/// active (enrolled or waiting) per person and course, which the schema enforces.
public struct CourseSeatRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "course_seat"

    public enum State: String, Codable, Sendable, CaseIterable {
        case enrolled = "ENROLLED"
        case waitlisted = "WAITLISTED"
        case withdrawn = "WITHDRAWN"
        case transferred = "TRANSFERRED"

        /// Holding a seat or waiting for one.
        public static let active: [State] = [.enrolled, .waitlisted]
    }

    public var id: Int64?
    public var courseID: Int64
    public var residentID: Int64
    public var state: State
    /// The waitlist group the person was in when they asked, and its rank (people in no group
    /// come after every group).
    public var priorityGroup: String?
    public var priorityRank: Int
    public var requestedOn: LocalDate
    public var seatedOn: LocalDate?
    public var leftOn: LocalDate?
    public var requestedBy: String
    /// Seated when a seat came free rather than when they asked: the wait counts for the report.
    public var fromWaitlist: Bool

    public init(id: Int64? = nil, courseID: Int64, residentID: Int64, state: State, priorityGroup: String?, priorityRank: Int,
                requestedOn: LocalDate, seatedOn: LocalDate?, leftOn: LocalDate? = nil, requestedBy: String, fromWaitlist: Bool = false) {
        self.id = id
        self.courseID = courseID
        self.residentID = residentID
        self.state = state
        self.priorityGroup = priorityGroup
        self.priorityRank = priorityRank
        self.requestedOn = requestedOn
        self.seatedOn = seatedOn
        self.leftOn = leftOn
        self.requestedBy = requestedBy
        self.fromWaitlist = fromWaitlist
    }

    enum CodingKeys: String, CodingKey {
        case id, state
        case courseID = "course_id"
        case residentID = "resident_id"
        case priorityGroup = "priority_group"
        case priorityRank = "priority_rank"
        case requestedOn = "requested_on"
        case seatedOn = "seated_on"
        case leftOn = "left_on"
        case requestedBy = "requested_by"
        case fromWaitlist = "from_waitlist"
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let courseID = Column(CodingKeys.courseID)
        static let residentID = Column(CodingKeys.residentID)
        static let state = Column(CodingKeys.state)
        static let priorityRank = Column(CodingKeys.priorityRank)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Places on the waitlist ahead of this one, this one included (1 for the first).
    public func waitlistPosition(in db: Database) throws -> Int {
        typealias C = Columns
        return try Self.all().filter(course: courseID).filter(C.state == State.waitlisted.rawValue)
            .filter(C.priorityRank < priorityRank || (C.priorityRank == priorityRank && C.id <= id)).fetchCount(db)
    }
}

extension CourseSeatRecord {
    /// A person a course ever gave a seat, by every name a mark may use for them.
    public struct Holder: Decodable, FetchableRecord, Sendable, Equatable {
        public var id: Int64
        public var personID: String?
        public var residenceCardNumber: String?

        enum CodingKeys: String, CodingKey {
            case id
            case personID = "person_id"
            case residenceCardNumber = "residence_card_number"
        }
    }

    /// How the course commands name a person (the services' `PersonKey`), in SQL over a
    /// `resident` aliased `r`: the register's person id, else `K<id>`.
    static let personKey = "coalesce(r.person_id, 'K' || r.id)"

    /// A person holding a seat in a course or waiting for one.
    public struct Occupant: Decodable, FetchableRecord, Sendable, Equatable {
        public var state: State
        public var residentID: Int64
        /// The person's register id, or `K<id>` for a walk-in.
        public var person: String

        enum CodingKeys: String, CodingKey {
            case state, person
            case residentID = "id"
        }
    }

    /// Who holds a seat in course `id` (in order of seating) and who waits (in the order seats
    /// are offered).
    public static func occupants(ofCourse id: Int64, in db: Database) throws -> [Occupant] {
        try Occupant.fetchAll(db, sql: """
            SELECT s.state, r.id, \(personKey) AS person FROM course_seat s JOIN resident r ON r.id = s.resident_id
            WHERE s.course_id = ? AND s.state IN (?, ?)
            ORDER BY s.state, CASE s.state WHEN ? THEN s.seated_on END, s.priority_rank, s.id
            """, arguments: [id, State.enrolled.rawValue, State.waitlisted.rawValue, State.enrolled.rawValue])
    }

    /// Everyone course `id` gave a seat, now or before (a seat given up still had its sessions).
    public static func holders(ofCourse id: Int64, in db: Database) throws -> [Holder] {
        try Holder.fetchAll(db, sql: """
            SELECT DISTINCT r.id, r.person_id, r.residence_card_number FROM course_seat s JOIN resident r ON r.id = s.resident_id
            WHERE s.course_id = ? AND s.seated_on IS NOT NULL
            """, arguments: [id])
    }
}

extension DerivableRequest<CourseSeatRecord> {
    public func filter(course id: Int64) -> Self { filter(CourseSeatRecord.Columns.courseID == id) }
    public func filter(resident id: Int64) -> Self { filter(CourseSeatRecord.Columns.residentID == id) }
    public func filter(state: CourseSeatRecord.State) -> Self { filter(CourseSeatRecord.Columns.state == state.rawValue) }
    /// Holding a seat or waiting for one.
    public func active() -> Self { filter(CourseSeatRecord.State.active.map(\.rawValue).contains(CourseSeatRecord.Columns.state)) }
    /// The waitlist in the order seats are offered: priority group first, then order of request.
    public func inWaitlistOrder() -> Self {
        filter(state: .waitlisted).order(CourseSeatRecord.Columns.priorityRank, CourseSeatRecord.Columns.id)
    }
}
