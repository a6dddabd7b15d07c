import Foundation
import KyoseiDomain

extension SampleCity {
    /// An insurance roster in the format of `formats.md` §2 (`INS-<scheme>-<source>-<date>.csv`)
    /// drawn from the city's partner-roster rows: katakana as the partner writes it, some card
    /// numbers, lookalikes and strangers who are not residents. Latin-only rows are left out,
    /// since insurers write katakana. The truth (member number → person id, nil for people who
    /// are not residents) comes back with it, for tests and the matching benchmark.
    public func writeInsuranceRoster(
        to directory: URL, scheme: InsuranceScheme, source: String, date: LocalDate, share: Double = 0.6,
        nonResidentShare: Double = 0.05, seed rosterSeed: UInt64 = 1, encoding: RegisterFileOptions.Encoding = .utf8
    ) throws -> WrittenRoster {
        let url = directory.appendingPathComponent("INS-\(scheme.rawValue)-\(source)-\(date).csv")
        let writer = try RegisterCSVWriter(url: url, options: RegisterFileOptions(encoding: encoding))
        try writer.write(["scheme", "insurer_number", "member_number", "member_type", "name_kana", "birth_date", "sex",
                          "residence_card_number", "enrolled_from", "enrolled_until", "agreement_exempt"])
        let insurer = scheme == .nhi ? municipality.rawValue : "31" + String(format: "%06d", Int(rosterSeed % 1_000_000))
        var truth: [String: PersonID?] = [:]
        var number = 0
        try forEachResident { resident in
            for row in partnerRosterRows(for: resident, share: share, nonResidentShare: nonResidentShare, seed: rosterSeed) {
                guard let kana = row.nameKana else { continue }
                number += 1
                let member = String(format: "M%09d", number)
                truth[member] = row.personID
                let from = max(resident.residentSince, row.birthDate)
                let exempt = scheme.branch == .pension && ["BR", "US", "DE", "KR", "PH"].contains(resident.nationality.rawValue)
                    && number % 7 == 0
                try writer.write([scheme.rawValue, insurer, member, number % 4 == 0 ? "DEPENDENT" : "INSURED", kana,
                                  row.birthDate.description, row.sex.rawValue, row.cardNumber?.rawValue ?? "",
                                  from.description, "", exempt ? "Y" : ""])
            }
        }
        _ = try writer.finish()
        return WrittenRoster(csvURL: url, rowCount: number, truth: truth)
    }
}

/// A roster written for tests and benchmarks, with the truth to measure matching against.
public struct WrittenRoster: Sendable {
    public let csvURL: URL
    public let rowCount: Int
    /// Member number → the resident's person id, nil for someone who is not a resident.
    public let truth: [String: PersonID?]
}
