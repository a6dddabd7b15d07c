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
    private(set) var outcome: SyncOutcome
    /// Residents a snapshot listed (or would have, but for a rejected row), by Kyosei id.
    private(set) var listed = Set<Int64>()
    private(set) var touched: [Int64] = []
    private let index = SearchIndexBatch()
    /// Whether any resident lacks a person id; without walk-ins there is nobody to link, and
    /// the sync creates none, so the identity lookups are skipped for the whole file.
    private let hasWalkIns: Bool

    init(db: Database, login: String, timestamp: String, fileName: String, sequence: Int, outcome: SyncOutcome) {
        self.db = db
        self.login = login
        self.timestamp = timestamp
        self.fileName = fileName
        self.sequence = sequence
        self.outcome = outcome
        hasWalkIns = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM resident WHERE person_id IS NULL)")) ?? true
    }

    /// Applies one row; returns the resident it now describes. A staff correction of a rejected
    /// row comes through here too, recorded as a correction rather than as the sync.
    @discardableResult
    func apply(_ row: RegisterRow, line: Int, as kind: HistoryRecord.Source = .registerSync, reference: String? = nil) throws -> Int64 {
        let place = "\(fileName) seq \(sequence) line \(line)"
        let source = ChangeSource(
            kind, reference: reference.map { "\($0) (\(place))" } ?? place, reason: row.event?.rawValue ?? "snapshot")
        outcome.events[row.event?.rawValue ?? "SNAPSHOT", default: 0] += 1
        let existing = try ResidentRecord.fetchOne(db, personID: row.personID)
        let id: Int64
        if let existing {
            id = try update(existing, from: row, source: source)
        } else {
            switch hasWalkIns ? try IdentityLink.find(for: row, in: db) : .none {
            case .link(let walkIn):
                outcome.linked += 1
                id = try update(walkIn, from: row, source: source)
            case .none:
                id = try create(from: row, source: source)
            case .review(let candidates, let reason):
                id = try create(from: row, source: source)
                var review = IdentityReviewRecord(
                    residentID: id, candidateIDs: candidates.map { "K\($0)" }.joined(separator: ","), reason: reason,
                    sourceRef: source.reference ?? fileName, createdAt: timestamp)
                try review.insert(db)
                outcome.identityReviews += 1
            }
        }
        listed.insert(id)
        outcome.applied += 1
        return id
    }

    /// A snapshot's rejected row still names a person who is in the register: they must not be
    /// marked as having left it because their row had a bad value.
    func protectListed(personID: PersonID) throws {
        if let id = try ResidentRecord.fetchOne(db, personID: personID)?.id {
            listed.insert(id)
        }
    }

    /// Writes the search index for everything applied; call before the transaction commits.
    func finish() throws {
        try index.flush(db)
    }

    /// After a snapshot: everyone still in the register whom it did not list has left it.
    func markUnlisted() throws {
        let inRegister = try Int64.fetchAll(
            db, sql: "SELECT id FROM resident WHERE person_id IS NOT NULL AND register_state IN ('REGISTERED','ABROAD')")
        let source = ChangeSource(.registerSync, reference: "\(fileName) seq \(sequence)", reason: "absent from snapshot")
        for id in inRegister where !listed.contains(id) {
            guard let old = try ResidentRecord.fetchOne(db, key: id) else { continue }
            var new = old
            new.registerState = old.registerState.afterSnapshotOmission()
            try ResidentWrites.update(from: old, to: &new, by: login, at: timestamp, source: source, index: index, in: db)
            touched.append(id)
            outcome.leftRegister += 1
            outcome.states[new.registerState.rawValue, default: 0] += 1
        }
    }

    private func update(_ old: ResidentRecord, from row: RegisterRow, source: ChangeSource) throws -> Int64 {
        var new = old
        Self.copy(row, into: &new)
        new.registerSequence = sequence
        new.registerState = row.event.map(RegisterState.after) ?? old.registerState.afterSnapshotListing()
        let changes = try ResidentWrites.update(from: old, to: &new, by: login, at: timestamp, source: source, index: index, in: db)
        if changes.isEmpty {
            outcome.unchanged += 1
        } else {
            outcome.changed += 1
            touched.append(old.id!)
        }
        outcome.states[new.registerState.rawValue, default: 0] += 1
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
        outcome.created += 1
        outcome.states[record.registerState.rawValue, default: 0] += 1
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
