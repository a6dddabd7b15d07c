/// What an employment file's notifications did.
public struct NotificationCounts: Sendable, Encodable, Equatable {
    /// Notifications already recorded from an earlier file (same employer, card, type and date).
    public var duplicates = 0
    public var linked = 0
    /// Cards whose holder's birth date or sex differ from the report: identity reviews.
    public var review = 0
    public var unlinked = 0
    public var episodesOpened = 0
    public var episodesClosed = 0
    /// Finding kind → how many notifications of this file showed it.
    public var findings: [String: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case duplicates, linked, review, unlinked, findings
        case episodesOpened = "episodes_opened"
        case episodesClosed = "episodes_closed"
    }
}
