import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

struct ResidentUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a resident's details; every change is kept in their history.",
        discussion: """
            An empty value clears a field. Register data is overwritten by the next register \
            export; use --correction when the value held was wrong, not when it changed.
            Example:
              kyosei resident update K12 --address "浜松市中区元城町103-2" --district D03 --reason "moved, told at counter"
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var resident: String
    @Option(help: "Name in Latin letters.") var name: String?
    @Option(help: "Katakana reading.") var kana: String?
    @Option(help: "Name in kanji.") var kanji: String?
    @Option(help: "Common name.") var commonName: String?
    @Option(help: "Residence card number.") var card: String?
    @Option(help: "Status of residence code.") var status: String?
    @Option(help: "Stay expiry date.") var stayExpiry: String?
    @Option(help: "Household id.") var household: String?
    @Option(help: "Relationship to the household head.") var relationship: String?
    @Option(help: "Postal code.") var postalCode: String?
    @Option(help: "Address.") var address: String?
    @Option(help: "District code.") var district: String?
    @Option(help: "Why (kept in history).") var reason: String?
    @Flag(help: "The value held was wrong (recorded as a correction, not an edit).") var correction = false

    func run() async throws {
        let ref = try ResidentRef(resident)
        var changes = ResidentChanges()
        changes.nameLatin = name
        changes.nameKana = kana.map { $0.isEmpty ? nil : $0 }
        changes.nameKanji = kanji.map { $0.isEmpty ? nil : $0 }
        changes.commonName = commonName.map { $0.isEmpty ? nil : $0 }
        changes.residenceCardNumber = try change(card, ResidenceCardNumber.init)
        changes.statusOfResidence = try change(status) { try StatusOfResidence(code: $0) }
        changes.stayExpiryDate = try change(stayExpiry) { try LocalDate($0, field: "stay expiry date") }
        changes.householdID = try change(household) { try HouseholdID($0) }
        changes.relationship = try change(relationship) { try Relationship(code: $0) }
        changes.postalCode = try change(postalCode, PostalCode.init)
        changes.address = address.map { $0.isEmpty ? nil : $0 }
        changes.districtCode = try change(district, DistrictCode.init)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let record = try ResidentService(context: context).update(ref, changes: changes, by: staff, reason: reason, correction: correction)
        if output.json {
            try Output.json(Components.Schemas.Resident(record))
        } else {
            print("Updated \(record.nameLatin) (\(record.reference)).")
        }
    }
}
