import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData

/// Matches a labelled sample-city roster and counts against the generator's truth.
struct RosterQuality {
    var rows = 0
    var matched = 0
    var correctMatches = 0
    var review = 0
    var residentRows = 0

    var precision: Double { matched == 0 ? 1 : Double(correctMatches) / Double(matched) }
    var recall: Double { residentRows == 0 ? 1 : Double(correctMatches) / Double(residentRows) }
    var reviewShare: Double { rows == 0 ? 0 : Double(review) / Double(rows) }

    static func index(_ city: SampleCity) -> IdentityIndex {
        let index = IdentityIndex()
        city.forEachResident { resident in
            index.add(record(resident))
            if let twin = city.partnerTwin(of: resident) { index.add(record(twin)) }
        }
        // As the import leaves it: lists trimmed and common key pairs worked out.
        index.compact()
        return index
    }

    static func record(_ resident: SampleResident) -> IdentityRecord {
        IdentityRecord(id: Int64(resident.personID.rawValue)!, nameLatin: resident.nameLatin, nameKana: resident.nameKana,
                       birthDate: resident.birthDate, sex: resident.sex, nationality: resident.nationality,
                       cardNumber: resident.cardNumber)
    }

    static func query(_ row: PartnerRosterRow) -> IdentityQuery {
        IdentityQuery(nameKana: row.nameKana, nameLatin: row.nameLatin, birthDate: row.birthDate, sex: row.sex,
                      cardNumber: row.cardNumber)
    }

    mutating func count(_ row: PartnerRosterRow, _ decision: MatchDecision) {
        rows += 1
        let truth = row.personID.map { Int64($0.rawValue)! }
        if truth != nil { residentRows += 1 }
        switch decision.outcome {
        case .matched:
            matched += 1
            if decision.residentID == truth { correctMatches += 1 }
        case .review:
            review += 1
        case .unmatched:
            break
        }
    }

    var summary: String {
        "rows \(rows), matched \(matched), precision \(precision), recall \(recall), review \(reviewShare)"
    }
}
