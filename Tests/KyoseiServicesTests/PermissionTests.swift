import Foundation
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import Testing

@Suite struct PermissionTests {
    /// Service calls of every kind: one resident, residents in bulk, staff, the audit log.
    static func operations(_ city: TestCity, _ subject: Int64) -> [(String, (StaffMember) throws -> Void)] {
        [
            ("show", { _ = try city.residents.show(.kyosei(subject), by: $0) }),
            ("find", { _ = try city.residents.find("silva", by: $0) }),
            ("list", { _ = try city.residents.list(ResidentFilter(), by: $0) }),
            ("coverage gaps", { _ = try CoverageService(context: city.context).gaps(by: $0) }),
            ("history", { _ = try city.residents.history(.kyosei(subject), by: $0) }),
            ("create", { _ = try city.residents.create(
                ResidentDraft(nameLatin: "TEST PERSON", birthDate: try LocalDate("2000-01-01"), sex: .notStated,
                              nationality: .stateless), by: $0, reason: nil) }),
            ("update", { m in
                var c = ResidentChanges()
                c.address = .some("address by \(m.login)")
                _ = try city.residents.update(.kyosei(subject), changes: c, by: m, reason: nil)
            }),
            ("staff list", { _ = try city.staff.list(by: $0) }),
            ("audit log", { _ = try city.audit.log(AuditFilter(), by: $0) }),
            ("audit verify", { _ = try city.audit.verify(by: $0) }),
            ("review list", { _ = try IdentityReviewDesk(context: city.context).list(source: nil, by: $0) }),
            ("review reject", { m in
                let review = try city.context.database.writer.write { db in
                    var review = IdentityReviewRecord(residentID: subject, candidateIDs: "K\(subject)", reason: "a namesake",
                                                      sourceRef: "test", createdAt: "2026-11-23T02:00:00Z", source: .register)
                    try review.insert(db)
                    return review.reviewID!
                }
                _ = try IdentityReviewDesk(context: city.context).reject(review, note: "not them", by: m)
            }),
        ]
    }

    /// What each role may do, written from the spec and the documented matrix rather than read
    /// from `PermissionMatrix`, so a change to the matrix has to change this table too: analysts
    /// get aggregates only, never a person (domain.md, architecture.md); exports of personal data
    /// need a role that allows it, the supervisor's (domain.md); the audit log is the
    /// supervisor's; staff are the administrator's alone; the nightly job reads and writes
    /// residents and nothing more of these; identity reviews are read by whoever reads residents
    /// and decided by caseworkers, supervisors and administrators (issue 17), never a clerk.
    static let expected: [Role: Set<String>] = {
        let oneByOne: Set<String> = ["show", "find", "history", "create", "update"]
        let export: Set<String> = ["list", "coverage gaps"]
        let audit: Set<String> = ["audit log", "audit verify"]
        let readReviews: Set<String> = ["review list"], decide: Set<String> = ["review list", "review reject"]
        return [
            .clerk: oneByOne.union(readReviews), .caseworker: oneByOne.union(decide), .system: oneByOne.union(readReviews),
            .analyst: [],
            .supervisor: oneByOne.union(export).union(audit).union(decide),
            .admin: oneByOne.union(export).union(audit).union(["staff list"]).union(decide),
        ]
    }()

    @Test(arguments: Role.allCases)
    func eachRoleGetsExactlyItsRights(role: Role) throws {
        let city = try TestCity()
        let subject = try city.add("SILVA ANA").id
        let member = try city.member("user-\(role.rawValue)", role)
        let allowed = try #require(Self.expected[role])
        for (name, call) in Self.operations(city, subject) {
            if allowed.contains(name) {
                #expect(throws: Never.self, "\(role) should be allowed to \(name)") { try call(member) }
            } else {
                #expect(throws: ServiceError.self, "\(role) should be refused \(name)") { try call(member) }
            }
        }
    }

    @Test func refusalsAreAuditedAndChangeNothing() throws {
        let city = try TestCity()
        let subject = try city.add("SILVA ANA").id
        let analyst = try city.member("ana", .analyst)
        do {
            _ = try city.residents.show(.kyosei(subject), by: analyst)
            Issue.record("an analyst read a person's record")
        } catch let error as ServiceError {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("may not resident read"))
        }
        let refused = try city.audit.log(AuditFilter(staff: "ana"), by: city.founder)
        #expect(refused.map(\.action) == ["refused:resident.show"])
    }

    @Test func theFounderIsNeitherDemotedNorDisabledWhileNoOtherAdministratorExists() throws {
        let city = try TestCity()
        let demotion = #expect(throws: ServiceError.self) { try city.staff.setRole(login: "founder", role: .analyst, by: city.founder) }
        #expect(demotion?.exitCode == 1)
        #expect(demotion?.description.contains("only active administrator") == true)
        #expect(throws: ServiceError.self) { try city.staff.setActive(login: "founder", active: false, by: city.founder) }
        let founder = try city.context.staffMember(login: "founder")
        #expect(founder.role == .admin && founder.isFounder)
        let subject = try city.add("SILVA ANA").id
        for (_, call) in Self.operations(city, subject) {
            #expect(throws: Never.self) { try call(founder) }
        }
    }

    @Test func aFounderDemotedBesideAnotherAdministratorHasTheRoleGiven() throws {
        let city = try TestCity()
        let subject = try city.add("SILVA ANA").id
        let sato = try city.member("sato", .admin)
        _ = try city.staff.setRole(login: "founder", role: .analyst, by: sato)
        let founder = try city.context.staffMember(login: "founder")
        #expect(founder.role == .analyst && !founder.isFounder)
        #expect(throws: ServiceError.self) { try city.residents.show(.kyosei(subject), by: founder) }
        #expect(throws: ServiceError.self) { try city.staff.setActive(login: "sato", active: false, by: sato) }
        #expect(throws: ServiceError.self) { try city.staff.setRole(login: "sato", role: .supervisor, by: sato) }
        let entry = try #require(try city.audit.log(AuditFilter(staff: "sato"), by: sato).first { $0.action == "staff.set-role" })
        #expect(entry.detail == "login=founder role=admin->analyst founder=no")
    }

    @Test func unknownAndDisabledLoginsAreRefused() throws {
        let city = try TestCity()
        #expect(throws: ServiceError.self) { try city.context.staffMember(login: "stranger") }
        _ = try city.member("tanaka", .clerk)
        _ = try city.staff.setActive(login: "tanaka", active: false, by: city.founder)
        #expect(throws: ServiceError.self) { try city.context.staffMember(login: "tanaka") }
        #expect(throws: ServiceError.self) { try city.staff.setActive(login: "founder", active: false, by: city.founder) }
        #expect(throws: ServiceError.self) { try city.member("tanaka", .clerk) }
        #expect(throws: ServiceError.self) { try city.member("bad login!", .clerk) }
    }
}
