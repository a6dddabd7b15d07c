import KyoseiDomain

/// The agreement table as the configuration writes it, one agreement a line, so that a city can
/// add an agreement the day it comes into force or correct a branch its review finds wrong:
/// `CC from YYYY-MM-DD BRANCH[+BRANCH…] [no-totalisation] [secondment YEARS] | SOURCE [| review]`,
/// branches among `pension`, `health`, `employment`.
enum AgreementSettingText {
    static let key = "agreements.in_force"

    static func table(_ lines: [String]) throws -> AgreementTable {
        func invalid(_ value: String, _ reason: String) -> ServiceError {
            .invalid(ValidationError(field: "configuration \(key)", value: value, reason: reason))
        }
        let shape = "must be CC from YYYY-MM-DD BRANCH[+BRANCH] [no-totalisation] [secondment YEARS] | SOURCE [| review]"
        let agreements = try lines.map { line in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let words = parts.first.map { $0.split(separator: " ").map(String.init) } ?? []
            guard (2...3).contains(parts.count), !parts[1].isEmpty, parts.count == 2 || parts[2] == "review",
                  words.count >= 4, words[1] == "from" else { throw invalid(line, shape) }
            var totalisation = true, years = 5
            var rest = words.dropFirst(4)
            while let word = rest.popFirst() {
                switch word {
                case "no-totalisation": totalisation = false
                case "secondment":
                    guard let text = rest.popFirst(), let value = Int(text) else { throw invalid(line, "secondment needs a number of years") }
                    years = value
                default: throw invalid(line, "\(word) is not no-totalisation or secondment; " + shape)
                }
            }
            let branches = try words[3].split(separator: "+").map { text in
                guard let branch = InsuranceScheme.Branch(rawValue: String(text)) else {
                    throw invalid(line, "\(text) is not pension, health or employment")
                }
                return branch
            }
            do {
                return try SocialSecurityAgreement(
                    country: Nationality(words[0]), inForce: LocalDate(words[2]), branches: Set(branches), totalisation: totalisation,
                    maxSecondmentYears: years, source: parts[1], forCityReview: parts.count == 3)
            } catch let error as ValidationError {
                throw invalid(line, "\(error.field) \(error.value): \(error.reason)")
            }
        }
        do {
            return try AgreementTable(agreements)
        } catch let error as ValidationError {
            throw invalid(error.value, error.reason)
        }
    }

    /// The table as `config show` lists it, `key[n]` in the order the agreements came into force.
    static func shown(_ table: AgreementTable) -> [(key: String, value: String)] {
        let order: [InsuranceScheme.Branch] = [.pension, .health, .employment]
        return table.agreements.enumerated().map { index, a in
            let words = [a.country.rawValue, "from", a.inForce.description, order.filter(a.covers).map(\.rawValue).joined(separator: "+")]
                + (a.totalisation ? [] : ["no-totalisation"]) + (a.maxSecondmentYears == 5 ? [] : ["secondment", String(a.maxSecondmentYears)])
            return ("\(key)[\(index + 1)]", DatedSettingText.line(words.joined(separator: " "), source: a.source, review: a.forCityReview))
        }
    }
}
