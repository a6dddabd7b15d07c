import GRDB
import KyoseiDomain
import KyoseiStore

/// Enrolling, withdrawing and transferring people. Each call is one audited IMMEDIATE write
/// transaction (`ServiceContext.perform`), so a seat count, the seat taken and a promotion from
/// the waitlist are never seen half done, by another clerk or another process.
public struct SeatService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    private func writes(_ staff: StaffMember) -> SeatWrites {
        SeatWrites(settings: context.settings, login: staff.login, timestamp: context.clock.timestamp(), today: context.clock.today)
    }

    public func enroll(_ ref: ResidentRef, in courseID: Int64, by staff: StaffMember) throws -> SeatOutcome {
        try context.perform(.courseEnroll, by: staff, action: .courseEnroll, entity: .courseSeat) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let outcome = try writes(staff).enroll(resident, in: try Course.fetch(courseID, in: db), db: db)
            audit.residentIDs = [resident.id!]
            audit.detail = "course=\(courseID) \(outcome.outcome.rawValue)" + (outcome.position.map { " position=\($0)" } ?? "")
            return outcome
        }
    }

    /// Takes the person off the course; returns whom the freed seat went to, by person key.
    public func withdraw(_ ref: ResidentRef, from courseID: Int64, by staff: StaffMember) throws -> String? {
        try context.perform(.courseEnroll, by: staff, action: .courseWithdraw, entity: .courseSeat) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let promoted = try writes(staff).leave(resident, course: try Course.fetch(courseID, in: db), state: .withdrawn, db: db)
            audit.residentIDs = [resident.id!] + (promoted.map { [$0.id!] } ?? [])
            audit.detail = "course=\(courseID)" + (promoted.map { " promoted=\($0.reference)" } ?? "")
            return promoted.map { PersonKey.of(personID: $0.personID?.rawValue, id: $0.id!) }
        }
    }

    /// Moves a seat (or a waitlist place) from one course to another that has a free seat; a
    /// full target is refused rather than trading a seat for a place in a queue.
    public func transfer(_ ref: ResidentRef, from source: Int64, to target: Int64, by staff: StaffMember) throws -> String? {
        guard source != target else { throw ServiceError.usage("A transfer needs two different courses.") }
        return try context.perform(.courseEnroll, by: staff, action: .courseTransfer, entity: .courseSeat) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let to = try Course.fetch(target, in: db)
            guard to.enrolled < to.capacity else {
                throw ServiceError.usage("Course \(target) is full (\(to.capacity) seats); enroll the person there to wait for a seat instead.")
            }
            let seatWrites = writes(staff)
            let promoted = try seatWrites.leave(resident, course: try Course.fetch(source, in: db), state: .transferred, db: db)
            _ = try seatWrites.enroll(resident, in: to, db: db)
            audit.residentIDs = [resident.id!] + (promoted.map { [$0.id!] } ?? [])
            audit.detail = "course=\(source)->\(target)" + (promoted.map { " promoted=\($0.reference)" } ?? "")
            return promoted.map { PersonKey.of(personID: $0.personID?.rawValue, id: $0.id!) }
        }
    }
}
