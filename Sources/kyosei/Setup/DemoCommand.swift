import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiServices

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a small synthetic city in a fresh database and walk through the daily work.",
        discussion: "Example:\n  kyosei demo --dir /tmp/kyosei-demo"
    )

    @Option(help: "Folder for the demo database (an earlier demo there is replaced).") var dir = "kyosei-demo"
    @Option(name: .long, help: "A configuration file (JSON) overriding the built-in defaults.") var config: String?

    func run() async throws {
        LoggingSetup.bootstrapOnce()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = (dir as NSString).appendingPathComponent("kyosei.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let environment = try await CommandEnvironment.load(configFile: config)
        let login = CommandEnvironment.osLogin()
        let context = try Startup.initialize(
            databasePath: path, settings: environment.settings, founder: login, displayName: "Demo administrator",
            clock: environment.clock, logger: environment.logger)
        let staff = try context.staffMember(login: login)
        let residents = ResidentService(context: context)
        print("Created \(path) for municipality \(environment.settings.municipalityCode); \(login) is its first administrator.\n")

        let people: [ResidentDraft] = [
            ResidentDraft(nameLatin: "DA SILVA SANTOS JOAO CARLOS", nameKana: "ダシルバ サントス ジョアン カルロス",
                          birthDate: try LocalDate("1985-04-02"), sex: .male, nationality: try Nationality("BR"),
                          residenceCardNumber: try ResidenceCardNumber("AB12345678CD"), statusOfResidence: .longTerm,
                          householdID: try HouseholdID("2000000001"), relationship: .head, postalCode: try PostalCode("430-0946"),
                          address: "静岡県浜松市中区元城町103-2", districtCode: try DistrictCode("D03")),
            ResidentDraft(nameLatin: "NGUYEN THI LAN", nameKana: "グエン・ティ・ラン", birthDate: try LocalDate("1998-11-15"),
                          sex: .female, nationality: try Nationality("VN"), statusOfResidence: .titp2,
                          stayExpiryDate: try LocalDate("2027-01-10"), districtCode: try DistrictCode("D07")),
            ResidentDraft(nameLatin: "QUISPE MAMANI ROSA ELENA", nameKana: "キスペ ママニ ロサ エレナ",
                          birthDate: try LocalDate("2016-06-30"), sex: .female, nationality: try Nationality("PE"),
                          householdID: try HouseholdID("2000000002"), relationship: .child, districtCode: try DistrictCode("D07")),
        ]
        for draft in people {
            let record = try residents.create(draft, by: staff, reason: "walk-in at the counter (demo)")
            print("Registered \(record.nameLatin) as \(record.reference).")
        }
        print("\n$ kyosei resident find ｼﾙﾊﾞ")
        let found = try residents.find("ｼﾙﾊﾞ", by: staff)
        Output.table(ResidentPresentation.listHeader, found.map { ResidentPresentation.listRow($0.resident) })
        print("\n$ kyosei resident find lan nguyen")
        Output.table(ResidentPresentation.listHeader, try residents.find("lan nguyen", by: staff).map { ResidentPresentation.listRow($0.resident) })
        print("\n$ kyosei resident show K1")
        Output.fields(ResidentPresentation.detail(try residents.show(.kyosei(1), by: staff).resident))
        let verification = try AuditService(context: context).verify(by: staff)
        print("\nAudit log intact: \(verification.entries) entries, head \(verification.head ?? "")")
        print("\nTry it yourself: kyosei resident list --db \(path)")
    }
}
