import KyoseiDomain

/// Values the generator builds to their rule by construction (a card number from letters and
/// digits it chose, a date from a day number it computed). Going through the validating
/// initialiser keeps one definition of what is valid; failing here would be a generator bug,
/// never bad input, so it stops the program rather than writing a wrong file.
enum GeneratedValue {
    static func card(_ text: String) -> ResidenceCardNumber {
        do {
            return try ResidenceCardNumber(text)
        } catch {
            preconditionFailure("generator built an invalid card number: \(error)")
        }
    }

    static func nationality(_ code: String) -> Nationality {
        do {
            return try Nationality(code)
        } catch {
            preconditionFailure("generator table holds an invalid nationality: \(error)")
        }
    }

    static func municipality(_ code: String) -> MunicipalityCode {
        do {
            return try MunicipalityCode(code)
        } catch {
            preconditionFailure("generator table holds an invalid municipality code: \(error)")
        }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        do {
            return try LocalDate(year: year, month: month, day: day)
        } catch {
            preconditionFailure("generator built an invalid date: \(error)")
        }
    }

    static func postalCode(_ text: String) -> PostalCode {
        do {
            return try PostalCode(text)
        } catch {
            preconditionFailure("generator built an invalid postal code: \(error)")
        }
    }

    static func district(_ text: String) -> DistrictCode {
        do {
            return try DistrictCode(text)
        } catch {
            preconditionFailure("generator built an invalid district code: \(error)")
        }
    }
}
