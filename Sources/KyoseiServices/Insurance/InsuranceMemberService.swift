import GRDB
import KyoseiDomain
import KyoseiStore

/// Staff decisions about insurance roster members.
public struct InsuranceMemberService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Links a roster member to a resident after a person checked it (an identity review), so
    /// this and every later roster counts their enrollments for that resident.
    public func confirm(member id: Int64, resident ref: ResidentRef, by staff: StaffMember) throws -> InsuranceMemberRecord {
        try context.perform(.residentWrite, by: staff, action: "insurance.confirm", entity: "insurance_member") { db, audit in
            guard var member = try InsuranceMemberRecord.fetchOne(db, key: id) else {
                throw ServiceError.notFound("No insurance member \(id).")
            }
            let resident = try ResidentWrites.fetch(ref, in: db)
            member.residentID = resident.id
            member.matchOutcome = "CONFIRMED"
            try member.update(db)
            try db.execute(sql: "UPDATE enrollment SET resident_id = ? WHERE member_id = ?", arguments: [resident.id!, id])
            try db.execute(sql: """
                UPDATE identity_review SET state = 'RESOLVED' WHERE subject_entity = 'insurance_member' AND subject_id = ?
                """, arguments: [String(id)])
            audit.residentIDs = [resident.id!]
            audit.detail = "member=\(id) \(member.scheme) \(member.memberNumber)"
            return member
        }
    }
}
