import KyoseiDomain
import KyoseiServices
import KyoseiStore

extension APIHandler {
    func listResidents(_ input: Operations.ListResidents.Input) async throws -> Operations.ListResidents.Output {
        let q = input.query
        let filter = ResidentFilter(
            state: try q.state.map { try RegisterState(code: $0.rawValue) }, district: try q.district.map(DistrictCode.init),
            nationality: try q.nationality.map(Nationality.init), household: try q.household.map { try HouseholdID($0) },
            limit: try q.limit.map { try Self.limit($0, default: $0) })
        let records = try await work { context, staff in try ResidentService(context: context).list(filter, by: staff) }
        return .ok(.init(body: .json(records.map(Components.Schemas.Resident.init))))
    }

    func findResidents(_ input: Operations.FindResidents.Input) async throws -> Operations.FindResidents.Output {
        let query = input.query.q
        let limit = try Self.limit(input.query.limit, default: 20, within: 1...1000)
        let matches = try await work { context, staff in try ResidentService(context: context).find(query, by: staff, limit: limit) }
        return .ok(.init(body: .json(matches.map { Components.Schemas.Resident($0.resident) })))
    }

    func showResident(_ input: Operations.ShowResident.Input) async throws -> Operations.ShowResident.Output {
        let ref = try ResidentRef(input.path.ref)
        let detail = try await work { context, staff in try ResidentService(context: context).show(ref, by: staff) }
        return .ok(.init(body: .json(.init(
            resident: .init(detail.resident),
            household: detail.household.map {
                .init(id: $0.id ?? 0, reference: $0.reference, relationship: $0.relationship?.rawValue, nameLatin: $0.nameLatin,
                      birthDate: $0.birthDate.description, registerState: $0.registerState.rawValue)
            }))))
    }

    func residentHistory(_ input: Operations.ResidentHistory.Input) async throws -> Operations.ResidentHistory.Output {
        let ref = try ResidentRef(input.path.ref)
        let (record, rows) = try await work { context, staff in try ResidentService(context: context).history(ref, by: staff) }
        return .ok(.init(body: .json(.init(
            id: record.id ?? 0, reference: record.reference, nameLatin: record.nameLatin,
            changes: rows.map {
                .init(entity: $0.entity, entityId: $0.entityID, field: $0.field, oldValue: $0.oldValue, newValue: $0.newValue, changedAt: $0.changedAt,
                      changedBy: $0.changedBy, source: $0.source.rawValue, sourceRef: $0.sourceRef, reason: $0.reason)
            }))))
    }

    func showHousehold(_ input: Operations.ShowHousehold.Input) async throws -> Operations.ShowHousehold.Output {
        let id = try HouseholdID(input.path.householdId)
        let members = try await work { context, staff in try ResidentService(context: context).household(id, by: staff) }
        return .ok(.init(body: .json(members.map(Components.Schemas.Resident.init))))
    }
}

extension Components.Schemas.Resident {
    /// A resident as the API shows one: the register's fields, absent where the record has none.
    public init(_ r: ResidentRecord) {
        self.init(
            id: r.id ?? 0, reference: r.reference, personId: r.personID?.rawValue, registerState: r.registerState.rawValue,
            residentCategory: r.residentCategory?.rawValue, residenceCardNumber: r.residenceCardNumber?.rawValue,
            nameLatin: r.nameLatin, nameKanji: r.nameKanji, commonName: r.commonName, nameKana: r.nameKana,
            birthDate: r.birthDate.description, sex: r.sex.rawValue, nationality: r.nationality.rawValue,
            statusOfResidence: r.statusOfResidence?.rawValue, periodOfStay: r.periodOfStay?.description,
            stayExpiryDate: r.stayExpiryDate?.description, householdId: r.householdID?.rawValue,
            relationship: r.relationship?.rawValue, postalCode: r.postalCode?.rawValue, address: r.address,
            districtCode: r.districtCode?.rawValue, residentSince: r.residentSince?.description)
    }
}
