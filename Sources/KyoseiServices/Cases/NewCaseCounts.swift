import GRDB
import KyoseiStore

/// Cases opened since a moment, by type and team: what the morning brings each queue. Counts
/// only, never a person.
public struct NewCaseCounts: Sendable, Codable, Equatable {
    /// One type's new cases in one team's queue.
    public struct Cell: Sendable, Codable, Equatable {
        public let type: String
        public let team: String
        public let count: Int
    }

    public var since: String
    public var total: Int
    public var byType: [String: Int]
    public var byTeam: [String: Int]
    /// Every type and team with at least one new case, by type then team.
    public var byTypeAndTeam: [Cell]

    enum CodingKeys: String, CodingKey {
        case since, total
        case byType = "by_type"
        case byTeam = "by_team"
        case byTypeAndTeam = "by_type_and_team"
    }

    static func compute(since: String, in db: Database) throws -> NewCaseCounts {
        let cells = try CaseRecord.openedCounts(since: since, in: db).map { Cell(type: $0.type, team: $0.team, count: $0.count) }
        return NewCaseCounts(
            since: since, total: cells.reduce(0) { $0 + $1.count },
            byType: cells.reduce(into: [:]) { $0[$1.type, default: 0] += $1.count },
            byTeam: cells.reduce(into: [:]) { $0[$1.team, default: 0] += $1.count }, byTypeAndTeam: cells)
    }
}
