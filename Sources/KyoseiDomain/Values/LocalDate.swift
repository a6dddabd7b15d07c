/// A calendar date with no time zone. Register dates, birthdays and deadlines are civil dates
/// in Japan; carrying them as `Date` would let a server's time zone move a birthday.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw ValidationError(field: "date", value: Self.format(year, month, day), reason: "is not a date that exists")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 `YYYY-MM-DD` exactly: no times, no other separators.
    public init(_ text: String, field: String = "date") throws {
        var utf8 = text
        // Read in place: a copy into an array per date measured in a register file's parse.
        let parts = utf8.withUTF8 { b -> (Int, Int, Int)? in
            func num(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r {
                    guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                    v = v * 10 + Int(b[i] - 0x30)
                }
                return v
            }
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = num(0..<4), let m = num(5..<7), let d = num(8..<10)
            else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parts else {
            throw ValidationError(field: field, value: text, reason: "must be a date as YYYY-MM-DD")
        }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw ValidationError(field: field, value: text, reason: "is not a date that exists")
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        let d = min(day, Self.daysIn(month: m, year: y))
        return LocalDate(unchecked: y, m, d)
    }

    public func adding(years: Int) -> LocalDate { adding(months: years * 12) }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Completed years of age on `date` (the birthday itself counts as attained).
    public func age(on date: LocalDate) -> Int {
        var a = date.year - year
        if (date.month, date.day) < (month, day) { a -= 1 }
        return a
    }

    public var lastDayOfMonth: LocalDate {
        LocalDate(unchecked: year, month, Self.daysIn(month: month, year: year))
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String { Self.format(year, month, day) }

    private init(unchecked y: Int, _ m: Int, _ d: Int) {
        year = y
        month = m
        day = d
    }

    /// Written digit by digit: a register file stores four dates a row, and building each from
    /// padded substrings measured several allocations a date.
    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        guard (0...9999).contains(y), (0...99).contains(m), (0...99).contains(d) else {
            func pad(_ v: Int, _ n: Int) -> String {
                let s = String(v)
                return String(repeating: "0", count: max(0, n - s.count)) + s
            }
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(0x30 + y / 1000)
            out[1] = UInt8(0x30 + y / 100 % 10)
            out[2] = UInt8(0x30 + y / 10 % 10)
            out[3] = UInt8(0x30 + y % 10)
            out[4] = 0x2D
            out[5] = UInt8(0x30 + m / 10)
            out[6] = UInt8(0x30 + m % 10)
            out[7] = 0x2D
            out[8] = UInt8(0x30 + d / 10)
            out[9] = UInt8(0x30 + d % 10)
            return 10
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
