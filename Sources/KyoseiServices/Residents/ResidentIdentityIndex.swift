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
        // Residents are added a batch at a time, their names read on the other threads while
        // this one reads the next batch from the database and stores the batch before: in turn,
        // the two took 10 s of a million-resident roster import, the other core idle for most.
        var batch: [IdentityRecord] = []
        var reading: BackgroundWork<IdentityIndex.ReadResidents>?
        func store(_ batch: [IdentityRecord]) {
            let next = BackgroundWork { IdentityIndex.read(batch) }
            if let reading { index.add(reading.wait()) }
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
        if let reading { index.add(reading.wait()) }
        index.compact()
        return (index, personIDs)
    }
}
