import KyoseiDomain
import KyoseiStore

/// One person's standing in one course: their seat, sessions attended against those scheduled,
/// whether that completes the course, and their latest placement and exit levels in it.
public struct CourseResult: Sendable, Equatable, Codable {
    public var courseID: Int64
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var person: String
    public var state: String
    public var requestedOn: LocalDate
    public var seatedOn: LocalDate?
    public var leftOn: LocalDate?
    public var attended: Int
    public var sessions: Int
    public var completed: Bool
    public var placement: LanguageLevel?
    public var exit: LanguageLevel?

    enum CodingKeys: String, CodingKey {
        case kind, level, title, person, state, attended, sessions, completed, placement, exit
        case courseID = "course_id"
        case startsOn = "starts"
        case endsOn = "ends"
        case requestedOn = "requested_on"
        case seatedOn = "seated_on"
        case leftOn = "left_on"
    }
}

extension CourseResult {
    init(_ seat: SeatStanding, completion: CourseCompletion) {
        self.init(
            courseID: seat.courseID, kind: seat.kind, level: seat.level, title: seat.title, startsOn: seat.startsOn,
            endsOn: seat.endsOn, person: seat.person, state: seat.state.rawValue, requestedOn: seat.requestedOn,
            seatedOn: seat.seatedOn, leftOn: seat.leftOn, attended: seat.attended, sessions: seat.sessions,
            completed: completion.isComplete(attended: seat.attended, sessions: seat.sessions), placement: seat.placement,
            exit: seat.exitLevel)
    }
}
