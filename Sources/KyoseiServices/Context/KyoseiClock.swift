import Foundation
import KyoseiDomain

/// The one clock. "Today" is the civil date in Japan, whatever the server's time zone, and
/// every timestamp Kyosei writes comes from here, so a test or a demo can fix time in one place.
public struct KyoseiClock: Sendable {
    private let currentTime: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        currentTime = now
    }

    /// A clock fixed at `date`, for tests, demos and replaying a night.
    public static func fixed(_ date: Date) -> KyoseiClock { KyoseiClock { date } }

    /// The system clock, or the instant in `KYOSEI_NOW` (ISO 8601, e.g. `2026-11-23T02:00:00Z`)
    /// when set, so the end-to-end tests and the demo produce the same dates every run.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KyoseiClock {
        guard let text = environment["KYOSEI_NOW"], !text.isEmpty else { return KyoseiClock() }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw ValidationError(field: "KYOSEI_NOW", value: text, reason: "must be an ISO 8601 timestamp such as 2026-11-23T02:00:00Z")
        }
        return .fixed(date)
    }

    public var now: Date { currentTime() }

    /// Today's date in Japan (UTC+9, no daylight saving).
    public var today: LocalDate {
        LocalDate(dayNumber: Int((now.timeIntervalSince1970 + 9 * 3600).rounded(.down) / 86400))
    }

    /// The current instant as ISO 8601 UTC with milliseconds: sortable as text.
    public func timestamp() -> String { Self.timestamp(now) }

    public static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = Int(millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000)
        let ms = Int(millis - Int64(days) * 86_400_000)
        let day = LocalDate(dayNumber: days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(day)T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
    }
}
