import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// An insurance roster (`INS-<scheme>-<source>-<date>.csv`): each member is recognised as a
/// resident by the identity resolver (a stable member number keeps its link from roster to
/// roster), each row's enrollment is recorded, and a roster is its source's full current list,
/// so enrollments it no longer lists end on its date. An older roster after a newer one from the
/// same source would end enrollments that still run, and is refused.
struct InsuranceImport: ImportKind {
    static let recordKind = IntakeFileRecord.Kind.insurance
    let action = AuditAction.importInsurance
    let entity = EntityKind.insuranceRoster
    let emptyDetails = ImportDetails.roster(RosterCounts())
    let asOf: LocalDate?
    let matchReport: String?
    private var roster: (scheme: InsuranceScheme, source: String, date: LocalDate)?
    /// The roster's line feeds, which its rows do not outnumber, to size the member table.
    private var rowsAtMost = 0

    init(asOf: LocalDate?, matchReport: String?) {
        self.asOf = asOf
        self.matchReport = matchReport
    }

    var facts: ImportFacts { ImportFacts(asOf: roster?.date.description) }

    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<InsuranceRosterKind> {
        guard case .insurance(let scheme, let source, let fileDate) = try IntakeFileName(path) else {
            throw IntakeError(file: name, reason: "is not an insurance roster (INS-<scheme>-<source>-<date>.csv)")
        }
        roster = (scheme, source, asOf ?? fileDate)
        let reader = try IntakeReader(path: path, kind: InsuranceRosterKind(scheme: scheme))
        rowsAtMost = reader.scan.lineFeeds
        return reader
    }

    func check(in db: Database) throws {
        guard let roster else { return }
        let prefix = "INS-\(roster.scheme.rawValue)-\(roster.source)-"
        if let latest = try IntakeFileRecord.latestAsOf(namesStartingWith: prefix, kind: .insurance, in: db),
           latest > roster.date.description {
            throw ImportRefusal(reason: "a newer \(roster.scheme) roster from \(roster.source) (as of \(latest)) was already applied; this one is as of \(roster.date)")
        }
    }

    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> InsuranceRun {
        let roster = roster!
        let stamp = HistoryStamp(login: staff.login, timestamp: context.clock.timestamp(), source: ChangeSource(.fileImport, reference: name))
        try PageCache.set(kibibytes: PageCache.importKiB, in: db)
        let (index, personIDs) = try ResidentIdentityIndex.load(in: db)
        // What the source listed until now, against which this roster's endings are weighed.
        let open = try EnrollmentRecord.openCount(scheme: roster.scheme, source: roster.source, after: roster.date, in: db)
        return InsuranceRun(
            scheme: roster.scheme, source: roster.source, date: roster.date, fileID: file.id!, fileName: name,
            openBefore: open, limitPercent: context.settings.maxEndedEnrollmentsPercent,
            resolver: .scored(index), personIDs: personIDs, database: context.database,
            stamp: stamp, members: try MemberTable(scheme: roster.scheme, source: roster.source, stamp: stamp, rows: rowsAtMost, in: db),
            reviews: try IdentityReviewWriter(source: .insurance, timestamp: context.clock.timestamp(), in: db),
            report: try matchReport.map { try MatchReportWriter(path: $0) })
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        if case .insurance(_, _, let date) = name { date.description } else { nil }
    }
}

/// Rows are resolved a batch at a time on every core, then applied in file order on the
/// import's connection; while the import's thread writes one batch (and reads the next), the
/// batch after it is being resolved on the others, which a profile at 1,000,000 residents found
/// idle for the writes.
struct InsuranceRun: ImportRun {
    let scheme: InsuranceScheme
    let source: String
    let date: LocalDate
    let fileID: Int64
    let fileName: String
    let openBefore: Int
    let limitPercent: Int
    /// The scored policy; its weights are learned from the first batch.
    var resolver: IdentityResolver
    var personIDs: PersonIDs
    /// Whose connection's page cache the run made small (`PageCache.importKiB`) and gives back in `close`.
    let database: AppDatabase
    /// Who applied the roster, when and which file: for the history rows of links and endings.
    let stamp: HistoryStamp
    var members: MemberTable
    var reviews: IdentityReviewWriter
    let report: MatchReportWriter?
    var counts = RosterCounts()
    var applied = 0
    var matchedResidents: [Int64] = []
    var batch: [InsuranceRow] = []
    /// The batch being resolved while the one before it is written.
    var resolving: ResolvingBatch?

    mutating func apply(_ row: InsuranceRow, line: Int, recordText: RecordText, in db: Database) throws -> Reject? {
        batch.append(row)
        // The first batch is the sample the weights are estimated from, so it is larger.
        if batch.count == (resolver.parameters == nil ? ParametersSample.rows : 4096) { try flush(in: db) }
        return nil
    }

    mutating func finish(in db: Database) throws -> ImportTally {
        // The last rows read, then the batch still resolving.
        while !batch.isEmpty || resolving != nil { try flush(in: db) }
        try ParametersSample.store(resolver.parameters, file: fileID, in: db)
        // Every row is written: what matched them goes before the endings, the audit and the
        // commit, which at a million residents set the import's peak with it still held.
        resolver.letGoOfResidents()
        members.letGo()
        personIDs = PersonIDs()
        // Only an enrollment open before the roster can end: with none (a source's first
        // roster), the two scans by member for them are spared, a second at a million members.
        if openBefore > 0 {
            // Each ending is in its resident's history, as the roster's absence said it.
            let unlisted = EnrollmentRecord.unlisted(scheme: scheme, source: source, on: date, byFile: fileID)
            try HistoryWriter.recordEach(
                .enrollment, field: "enrolled_until", to: date.description, selecting: unlisted.sql, arguments: unlisted.arguments,
                by: stamp.login, at: stamp.timestamp, source: ChangeSource(.fileImport, reference: fileName, reason: "not on the roster"),
                in: db)
            counts.ended = try EnrollmentRecord.endUnlisted(scheme: scheme, source: source, on: date, byFile: fileID, in: db)
        }
        return ImportTally(
            applied: applied, details: .roster(counts), touched: matchedResidents,
            auditDetail: "matched=\(counts.matched) review=\(counts.review) unmatched=\(counts.unmatched) ended=\(counts.ended)",
            change: LargeChange(ended: counts.ended, of: openBefore, limitPercent: limitPercent, what: "open enrollments of \(scheme.rawValue) \(source)"))
    }

    func close(kept: Bool) throws {
        try database.writer.writeWithoutTransaction { try PageCache.set(kibibytes: PageCache.standardKiB, in: $0) }
        try report?.finish(keep: kept)
    }

    /// Sets the batch read so far resolving and writes the one resolved before it. Which rows are
    /// resolved is settled before the batch ahead is written: a member that batch links is then
    /// resolved for nothing, and counted as known when its row is written, as it would have been.
    private mutating func flush(in db: Database) throws {
        let ahead = resolving
        resolving = nil
        if !batch.isEmpty {
            let pending = batch.indices.filter { members.find(insurer: batch[$0].insurerNumber, member: batch[$0].memberNumber)?.residentID == nil }
            let people = pending.map { IncomingPerson(batch[$0]) }
            if resolver.parameters == nil { resolver.learn(from: people) }
            resolving = ResolvingBatch(rows: batch, pending: pending, people: people, resolver: resolver, explaining: report != nil)
            batch = []
        }
        if let ahead { try write(ahead, in: db) }
    }

    private mutating func write(_ resolved: ResolvingBatch, in db: Database) throws {
        let (rows, pending) = (resolved.rows, resolved.pending)
        let answers = resolved.wait()
        let resolutions = try answers?.resolutions ?? resolved.people.map { try resolver.resolve($0, in: db) }
        let explained = answers?.explained
        // Each row's place among the pending ones (-1: not pending). A dictionary of the answers
        // by row copied each resolution in and out, a fiftieth of the import's CPU.
        var answer = [Int](repeating: -1, count: rows.count)
        for (n, i) in pending.enumerated() { answer[i] = n }
        for (i, row) in rows.enumerated() {
            var member = members.find(insurer: row.insurerNumber, member: row.memberNumber)
            let new = member?.id == nil
            var review: ReviewID?
            var why: [UInt8]?
            if member?.residentID != nil {
                counts.known += 1
                member = try members.save(member!, row: row, fileID: fileID, in: db)
            } else {
                // A member listed twice in one batch was not pending when the batch was matched.
                let n = answer[i]
                let resolution = try n >= 0 ? resolutions[n] : resolver.resolve(IncomingPerson(row), in: db)
                member = RosterLink.deciding(member, by: resolution, refusing: member?.refused(by: reviews) ?? [], counting: &counts)
                let explained = n >= 0 ? explained?[n] : nil
                // Saved before a review is raised, which names the member by its id.
                member = try members.save(member!, row: row, fileID: fileID, in: db)
                if member!.outcome == .review {
                    review = try raiseReview(member: member!, row: row, resolution: resolution,
                                             explanation: explained?.explanation ?? resolution.decision?.explanation, in: db)
                }
                why = explained?.why ?? (report == nil ? nil : MatchReportWriter.why(resolution.decision?.explanation))
            }
            try MemberTable.saveEnrollment(member: member!, new: new, row: row, fileID: fileID, in: db)
            if let resident = member!.residentID { matchedResidents.append(resident) }
            try report?.write(memberNumber: row.memberNumber, outcome: member!.outcome.rawValue,
                              personID: member!.residentID.flatMap { personIDs[$0] }, score: member!.score,
                              review: review, why: why ?? MatchReportWriter.why(nil))
            applied += 1
        }
    }

    private mutating func raiseReview(member: MemberTable.Entry, row: InsuranceRow, resolution: Resolution,
                                      explanation: MatchExplanation?, in db: Database) throws -> ReviewID? {
        guard let best = resolution.candidates.first, let id = member.id else { return nil }
        return try reviews.raise(IdentityQuestion(
            residentID: best, candidates: resolution.candidates,
            reason: "\(row.scheme) member \(row.memberNumber) (\(row.nameKana), born \(row.birthDate)): \(resolution.reason)",
            sourceRef: fileName, subjectID: String(id), explanation: explanation), in: db)
    }
}

/// What the import's other threads work out to explain a row: the comparison, kept for a row
/// that goes to review (its question carries it), and the report's cells.
struct Explained: Sendable {
    let explanation: MatchExplanation?
    let why: [UInt8]?
}

/// A batch of roster rows whose people are being resolved, and their report cells explained,
/// on other threads (the scored policy needs no connection); `wait` hands the answers over.
final class ResolvingBatch: Sendable {
    let rows: [InsuranceRow]
    /// The rows' positions whose members were not linked when the batch was read, and their people.
    let pending: [Int]
    let people: [IncomingPerson]
    private let answers: BackgroundWork<(resolutions: [Resolution], explained: [Explained])?>

    init(rows: [InsuranceRow], pending: [Int], people: [IncomingPerson], resolver: IdentityResolver, explaining: Bool) {
        self.rows = rows
        self.pending = pending
        self.people = people
        answers = BackgroundWork {
            guard let resolutions = resolver.scoreAll(people, explaining: explaining) else { return nil }
            // Each row is explained once: for the report, and for its review.
            return (resolutions, Resolution.explainAll(resolutions) { resolution in
                let explanation = explaining || resolution.outcome == .review ? resolution.decision?.explanation : nil
                return Explained(explanation: resolution.outcome == .review ? explanation : nil,
                                 why: explaining ? MatchReportWriter.why(explanation) : nil)
            })
        }
    }

    /// The resolutions in the order of `people`, and what explains them; nil for a policy that
    /// must look people up in the database.
    func wait() -> (resolutions: [Resolution], explained: [Explained])? { answers.wait() }
}
