import Foundation
import KyoseiDomain

/// One dated step of a setting as the configuration writes it, so that a city can correct a
/// threshold's value, its days or its source in the file its review signs off:
/// `VALUE [from YYYY-MM-DD] [until YYYY-MM-DD] | SOURCE [| review]`, both days inclusive, a
/// missing day open-ended, `review` marking a value not yet checked against the official text.
enum DatedSettingText {
    /// Hours and the like: a number of 0 or more.
    static func hours(_ text: String) -> Double? { Double(text).flatMap { $0 >= 0 ? $0 : nil } }

    /// A number of days, at least 1.
    static func days(_ text: String) -> Int? { Int(text).flatMap { $0 >= 1 ? $0 : nil } }

    /// `yes` or `no`: whether a rule holds over the step's days.
    static func yesNo(_ text: String) -> Bool? { text == "yes" ? true : text == "no" ? false : nil }

    /// A least headcount or wage, or `none` for no threshold.
    static func headcount(_ text: String) -> Int?? {
        text == "none" ? .some(nil) : Int(text).flatMap { $0 >= 0 ? .some($0) : nil }
    }

    /// Steps as the configuration writes them, one setting each: `key[1]`, `key[2]` … in date order.
    static func shown<V>(_ key: String, _ schedule: DatedSchedule<V>, _ text: (V) -> String) -> [(key: String, value: String)] {
        schedule.steps.enumerated().map { index, step in
            ("\(key)[\(index + 1)]", line(
             [text(step.value), step.effectiveFrom.map { "from \($0)" }, step.effectiveUntil.map { "until \($0)" }]
                .compactMap { $0 }.joined(separator: " "), source: step.source, review: step.forCityReview))
        }
    }

    /// A setting's line as the configuration writes it: what it says, then its source, then
    /// `review` when not yet checked against the official text.
    static func line(_ words: String, source: String, review: Bool) -> String {
        words + " | \(source)" + (review ? " | review" : "")
    }

    static func schedule<V>(_ key: String, _ lines: [String], value parse: (String) -> V?) throws -> DatedSchedule<V> {
        func invalid(_ value: String, _ reason: String) -> ServiceError {
            .invalid(ValidationError(field: "configuration \(key)", value: value, reason: reason))
        }
        let steps = try lines.map { line in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(parts.count), !parts[1].isEmpty, parts.count == 2 || parts[2] == "review" else {
                throw invalid(line, "must be VALUE [from YYYY-MM-DD] [until YYYY-MM-DD] | SOURCE [| review]")
            }
            let words = parts[0].split(separator: " ").map(String.init)
            guard let value = words.first.flatMap(parse), words.count % 2 == 1 else {
                throw invalid(line, "must start with a value, then `from` and `until` days")
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
