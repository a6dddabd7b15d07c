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
