import Foundation
import KyoseiDomain

/// One dated step of a setting as the configuration writes it, so that a city can correct a
/// threshold's value, its days or its source in the file its review signs off:
/// `VALUE [from YYYY-MM-DD] [until YYYY-MM-DD] | SOURCE [| review]`, both days inclusive, a
/// missing day open-ended, `review` marking a value not yet checked against the official text.
enum DatedSettingText {
    static func schedule(_ key: String, _ lines: [String]) throws -> DatedSchedule<Double> {
        func invalid(_ value: String, _ reason: String) -> ServiceError {
            .invalid(ValidationError(field: "configuration \(key)", value: value, reason: reason))
        }
        let steps = try lines.map { line in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(parts.count), !parts[1].isEmpty, parts.count == 2 || parts[2] == "review" else {
                throw invalid(line, "must be VALUE [from YYYY-MM-DD] [until YYYY-MM-DD] | SOURCE [| review]")
            }
            let words = parts[0].split(separator: " ").map(String.init)
            guard let value = words.first.flatMap(Double.init), value >= 0, words.count % 2 == 1 else {
                throw invalid(line, "must start with a number, then `from` and `until` days")
            }
            var from: LocalDate?, until: LocalDate?
            for index in stride(from: 1, to: words.count, by: 2) {
                let day: LocalDate
                do { day = try LocalDate(words[index + 1]) } catch { throw invalid(line, "\(words[index + 1]) is not a date") }
                switch words[index] {
                case "from" where from == nil: from = day
                case "until" where until == nil: until = day
                default: throw invalid(line, "expects `from` and `until` at most once each")
                }
            }
            do {
                return try Dated(value, from: from, until: until, source: parts[1], forCityReview: parts.count == 3)
            } catch let error as ValidationError {
                throw invalid(line, error.reason)
            }
        }
        do {
            return try DatedSchedule(key, steps)
        } catch let error as ValidationError {
            throw invalid(error.value, error.reason)
        }
    }
}
