import GRDB
import KyoseiDomain
import KyoseiStore

/// Registering, finding, showing and editing residents and households. Every call reads or
/// writes personal data, so every call is made for a member of staff and is audited.
public struct ResidentService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Registers a person the register does not show (a walk-in): `UNREGISTERED_SERVED`.
    public func create(_ draft: ResidentDraft, by staff: StaffMember, reason: String?) throws -> ResidentRecord {
        try context.perform(.residentWrite, by: staff, action: .residentCreate, entity: .resident) { db, audit in
            var record = ResidentRecord(
                personID: nil, registerState: .unregisteredServed, residentCategory: nil,
                residenceCardNumber: draft.residenceCardNumber, nameLatin: try ResidentDraft.registerLatinName(draft.nameLatin),
                nameKanji: draft.nameKanji, commonName: draft.commonName, nameKana: draft.nameKana,
                birthDate: draft.birthDate, sex: draft.sex, nationality: draft.nationality,
                statusOfResidence: draft.statusOfResidence, stayExpiryDate: draft.stayExpiryDate,
                householdID: draft.householdID, relationship: draft.relationship, postalCode: draft.postalCode,
                address: draft.address, districtCode: draft.districtCode, createdAt: "", updatedAt: "")
            try ResidentWrites.insert(
                &record, by: staff.login, at: context.clock.timestamp(),
                source: ChangeSource(.staffEdit, reason: reason), in: db)
            audit.residentIDs = [record.id!]
            return record
        }
    }

    /// Changes the given fields. A correction of a wrong value is kept apart from an ordinary edit.
    public func update(
        _ ref: ResidentRef, changes: ResidentChanges, by staff: StaffMember, reason: String?, correction: Bool = false
    ) throws -> ResidentRecord {
        guard !changes.isEmpty else { throw ServiceError.usage("Nothing to change: give at least one field to update.") }
        return try context.perform(.residentWrite, by: staff, action: .residentUpdate, entity: .resident) { db, audit in
            let old = try ResidentWrites.fetch(ref, in: db)
            var new = old
            if let v = changes.nameLatin { new.nameLatin = try ResidentDraft.registerLatinName(v) }
            if let v = changes.nameKanji { new.nameKanji = v }
            if let v = changes.commonName { new.commonName = v }
            if let v = changes.nameKana { new.nameKana = v }
            if let v = changes.residenceCardNumber { new.residenceCardNumber = v }
            if let v = changes.statusOfResidence { new.statusOfResidence = v }
            if let v = changes.stayExpiryDate { new.stayExpiryDate = v }
            if let v = changes.householdID { new.householdID = v }
            if let v = changes.relationship { new.relationship = v }
            if let v = changes.postalCode { new.postalCode = v }
            if let v = changes.address { new.address = v }
            if let v = changes.districtCode { new.districtCode = v }
            let changed = try ResidentWrites.update(
                from: old, to: &new, by: staff.login, at: context.clock.timestamp(),
                source: ChangeSource(correction ? .correction : .staffEdit, reason: reason), in: db)
            audit.residentIDs = [old.id!]
            audit.detail = changed.map(\.field).joined(separator: ",")
            return new
        }
    }

    /// One person with the members of their household.
    public func show(_ ref: ResidentRef, by staff: StaffMember) throws -> ResidentDetail {
        try context.performRead(.residentRead, by: staff, action: .residentShow, entity: .resident) { db, audit in
            let record = try ResidentWrites.fetch(ref, in: db)
            let household = try record.householdID.map {
                try ResidentRecord.all().filter(householdID: $0).orderedByID().fetchAll(db)
            } ?? []
            audit.residentIDs = [record.id!]
            return ResidentDetail(resident: record, household: household.filter { $0.id != record.id })
        }
    }

    /// Ranked search over names in any script, ids and birth dates.
    public func find(_ text: String, by staff: StaffMember, limit: Int = 20) throws -> [ResidentMatch] {
        try context.performRead(.residentRead, by: staff, action: .residentFind, entity: .resident, rows: { $0.count }) { db, audit in
            let query = try ResidentQuery(text)
            let matches = try ResidentSearch.run(query, limit: limit, in: db)
            audit.residentIDs = matches.map { $0.resident.id! }
            audit.detail = "query=\(text) results=\(matches.count)"
            return matches
        }
    }

    /// Every resident a filter selects is a bulk export of personal records, not a look-up, so
    /// it needs `export.personal` (every role that holds it also reads residents one by one).
    public func list(_ filter: ResidentFilter, by staff: StaffMember) throws -> [ResidentRecord] {
        try context.performRead(.personalExport, by: staff, action: .residentList, entity: .resident) { db, audit in
            var request = ResidentRecord.all().orderedByID()
            if let s = filter.state { request = request.filter(state: s) }
            if let d = filter.district { request = request.filter(district: d) }
            if let n = filter.nationality { request = request.filter(nationality: n) }
            if let h = filter.household { request = request.filter(householdID: h) }
            if let limit = filter.limit { request = request.limit(limit) }
            let records = try request.fetchAll(db)
            audit.residentIDs = records.map { $0.id! }
            audit.detail = filter.description
            return records
        }
    }

    public func history(_ ref: ResidentRef, by staff: StaffMember) throws -> (ResidentRecord, [HistoryRecord]) {
        try context.performRead(.residentRead, by: staff, action: .residentHistory, entity: .resident) { db, audit in
            let record = try ResidentWrites.fetch(ref, in: db)
            let rows = try HistoryRecord.all().filter(residentID: record.id!).chronological().fetchAll(db)
            audit.residentIDs = [record.id!]
            return (record, rows)
        }
    }

    public func household(_ id: HouseholdID, by staff: StaffMember) throws -> [ResidentRecord] {
        try context.performRead(.residentRead, by: staff, action: .householdShow, entity: .household) { db, audit in
            let members = try ResidentRecord.all().filter(householdID: id).orderedByID().fetchAll(db)
            guard !members.isEmpty else { throw ServiceError.notFound("No household \(id) in this database.") }
            audit.residentIDs = members.map { $0.id! }
            audit.detail = "household=\(id)"
            return members
        }
    }
}

public struct ResidentDetail: Sendable {
    public let resident: ResidentRecord
    public let household: [ResidentRecord]
}

public struct ResidentMatch: Sendable {
    public let resident: ResidentRecord
    /// Higher is better; comparable within one search only.
    public let score: Double
}

public struct ResidentFilter: Sendable, CustomStringConvertible {
    public var state: RegisterState?
    public var district: DistrictCode?
    public var nationality: Nationality?
    public var household: HouseholdID?
    public var limit: Int?

    public init(state: RegisterState? = nil, district: DistrictCode? = nil, nationality: Nationality? = nil,
                household: HouseholdID? = nil, limit: Int? = nil) {
        self.state = state
        self.district = district
        self.nationality = nationality
        self.household = household
        self.limit = limit
    }

    public var description: String {
        [state.map { "state=\($0)" }, district.map { "district=\($0)" }, nationality.map { "nationality=\($0)" },
         household.map { "household=\($0)" }, limit.map { "limit=\($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }
}
