import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiStore

/// Every resident Kyosei knows, indexed for matching a roster's people (a roster names people the
/// register lists, walk-ins the city serves, and people who have left), with their person ids for
/// the match report.
enum ResidentIdentityIndex {
    static func load(in db: Database) throws -> (IdentityIndex, PersonIDs) {
        let index = IdentityIndex()
        var personIDs = PersonIDs()
        let cursor = try ResidentRecord.identityFields().fetchCursor(db)
        // Residents are added a batch at a time, in three stages: this thread reads a batch from
        // the database while the other threads read the names of the batch before it, and one
        // of them stores the batch before that in the index. With the storing on this thread
        // too, this thread was the slower half and the other core waited on it: at a million
        // residents the load took 6.5 s with both cores four-fifths busy.
        var batch: [IdentityRecord] = []
        var reading: BackgroundWork<IdentityIndex.ReadResidents>?
        var storing: BackgroundWork<Void>?
        func storeRead() {
            // Waited for here, not on the thread that stores it: a pool thread blocked waiting
            // is one fewer for reading names, and with two cores the first seconds, while the
            // names are new, ran on one.
            guard let read = reading?.wait() else { return }
            // One batch stored at a time, in order; waiting here keeps one batch in each stage.
            storing?.wait()
            storing = BackgroundWork { index.add(read) }
        }
        func store(_ batch: [IdentityRecord]) {
            let next = BackgroundWork { IdentityIndex.read(batch) }
            storeRead()
            reading = next
        }
        while let row = try cursor.next() {
            guard let birth = try? LocalDate(row["birth_date"] as String), let sex = Sex(rawValue: row["sex"]) else { continue }
            let id: Int64 = row["id"]
            if let personID = row["person_id"] as String? { personIDs.set(personID, for: id) }
            batch.append(IdentityRecord(
                id: id, nameLatin: row["name_latin"], nameKana: row["name_kana"], birthDate: birth, sex: sex,
                nationality: try? Nationality(row["nationality"] as String),
                cardNumber: (row["residence_card_number"] as String?).flatMap { try? ResidenceCardNumber($0) }))
            if batch.count == 8192 {
                store(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        store(batch)
        storeRead()
        storing?.wait()
        index.compact()
        return (index, personIDs)
    }
}
