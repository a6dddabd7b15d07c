import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// Applies register rows to residents inside the sync's transaction: finds the person by
/// person id, else links a walk-in the city registered without one when the evidence is
/// decisive, else creates them; moves register states as `formats.md` says; writes history.
final class RegisterReconciler {
    private let db: Database
    private let login: String
    private let timestamp: String
    private let fileName: String
    private let sequence: Int
    private(set) var counts: RegisterCounts
    private(set) var applied = 0
    /// Residents a snapshot listed (or would have, but for a rejected row), by Kyosei id.
    private(set) var listed = Set<Int64>()
    private(set) var touched: [Int64] = []
    private let index = SearchIndexBatch()
    /// Birth date, sex and nationality of every walk-in (residents without a person id). A new
    /// register row that shares them might be one of those walk-ins; it is held back to the end
    /// of the file, so a link is decided knowing whether the file also holds a twin. Without
    /// walk-ins nothing is held back and no identity lookup runs.
    private let walkInKeys: Set<IdentityLink.BirthKey>
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
            if row.event == nil, listed.contains(existing.id!) {
                throw DuplicateSnapshotRow(personID: row.personID)
            }
            id = try update(existing, from: row, source: source)
        } else {
            switch walkInKeys.isEmpty ? .none : try IdentityLink.find(for: row, twinsInFile: twinsInFile, in: db) {
            case .link(let walkIn):
                counts.linked += 1
                id = try update(walkIn, from: row, source: source)
            case .none:
                id = try create(from: row, source: source)
            case .review(let candidates, let reason):
                id = try create(from: row, source: source)
                var review = IdentityReviewRecord(
                    residentID: id, candidateIDs: candidates.map { "K\($0)" }.joined(separator: ","), reason: reason,
                    sourceRef: source.reference ?? fileName, createdAt: timestamp)
                try review.insert(db)
                counts.identityReviews += 1
            }
        }
        listed.insert(id)
        applied += 1
        return id
    }

    /// A snapshot's rejected row still names a person who is in the register: they must not be
    /// marked as having left it because their row had a bad value.
    func protectListed(personID: PersonID) throws {
        if let id = try ResidentRecord.fetchOne(db, personID: personID)?.id {
            listed.insert(id)
        }
    }

    /// Applies the rows held back, marks whom a snapshot did not list, and writes the search
    /// index; call once, after the last row and before the transaction commits.
    func finish(snapshot: Bool) throws {
        var people: [IdentityLink.NameKey: Set<PersonID>] = [:]
        for item in deferred { people[IdentityLink.NameKey(item.row), default: []].insert(item.row.personID) }
        for item in deferred {
            _ = try settle(item.row, source: item.source, twinsInFile: people[IdentityLink.NameKey(item.row)]?.count ?? 1)
        }
        deferred.removeAll()
        deferredPeople.removeAll()
        if snapshot { try markUnlisted() }
        try index.flush(db)
    }

    /// After a snapshot: everyone still in the register whom it did not list has left it.
    private func markUnlisted() throws {
        let inRegister = try Int64.fetchAll(
            db, sql: "SELECT id FROM resident WHERE person_id IS NOT NULL AND register_state IN ('REGISTERED','ABROAD')")
        let source = ChangeSource(.registerSync, reference: "\(fileName) seq \(sequence)", reason: "absent from snapshot")
        for id in inRegister where !listed.contains(id) {
            guard let old = try ResidentRecord.fetchOne(db, key: id) else { continue }
            var new = old
            new.registerState = old.registerState.afterSnapshotOmission()
            try ResidentWrites.update(from: old, to: &new, by: login, at: timestamp, source: source, index: index, in: db)
            touched.append(id)
            counts.leftRegister += 1
            counts.states[new.registerState.rawValue, default: 0] += 1
        }
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
        var record = ResidentRecord(
            personID: row.personID, registerState: row.event.map(RegisterState.after) ?? .registered,
            residentCategory: row.category, residenceCardNumber: row.cardNumber, nameLatin: row.nameLatin,
            birthDate: row.birthDate, sex: row.sex, nationality: row.nationality, createdAt: "", updatedAt: "")
        Self.copy(row, into: &record)
        record.registerSequence = sequence
        try ResidentWrites.insert(&record, by: login, at: timestamp, source: source, index: index, in: db)
        counts.created += 1
        counts.states[record.registerState.rawValue, default: 0] += 1
        touched.append(record.id!)
        return record.id!
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

/// A snapshot lists each registered person once; a second row for the same person id is set
/// aside as a reject rather than silently overwriting the first.
struct DuplicateSnapshotRow: Error {
    let personID: PersonID
}
