import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// Applies register rows to residents one at a time inside the sync's transaction: finds the
/// person by person id, else links a walk-in the city registered without one when the evidence
/// is decisive, else creates them; moves register states as `formats.md` says; writes history.
/// Staff corrections of rejects, an export's possible walk-ins and a delta's second row for one
/// person come here; the rest of an export is applied as sets (`RegisterStaging`).
final class RegisterReconciler {
    private let db: Database
    private let login: String
    private let timestamp: String
    private let fileName: String
    private let sequence: Int
    private(set) var counts: RegisterCounts
    private(set) var applied = 0
    private(set) var touched: [Int64] = []
    /// Shared with a snapshot's set-based part, so the index is written once, at the end.
    let index = SearchIndexBatch()
    /// Birth date, sex and nationality of every walk-in (residents without a person id). A new
    /// register row that shares them might be one of those walk-ins; it is held back to the end
    /// of the file, so a link is decided knowing whether the file also holds a twin. Without
    /// walk-ins nothing is held back and no identity lookup runs.
    private let walkInKeys: Set<IdentityLink.BirthKey>
    private let resolver = IdentityResolver.strict
    private var reviews: IdentityReviewWriter
    private var deferred: [(row: RegisterRow, line: Int, source: ChangeSource)] = []
    private var deferredPeople = Set<PersonID>()

    init(db: Database, login: String, timestamp: String, fileName: String, sequence: Int, counts: RegisterCounts) throws {
        self.db = db
        self.login = login
        self.timestamp = timestamp
        self.fileName = fileName
        self.sequence = sequence
        self.counts = counts
        walkInKeys = try IdentityLink.walkInKeys(in: db)
        reviews = try IdentityReviewWriter(source: .register, timestamp: timestamp, in: db)
    }

    /// Applies one row. A staff correction of a rejected row comes through here too, recorded
    /// as a correction rather than as the sync. Returns the resident the row now describes, or
    /// nil when the row waits for `finish` (it may be a walk-in).
    @discardableResult
    func apply(_ row: RegisterRow, line: Int, as kind: HistoryRecord.Source = .registerSync, reference: String? = nil) throws -> Int64? {
        let place = "\(fileName) seq \(sequence) line \(line)"
        let source = ChangeSource(
            kind, reference: reference.map { "\($0) (\(place))" } ?? place, reason: row.event?.rawValue ?? "snapshot")
        counts.events[row.event?.rawValue ?? "SNAPSHOT", default: 0] += 1
        let mayBeWalkIn = walkInKeys.contains(IdentityLink.BirthKey(row))
        if try deferredPeople.contains(row.personID) || (mayBeWalkIn && ResidentRecord.fetchOne(db, personID: row.personID) == nil) {
            deferred.append((row, line, source))
            deferredPeople.insert(row.personID)
            return nil
        }
        return try settle(row, source: source, twinsInFile: 1)
    }

    /// Applies a row now: updates the person, or places a new one (linking a walk-in only on
    /// decisive evidence, else creating them and, if someone came close, an identity review).
    private func settle(_ row: RegisterRow, source: ChangeSource, twinsInFile: Int) throws -> Int64 {
        let id: Int64
        if let existing = try ResidentRecord.fetchOne(db, personID: row.personID) {
            id = try update(existing, from: row, source: source)
        } else {
            var person = IncomingPerson(row)
            person.alsoInFile = twinsInFile
            let resolution = walkInKeys.isEmpty ? .none : try resolver.resolve(person, in: db)
            switch resolution.outcome {
            case .matched:
                counts.linked += 1
                id = try update(try ResidentRecord.fetchOne(db, key: resolution.residentID!)!, from: row, source: source)
            case .unmatched:
                id = try create(from: row, source: source)
            case .review:
                id = try create(from: row, source: source)
                try reviews.raise(IdentityQuestion(
                    residentID: id, candidates: resolution.candidates, reason: resolution.reason,
                    sourceRef: source.reference ?? fileName), in: db)
                counts.identityReviews += 1
            }
        }
        applied += 1
        return id
    }

    /// Whether the row could be a walk-in the city already serves, which only Swift can decide.
    func mayBeWalkIn(_ row: RegisterRow) -> Bool {
        walkInKeys.contains(IdentityLink.BirthKey(row))
    }

    /// Applies the rows held back and writes the search index; call once, after the last row
    /// and before the transaction commits.
    func finish() throws {
        try settleDeferred()
        try index.flush(db)
    }

    /// Applies the rows held back (possible walk-ins), knowing now how many people in the file
    /// share each one's name.
    func settleDeferred() throws {
        var people: [IdentityLink.NameKey: Set<PersonID>] = [:]
        for item in deferred { people[IdentityLink.NameKey(item.row), default: []].insert(item.row.personID) }
        for item in deferred {
            _ = try settle(item.row, source: item.source, twinsInFile: people[IdentityLink.NameKey(item.row)]?.count ?? 1)
        }
        deferred.removeAll()
        deferredPeople.removeAll()
    }

    private func update(_ old: ResidentRecord, from row: RegisterRow, source: ChangeSource) throws -> Int64 {
        var new = old
        Self.copy(row, into: &new)
        new.registerSequence = sequence
        new.registerState = row.event.map(RegisterState.after) ?? old.registerState.afterSnapshotListing()
        let changes = try ResidentWrites.update(from: old, to: &new, by: login, at: timestamp, source: source, index: index, in: db)
        if changes.isEmpty {
            counts.unchanged += 1
        } else {
            counts.changed += 1
            touched.append(old.id!)
        }
        counts.states[new.registerState.rawValue, default: 0] += 1
        return old.id!
    }

    private func create(from row: RegisterRow, source: ChangeSource) throws -> Int64 {
        var record = Self.record(from: row)
        record.registerSequence = sequence
        try ResidentWrites.insert(&record, by: login, at: timestamp, source: source, index: index, in: db)
        counts.created += 1
        counts.states[record.registerState.rawValue, default: 0] += 1
        touched.append(record.id!)
        return record.id!
    }

    /// A new resident as the row describes them.
    static func record(from row: RegisterRow) -> ResidentRecord {
        var record = ResidentRecord(
            personID: row.personID, registerState: row.event.map(RegisterState.after) ?? .registered,
            residentCategory: row.category, residenceCardNumber: row.cardNumber, nameLatin: row.nameLatin,
            birthDate: row.birthDate, sex: row.sex, nationality: row.nationality, createdAt: "", updatedAt: "")
        copy(row, into: &record)
        return record
    }

    /// The register is the authority for every field it sends.
    static func copy(_ row: RegisterRow, into record: inout ResidentRecord) {
        record.personID = row.personID
        record.residentCategory = row.category
        record.residenceCardNumber = row.cardNumber
        record.nameLatin = row.nameLatin
        record.nameKanji = row.nameKanji
        record.commonName = row.commonName
        record.nameKana = row.nameKana
        record.birthDate = row.birthDate
        record.sex = row.sex
        record.nationality = row.nationality
        record.statusOfResidence = row.status
        record.periodOfStay = row.periodOfStay
        record.stayExpiryDate = row.stayExpiry
        record.householdID = row.householdID
        record.relationship = row.relationship
        record.postalCode = row.postalCode
        record.address = row.address
        record.districtCode = row.districtCode
        record.residentSince = row.residentSince
    }
}
