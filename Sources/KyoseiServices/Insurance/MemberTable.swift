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

    /// `rows`: at least the roster's rows (`FileScan.lineFeeds`). The table is sized for the
    /// source's members or the roster's rows, whichever are more, before it is filled: grown by
    /// doubling, a million members had their last 40 MB table and the new 75 MB one side by
    /// side, the peak of the whole import.
    init(scheme: InsuranceScheme, source: String, stamp: HistoryStamp, rows: Int, in db: Database) throws {
        self.scheme = scheme
        self.source = source
        self.stamp = stamp
        typealias C = InsuranceMemberRecord.Columns
        let members = InsuranceMemberRecord.links(scheme: scheme, source: source)
        let expected = max(try members.fetchCount(db), rows)
        positions.reserveCapacity(expected)
        links.reserveCapacity(expected)
        let cursor = try members.fetchCursor(db)
        while let row = try cursor.next() {
            keep(Entry(id: row[C.id], residentID: row[C.residentID], outcome: row[C.matchOutcome], score: row[C.matchScore]),
                 for: RosterLink.Key(row[C.insurerNumber], row[C.memberNumber]))
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

    /// Lets the table go once the roster's last row is saved (nothing may be found after): at a
    /// million members it holds 100 MB, which the import's audit and commit need for themselves.
    mutating func letGo() {
        positions = [:]
        links = []
    }

    /// Inserts or updates the member as this roster states them; returns it with its id.
    mutating func save(_ entry: Entry, row: InsuranceRow, fileID: Int64, in db: Database) throws -> Entry {
        var saved = entry
        let before = find(insurer: row.insurerNumber, member: row.memberNumber)?.residentID
        var member = InsuranceMemberRecord(
            id: entry.id, scheme: scheme, source: source, insurerNumber: row.insurerNumber, memberNumber: row.memberNumber,
            residentID: entry.residentID, matchOutcome: entry.outcome, matchScore: entry.score, nameKana: row.nameKana,
            birthDate: row.birthDate, sex: row.sex, residenceCardNumber: row.cardNumber, firstFileID: fileID, lastFileID: fileID)
        if entry.id != nil {
            try member.updateStated(db)
        } else {
            try member.insertCached(db)
            saved.id = member.id
        }
        keep(saved, for: RosterLink.Key(row.insurerNumber, row.memberNumber))
        try HistoryWriter.recordLink(
            entity: .insuranceMember, entityID: String(saved.id!), label: "\(scheme.rawValue) \(source) member \(row.memberNumber)",
            from: before, to: saved.residentID, by: stamp.login, at: stamp.timestamp, source: stamp.source, in: db)
        return saved
    }

    /// One enrollment per member and start date: the roster's row replaces what it said before.
    /// `new`: the member was first saved for this row, so it has no enrollment to replace.
    static func saveEnrollment(member: Entry, new: Bool, row: InsuranceRow, fileID: Int64, in db: Database) throws {
        try EnrollmentRecord(
            memberID: member.id!, residentID: member.residentID, scheme: row.scheme, memberType: row.memberType,
            enrolledFrom: row.enrolledFrom, enrolledUntil: row.enrolledUntil, agreementExempt: row.agreementExempt, fileID: fileID
        ).upsertStated(new: new, db)
    }
}

/// A link in 32 bytes rather than 64: no row id or resident is 0, and the outcome is one of four.
private struct PackedLink {
    private static let outcomes = LinkOutcome.allCases

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
