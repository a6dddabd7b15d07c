import Foundation
import GRDB
import KyoseiAPI
import KyoseiDomain
import KyoseiServices
import OpenAPIRuntime
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The API's own checks, on a real database through the same handlers and middlewares the
/// server runs: who is calling, bodies the schema refuses, sizes, paths, and that a read does
/// not wait for another transaction's write lock.
@Suite struct InProcessAPITests {
    @Test func theCallerIsTheProcessAndTheirRoleDecides() async throws {
        let city = try APICity()
        let me = try await city.client.whoAmI().ok.body.json
        #expect(me.login == APICity.ownLogin)
        #expect(me.founder)
        let document = try await city.client.getOpenAPIDocument().ok.body.yaml
        #expect(try await String(collecting: document, upTo: 1 << 22) == APIDocument.text)
    }

    @Test func aCallerWhoIsNotStaffIsRefusedAndTheRefusalNamesTheirUID() async throws {
        let city = try APICity(founder: "someone-else")
        let answer = try await city.send(.get, "/residents/search?q=silva")
        #expect(answer.status == 403)
        let problem = try city.problem(answer.body)
        #expect(problem.kind == .refused && problem.exitCode == 2)
        #expect(problem.detail.contains("not a member of staff"))
        let entries = try AuditService(context: city.context).log(AuditFilter(), by: try city.founder)
        #expect(entries.contains { $0.action == "refused:identify" && $0.detail.contains("uid=\(geteuid())") })
    }

    @Test func whatTheSchemaRefusesIsAProblemAndWritesNothing() async throws {
        var settings = Settings(municipalityCode: APICity.municipality)
        settings.serverMaxBodyBytes = 2048
        let city = try APICity(settings: settings)
        let founder = try city.founder
        let person = try ResidentService(context: city.context).create(
            ResidentDraft(nameLatin: "SILVA ANA", birthDate: try LocalDate("1990-01-02"), sex: .female, nationality: try Nationality("BR")),
            by: founder, reason: "test")
        let opened = try CaseService(context: city.context).open(
            CaseDraft(resident: try ResidentRef(person.reference), type: .general, priority: .normal, title: "Help",
                      note: nil, dueDate: nil, team: nil, assignToSelf: false), by: founder)
        let id = try #require(opened.id)
        func events() throws -> Int {
            try city.context.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM case_event")! }
        }
        let before = try events()

        for (body, status, kind) in [
            (#"{"text": "x", "by": "root"}"#, 400, Problem.Kind.validation),
            (#"{"text": "#, 400, .validation),
            (#"{"note": "x"}"#, 400, .validation),
            (#"{"text": 7}"#, 400, .validation),
            (#"{"text": ""#+String(repeating: "x", count: 4096)+#""}"#, 413, .usage),
        ] {
            let answer = try await city.send(.post, "/cases/\(id)/notes", json: body)
            #expect(answer.status == status, "\(body.prefix(40)): \(answer.body)")
            #expect(try city.problem(answer.body).kind == kind)
        }
        #expect(try await city.send(.get, "/cases/abc").status == 400)
        let missing = try await city.send(.get, "/no/such/thing")
        #expect(missing.status == 404)
        #expect(try city.problem(missing.body).kind == .notFound)
        #expect(try events() == before)

        let noted = try await city.send(.post, "/cases/\(id)/notes", json: #"{"text": "Phoned"}"#)
        #expect(noted.status == 200)
        #expect(try events() == before + 1)
    }

    /// While a write in this very process holds the write lock (as a sync the server runs does,
    /// for seconds), a read is answered and its audit entry goes to the spool: GRDB runs one
    /// pool's writes one after another, so an audit append through the same writer would wait
    /// for the whole transaction.
    @Test func aReadIsAnsweredWhileAWriteHoldsTheLock() async throws {
        let city = try APICity()
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let released = Mutex(false)
        let writer = city.context.database.writer
        let held = Thread {
            try? writer.writeWithoutTransaction { db in
                // IMMEDIATE takes the write lock at once, as a sync's transaction does.
                try db.inTransaction(.immediate) {
                    holding.signal()
                    // Long enough for the slowest machine; only reached if the read waits for this lock.
                    _ = release.wait(timeout: .now() + 600)
                    released.withLock { $0 = true }
                    return .commit
                }
            }
            finished.signal()
        }
        held.start()
        holding.wait()
        let spooledBefore = try city.context.database.auditSpool.pendingCount()
        let found = try await city.client.findResidents(query: .init(q: "silva")).ok.body.json
        let stillHeld = !released.withLock { $0 }
        release.signal()
        #expect(found.isEmpty)
        #expect(stillHeld, "the read came back while the write lock was held")
        #expect(try city.context.database.auditSpool.pendingCount() == spooledBefore + 1)
        // Once the lock is free, the spooled entry joins the chain.
        finished.wait()
        let verified = try await city.client.verifyAudit(body: .json(.init())).ok.body.json
        #expect(verified.intact)
        #expect(verified.spooled == 0)
    }
}
