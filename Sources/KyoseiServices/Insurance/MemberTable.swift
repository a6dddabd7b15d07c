import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// The members one source has given so far, loaded once per roster (one query, not one per
/// row), and the cached statements that save members and enrollments. A million-row roster
/// measured ~2,700 rows/s with a lookup and Codable save per row. A member linked to a
/// resident, moved or unlinked leaves rows in the residents' history.
struct MemberTable {
    typealias Entry = RosterLink

    /// Where each member's link is in `links`. A dictionary's table has a power of two of slots,
    /// about half of them empty, each the size of a key and its value: with the links
    /// themselves as values, a million members took 200 MB.
    private var positions: [RosterLink.Key: UInt32] = [:]
    private var links: [PackedLink] = []
    private let scheme: InsuranceScheme
    private let source: String
    /// Who applied the roster, when, and which file, for the history rows.
    private let stamp: HistoryStamp

    init(scheme: InsuranceScheme, source: String, stamp: HistoryStamp, in db: Database) throws {
        self.scheme = scheme
        self.source = source
        self.stamp = stamp
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, insurer_number, member_number, resident_id, match_outcome, match_score FROM insurance_member
            WHERE scheme = ? AND source = ?
            """, arguments: [scheme.rawValue, source])
        while let row = try rows.next() {
            keep(Entry(id: row["id"], residentID: row["resident_id"], outcome: row["match_outcome"], score: row["match_score"]),
                 for: RosterLink.Key(row["insurer_number"], row["member_number"]))
        }
    }

    func find(insurer: String, member: String) -> Entry? {
        positions[RosterLink.Key(insurer, member)].map { links[Int($0)].link }
    }

    private mutating func keep(_ entry: Entry, for key: RosterLink.Key) {
        if let position = positions[key] {
            links[Int(position)] = PackedLink(entry)
        } else {
            positions[key] = UInt32(links.count)
            links.append(PackedLink(entry))
        }
    }

    /// Inserts or updates the member as this roster states them; returns it with its id.
    mutating func save(_ entry: Entry, row: InsuranceRow, fileID: Int64, in db: Database) throws -> Entry {
        var saved = entry
        let before = find(insurer: row.insurerNumber, member: row.memberNumber)?.residentID
        if let id = entry.id {
            try db.cachedStatement(sql: """
                UPDATE insurance_member SET resident_id = ?, match_outcome = ?, match_score = ?, name_kana = ?, birth_date = ?,
                    sex = ?, residence_card_number = coalesce(?, residence_card_number), last_file_id = ? WHERE id = ?
                """).execute(arguments: [entry.residentID, entry.outcome, entry.score, row.nameKana, row.birthDate.description,
                                         row.sex.rawValue, row.cardNumber?.rawValue, fileID, id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO insurance_member (scheme, source, insurer_number, member_number, resident_id, match_outcome,
                    match_score, name_kana, birth_date, sex, residence_card_number, first_file_id, last_file_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [scheme.rawValue, source, row.insurerNumber, row.memberNumber, entry.residentID,
                                         entry.outcome, entry.score, row.nameKana, row.birthDate.description, row.sex.rawValue,
                                         row.cardNumber?.rawValue, fileID, fileID])
            saved.id = db.lastInsertedRowID
        }
        keep(saved, for: RosterLink.Key(row.insurerNumber, row.memberNumber))
        try HistoryWriter.recordLink(
            entity: .insuranceMember, entityID: String(saved.id!), label: "\(scheme.rawValue) \(source) member \(row.memberNumber)",
            from: before, to: saved.residentID, by: stamp.login, at: stamp.timestamp, source: stamp.source, in: db)
        return saved
    }

    /// One enrollment per member and start date: the roster's row replaces what it said before.
    static func saveEnrollment(member: Entry, row: InsuranceRow, fileID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO enrollment (member_id, resident_id, scheme, member_type, enrolled_from, enrolled_until,
                agreement_exempt, file_id, ended_by_file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT (member_id, enrolled_from) DO UPDATE SET resident_id = excluded.resident_id,
                member_type = excluded.member_type, enrolled_until = excluded.enrolled_until,
                agreement_exempt = excluded.agreement_exempt, file_id = excluded.file_id, ended_by_file_id = NULL
            """).execute(arguments: [member.id, member.residentID, row.scheme.rawValue, row.memberType.rawValue,
                                     row.enrolledFrom.description, row.enrolledUntil?.description, row.agreementExempt,
                                     fileID])
    }
}

/// A link in 32 bytes rather than 64: no row id or resident is 0, and the outcome is one of the
/// schema's four.
private struct PackedLink {
    private static let outcomes = ["MATCHED", "REVIEW", "UNMATCHED", "CONFIRMED"]

    private let id: Int64
    private let residentID: Int64
    private let score: Double
    private let outcome: UInt8
    private let scored: Bool

    init(_ link: RosterLink) {
        id = link.id ?? 0
        residentID = link.residentID ?? 0
        score = link.score ?? 0
        scored = link.score != nil
        outcome = UInt8(Self.outcomes.firstIndex(of: link.outcome)!)
    }

    var link: RosterLink {
        RosterLink(id: id == 0 ? nil : id, residentID: residentID == 0 ? nil : residentID,
                   outcome: Self.outcomes[Int(outcome)], score: scored ? score : nil)
    }
}
