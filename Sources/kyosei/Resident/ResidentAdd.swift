import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

struct ResidentAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a person the register does not show (a walk-in); they are UNREGISTERED_SERVED.",
        discussion: """
            Example:
              kyosei resident add --name "DA SILVA JOAO" --kana "ダシルバ ジョアン" --born 1985-04-02 --sex 1 --nationality BR
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Name in Latin letters, family name first, as on the residence card.") var name: String
    @Option(help: "Katakana reading.") var kana: String?
    @Option(help: "Name in kanji.") var kanji: String?
    @Option(help: "Registered common name (tsūshō).") var commonName: String?
    @Option(help: "Birth date, YYYY-MM-DD.") var born: String
    @Option(help: "Sex: 1 male, 2 female, 9 not stated.") var sex: String
    @Option(help: "Nationality, ISO 3166-1 alpha-2 (XX stateless or unknown).") var nationality: String
    @Option(help: "Residence card number (AB12345678CD).") var card: String?
    @Option(help: "Status of residence code.") var status: String?
    @Option(help: "Stay expiry date, YYYY-MM-DD.") var stayExpiry: String?
    @Option(help: "Household id (10 digits).") var household: String?
    @Option(help: "Relationship to the household head.") var relationship: String?
    @Option(help: "Postal code NNN-NNNN.") var postalCode: String?
    @Option(help: "Address.") var address: String?
    @Option(help: "District code, such as D07.") var district: String?
    @Option(help: "Why the person is being registered (kept in history).") var reason: String?

    func run() async throws {
        let draft = ResidentDraft(
            nameLatin: name, nameKanji: kanji, commonName: commonName, nameKana: kana,
            birthDate: try LocalDate(born, field: "birth date"), sex: try Sex(code: sex),
            nationality: try Nationality(nationality), residenceCardNumber: try parsed(card, ResidenceCardNumber.init),
            statusOfResidence: try parsed(status) { try StatusOfResidence(code: $0) },
            stayExpiryDate: try parsed(stayExpiry) { try LocalDate($0, field: "stay expiry date") },
            householdID: try parsed(household) { try HouseholdID($0) },
            relationship: try parsed(relationship) { try Relationship(code: $0) },
            postalCode: try parsed(postalCode, PostalCode.init), address: address,
            districtCode: try parsed(district, DistrictCode.init))
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let record = try ResidentService(context: context).create(draft, by: staff, reason: reason)
        if output.json {
            try Output.json(Components.Schemas.Resident(record))
        } else {
            print("Registered \(record.nameLatin) as \(record.reference) (\(record.registerState.rawValue)).")
        }
    }
}
