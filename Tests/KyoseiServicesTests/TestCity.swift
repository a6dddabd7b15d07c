import Foundation
import KyoseiDomain
import KyoseiServices
import KyoseiTestSupport
import Logging
import Testing

/// A fresh city database in its own temporary folder, initialised by `founder`.
struct TestCity {
    let folder: URL
    let path: String
    let context: ServiceContext
    let founder: StaffMember

    static let municipality = try! MunicipalityCode("221309")

    init(clock: KyoseiClock = .fixed(Date(timeIntervalSince1970: 1_795_000_000)),
         law: LegalThresholds = .enacted) throws {
        folder = try TestFolder.make("kyosei-test")
        path = folder.appendingPathComponent("kyosei.sqlite").path
        context = try Startup.initialize(
            databasePath: path, settings: Settings(municipalityCode: Self.municipality, law: law), founder: "founder",
            displayName: "First Admin", clock: clock, logger: Logger(label: "test"))
        founder = try context.staffMember(login: "founder")
    }

    /// The same city as seen on another day, for what staff did then (a seat in a course that
    /// has since ended can only have been taken while it ran).
    func context(on day: String) throws -> ServiceContext {
        let date = try #require(ISO8601DateFormatter().date(from: day + "T00:00:00Z"))
        return ServiceContext(database: context.database, settings: context.settings, clock: .fixed(date), logger: context.logger)
    }

    var residents: ResidentService { ResidentService(context: context) }
    var staff: StaffService { StaffService(context: context) }
    var audit: AuditService { AuditService(context: context) }

    /// Adds a member of staff with `role` and returns them as the service layer sees them.
    func member(_ login: String, _ role: Role) throws -> StaffMember {
        _ = try staff.add(login: login, displayName: nil, role: role, team: nil, by: founder)
        return try context.staffMember(login: login)
    }

    @discardableResult
    func add(_ name: String, kana: String? = nil, kanji: String? = nil, born: String = "1985-04-02", sex: Sex = .male,
             nationality: String = "BR", card: String? = nil, household: String? = nil) throws -> ResidentDraftResult {
        let record = try residents.create(
            ResidentDraft(nameLatin: name, nameKanji: kanji, nameKana: kana, birthDate: LocalDate(born), sex: sex,
                          nationality: Nationality(nationality), residenceCardNumber: card.map { try ResidenceCardNumber($0) },
                          householdID: household.map { try HouseholdID($0) }, relationship: household == nil ? nil : .head),
            by: founder, reason: "test")
        return ResidentDraftResult(id: record.id!, reference: record.reference)
    }

    /// Runs the `sqlite3` tool on the database, as someone with file access (not Kyosei) would.
    func sqlite(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("sqlite3 failed on: \(sql)") }
    }
}

struct ResidentDraftResult {
    let id: Int64
    let reference: String
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
